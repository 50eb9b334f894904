/// A CSV archive file that does not read as expected: which file, which line, which column (its header name
/// when the file has a header, else its zero-based index), what was expected and an excerpt of what was found.
public struct ArchiveCSVError: Error, CustomStringConvertible, Equatable, Sendable {
    public var origin: String
    /// 1-based physical line where the row starts.
    public var line: Int
    /// The column's header name, or `#<index>` (zero-based) when the file has no header; nil for whole-line
    /// problems.
    public var column: String?
    public var expected: String
    public var found: String

    public init(origin: String, line: Int, column: String?, expected: String, found: String) {
        self.origin = origin
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
    }

    public var description: String {
        let place = column.map { "line \(line), column \($0)" } ?? "line \(line)"
        return "\(origin): \(place): expected \(expected), found \(found)"
    }

    /// At most 40 bytes of a field, quoted, so a runaway line does not flood a log.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let limit = 40
        let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(limit)), as: UTF8.self)
        return "\"" + shown + (bytes.count > limit ? "…\" (\(bytes.count) bytes)" : "\"")
    }
}
