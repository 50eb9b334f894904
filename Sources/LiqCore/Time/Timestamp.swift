/// Reading venue timestamps into UTC epoch milliseconds.
///
/// Venues send seconds (Hyperliquid, Deribit some), milliseconds (most), microseconds (Binance spot archives
/// since 2025) and ISO strings (BitMEX). Epoch numbers are told apart by magnitude, which is unambiguous for any
/// date between 2001 and 2286: seconds have ≤ 10 integer digits, milliseconds 13, microseconds 16.
public enum Timestamp {
    public static func parseMilliseconds(_ text: String) -> Int64? {
        if let integer = Int64(text) {
            return milliseconds(fromEpochInteger: integer)
        }
        if let seconds = DecimalText.parse(text), seconds >= 0, seconds < 100_000_000_000 {
            return Int64((seconds * 1000).rounded())
        }
        return parseISO8601(text)
    }

    /// An epoch integer in seconds, milliseconds or microseconds (told apart by magnitude) as milliseconds; nil
    /// when negative or too large for any of the three. Public so byte-level fast paths classify exactly alike.
    public static func milliseconds(fromEpochInteger integer: Int64) -> Int64? {
        guard integer >= 0 else { return nil }
        switch integer {
        case ..<100_000_000_000: return integer * 1000
        case ..<100_000_000_000_000: return integer
        case ..<100_000_000_000_000_000: return integer / 1000
        default: return nil
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff…](Z|+00:00)` and the space-separated form; UTC only, since an offset other
    /// than zero in a venue feed is more likely a bug than a feature.
    public static func parseISO8601(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millisecond = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                millisecond += Int(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        guard rest.isEmpty || rest == "Z" || rest == "+00:00" || rest == "+0000" else { return nil }
        let days = UTCDate.daysFromCivil(year: year, month: month, day: day)
        return Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
    }

    /// `2025-10-10T00:00:00.000Z` for an epoch-ms time.
    public static func iso8601(_ timestampMs: Int64) -> String {
        let date = UTCDate(timestampMs: timestampMs)
        let msOfDay = timestampMs - date.startMs
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(date)T\(pad(msOfDay / 3_600_000, 2)):\(pad(msOfDay / 60_000 % 60, 2)):"
            + "\(pad(msOfDay / 1_000 % 60, 2)).\(pad(msOfDay % 1_000, 3))Z"
    }
}
