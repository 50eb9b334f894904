public import LiqCore

/// The name of a closed capture segment: `<venue>-<YYYYMMDD>T<HH>[.<sequence>].ndjson.gz`, stored under
/// `<venue>/<YYYY-MM-DD>/` in the capture directory; the open segment adds `.part`.
///
/// Sequence 0 (no suffix) is the hour's first segment; a collector restarted within the hour writes `.1`, `.2`…
/// so a closed segment is never reopened. Names sort by venue, hour and sequence, which is receive order.
///
/// `liqpipe maintain` compacts an old day's hourly segments into one daily file `<venue>-<YYYYMMDD>.ndjson.gz`
/// (`isDaily`, `hourStartMs` the day's 00:00, no sequence): it sorts before that day's hourly segments, which it
/// replaces.
public struct CaptureSegmentName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let suffix = ".ndjson.gz"
    public static let partSuffix = ".part"
    static let hourMs: Int64 = 3_600_000

    public var venue: String
    /// Start of the UTC hour the segment's records were received in, epoch milliseconds.
    public var hourStartMs: Int64
    public var sequence: Int
    /// True for a compacted day (`<venue>-<YYYYMMDD>.ndjson.gz`): `hourStartMs` is the day's 00:00.
    public var isDaily: Bool

    public init(venue: String, hourStartMs: Int64, sequence: Int = 0) {
        self.venue = venue
        self.hourStartMs = hourStartMs
        self.sequence = sequence
        isDaily = false
    }

    /// The daily file of `day`.
    public init(venue: String, day: UTCDate) {
        self.init(venue: venue, hourStartMs: day.startMs)
        isDaily = true
    }

    /// The segment name of the hour containing `receivedMs`.
    public init(venue: String, receivedMs: Int64, sequence: Int = 0) {
        let hour = receivedMs >= 0 ? receivedMs / Self.hourMs : (receivedMs - Self.hourMs + 1) / Self.hourMs
        self.init(venue: venue, hourStartMs: hour * Self.hourMs, sequence: sequence)
    }

    /// Parses a closed segment's file name; nil for anything else (a `.part`, a foreign file).
    public init?(fileName: String) {
        guard fileName.hasSuffix(Self.suffix) else { return nil }
        var stem = Substring(fileName.dropLast(Self.suffix.count))
        var sequence = 0
        if let dot = stem.lastIndex(of: "."), let number = Int(stem[stem.index(after: dot)...]), number > 0,
            String(number) == stem[stem.index(after: dot)...]
        {
            sequence = number
            stem = stem[..<dot]
        }
        if sequence == 0, let daily = Self.daily(stem) {
            self = daily
            return
        }
        // `-YYYYMMDDTHH` is the last 12 characters; venue ids contain dashes themselves.
        let stamp = Array(stem.utf8.suffix(12))
        guard stamp.count == 12, stem.utf8.count > 12, stamp[0] == UInt8(ascii: "-"), stamp[9] == UInt8(ascii: "T"),
            let year = Self.number(stamp[1..<5]), let month = Self.number(stamp[5..<7]),
            let day = Self.number(stamp[7..<9]), let hour = Self.number(stamp[10..<12]),
            (1...12).contains(month), (1...31).contains(day), hour < 24
        else { return nil }
        let date = UTCDate(year: year, month: month, day: day)
        // Reject dates like 02-31 that would silently roll over.
        guard UTCDate(timestampMs: date.startMs) == date else { return nil }
        self.init(
            venue: String(stem.dropLast(12)), hourStartMs: date.startMs + Int64(hour) * Self.hourMs,
            sequence: sequence)
    }

    /// A daily file's stem `<venue>-<YYYYMMDD>`; nil for anything else.
    private static func daily(_ stem: Substring) -> CaptureSegmentName? {
        let stamp = Array(stem.utf8.suffix(9))
        guard stamp.count == 9, stem.utf8.count > 9, stamp[0] == UInt8(ascii: "-"),
            let year = number(stamp[1..<5]), let month = number(stamp[5..<7]), let day = number(stamp[7..<9]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let date = UTCDate(year: year, month: month, day: day)
        guard UTCDate(timestampMs: date.startMs) == date else { return nil }
        return CaptureSegmentName(venue: String(stem.dropLast(9)), day: date)
    }

    /// `<venue>-<YYYYMMDD>T<HH>[.<sequence>].ndjson.gz`, or `<venue>-<YYYYMMDD>.ndjson.gz` for a daily file.
    public var fileName: String {
        let day = UTCDate(timestampMs: hourStartMs)
        if isDaily { return "\(venue)-\(day.description.filter { $0 != "-" })\(Self.suffix)" }
        let hour = (hourStartMs - day.startMs) / Self.hourMs
        let stamp = day.description.filter { $0 != "-" } + "T" + (hour < 10 ? "0" : "") + "\(hour)"
        return "\(venue)-\(stamp)\(sequence > 0 ? ".\(sequence)" : "")\(Self.suffix)"
    }

    /// `<venue>/<YYYY-MM-DD>`, relative to the capture directory.
    public var directory: String { "\(venue)/\(UTCDate(timestampMs: hourStartMs))" }

    public var relativePath: String { directory + "/" + fileName }

    public var description: String { relativePath }

    /// Venue, hour, then a daily file before the hourly segments of its first hour, then sequence.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.venue, lhs.hourStartMs, lhs.isDaily ? 0 : 1, lhs.sequence)
            < (rhs.venue, rhs.hourStartMs, rhs.isDaily ? 0 : 1, rhs.sequence)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
