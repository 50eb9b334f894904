import LiqCore

/// Reads a `Retry-After` header (RFC 9110 §10.2.3): how long the server asks us to wait.
enum RetryAfter {
    /// The wait in seconds at `now` (epoch seconds), never negative, or nil when the value is neither form. The
    /// value is expected trimmed, as `HTTPHeaders` stores it.
    ///
    /// Delta-seconds are whole numbers in the RFC; a decimal fraction is accepted too, since reading it costs
    /// nothing and rounding it away would only make us wait a different time than asked. HTTP dates are accepted in
    /// all three forms the RFC obliges recipients to read.
    static func seconds(_ value: String, now: Double) -> Double? {
        if !value.isEmpty, value.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) {
            return Double(value)
        }
        return httpDate(value).map { max(0, $0 - now) }
    }

    /// An HTTP date as epoch seconds, or nil.
    ///
    /// - IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT` (what servers send today)
    /// - obsolete RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`; a two-digit year is read as 1970–2069
    /// - obsolete asctime `Sun Nov  6 08:49:37 1994`
    static func httpDate(_ text: String) -> Double? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        let day: String
        let month: String
        let year: String
        let time: String
        switch tokens.count {
        case 6 where tokens[5] == "GMT":
            (day, month, year, time) = (tokens[1], tokens[2], tokens[3], tokens[4])
        case 5:
            (month, day, time, year) = (tokens[1], tokens[2], tokens[3], tokens[4])
        default:
            return nil
        }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard let monthNumber = months.firstIndex(of: month).map({ $0 + 1 }),
            day.count <= 2, let dayNumber = Int(day), (1...31).contains(dayNumber),
            year.count == 2 || year.count == 4, var yearNumber = Int(year),
            clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            hour < 24, minute < 60, second < 61
        else {
            return nil
        }
        if year.count == 2 {
            yearNumber += yearNumber < 70 ? 2000 : 1900
        }
        let midnightMs = UTCDate(year: yearNumber, month: monthNumber, day: dayNumber).startMs
        return Double(midnightMs / 1000 + Int64(hour * 3600 + minute * 60 + second))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
