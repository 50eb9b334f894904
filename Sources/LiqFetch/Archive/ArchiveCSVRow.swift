import LiqCore

/// One data row of an archive CSV, handed to the parser's callback and valid only inside it: the fields point
/// into the parser's (or the caller's chunk's) bytes, which is what lets a 100 MB file be read without building a
/// `String` or an `Array` per row.
public struct ArchiveCSVRow {
    public var lineNumber: Int
    public var count: Int { bounds.count / 2 }
    /// The file's column names when its first row was a header, so decoders can find columns by name.
    public var header: [String]? { context._withUnsafeGuaranteedRef { $0.header } }
    var origin: String { context._withUnsafeGuaranteedRef { $0.origin } }
    /// The parser's origin and header, unretained: the parser owns them for longer than the row may live (the
    /// row never escapes the callback), and a row holding the string and array themselves retained and released
    /// both for every row of every file.
    let context: Unmanaged<Context>
    let bytes: UnsafeBufferPointer<UInt8>
    /// Start and end offsets into `bytes`, two per field.
    let bounds: UnsafeBufferPointer<Int>

    /// What every row of one file shares.
    final class Context {
        let origin: String
        let header: [String]?

        init(origin: String, header: [String]?) {
            self.origin = origin
            self.header = header
        }
    }

    init(
        context: Unmanaged<Context>, lineNumber: Int, bytes: UnsafeBufferPointer<UInt8>,
        bounds: UnsafeBufferPointer<Int>
    ) {
        self.context = context
        self.lineNumber = lineNumber
        self.bytes = bytes
        self.bounds = bounds
    }

    /// The bytes of field `index`, unquoted. A buffer rather than an `ArraySlice`: a slice would need an array,
    /// that is a copy and an allocation per row; the buffer costs nothing and, like the row, must not escape
    /// the callback. Empty for an index past the last field, as for an empty field.
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: bytes[bounds[2 * index]..<bounds[2 * index + 1]])
    }

    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// Exact decimal text (`"0.1"`, `"-0.00010000"`, `"1e-5"`) as the Double nearest to it, bit-identical to
    /// LiqCore's `DecimalText` (the JSON decoders' parser), so archive and REST rows of the same value agree.
    public func decimal(_ index: Int) throws(ArchiveCSVError) -> Double {
        let text = try present(index, expected: "a decimal number")
        guard let value = FastDecimal.parse(text) else {
            throw error(index, expected: "a decimal number", found: ArchiveCSVError.excerpt(text))
        }
        return value
    }

    public func int64(_ index: Int) throws(ArchiveCSVError) -> Int64 {
        let text = try present(index, expected: "an integer")
        guard let value = Self.integer(text) else {
            throw error(index, expected: "an integer", found: ArchiveCSVError.excerpt(text))
        }
        return value
    }

    /// UTC epoch milliseconds from an epoch integer (seconds, milliseconds or microseconds told apart by
    /// magnitude, exactly as LiqCore's `Timestamp`) or from `YYYY-MM-DD HH:MM:SS` UTC (the `metrics` archive's
    /// `create_time`). A date alone is refused: on 5-minute rows it would silently collapse a day onto midnight.
    public func timestampMs(_ index: Int) throws(ArchiveCSVError) -> Int64 {
        let expected = "a timestamp (epoch s/ms/µs or YYYY-MM-DD HH:MM:SS UTC)"
        let text = try present(index, expected: expected)
        if let integer = Self.integer(text) {
            if let milliseconds = Timestamp.milliseconds(fromEpochInteger: integer) { return milliseconds }
        } else if let milliseconds = Self.dateTime(text) {
            return milliseconds
        }
        throw error(index, expected: expected, found: ArchiveCSVError.excerpt(text))
    }

    /// The error for field `index`, naming its column by header name when there is one.
    public func error(_ index: Int, expected: String, found: String) -> ArchiveCSVError {
        ArchiveCSVError(origin: origin, line: lineNumber, column: columnName(index), expected: expected, found: found)
    }

    /// The header name of column `index`, or `#index` in a file without a header.
    func columnName(_ index: Int) -> String {
        if let header, index < header.count { return header[index] }
        return "#\(index)"
    }

    private func present(_ index: Int, expected: String) throws(ArchiveCSVError) -> UnsafeBufferPointer<UInt8> {
        guard index < count else {
            throw error(index, expected: expected, found: "a row of \(count) fields")
        }
        let text = field(index)
        guard !text.isEmpty else { throw error(index, expected: expected, found: "an empty field") }
        return text
    }

    /// `-?[0-9]{1,19}` within Int64, nil otherwise.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var position = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { position = 1 }
        guard position < text.count else { return nil }
        // Up to 18 digits cannot overflow (10¹⁸ − 1 < 2⁶³): no overflow check per digit for timestamps and counts.
        if text.count - position <= 18 {
            var value: Int64 = 0
            while position < text.count {
                let digit = text[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int64(digit)
                position += 1
            }
            return negative ? -value : value
        }
        var magnitude: UInt64 = 0
        while position < text.count {
            let digit = text[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            position += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// `YYYY-MM-DD HH:MM:SS` as UTC epoch milliseconds; nil unless the date exists (Feb 29 only in leap years,
    /// no April 31) and the time is within the day.
    static func dateTime(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard text.count == 19, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            text[10] == UInt8(ascii: " "), text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for position in start..<start + length {
                let digit = text[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let date = UTCDate(year: year, month: month, day: day)
        // A day past the month's end rolls into the next month; the round trip catches it.
        guard UTCDate(timestampMs: date.startMs) == date else { return nil }
        return date.startMs + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000)
    }
}
