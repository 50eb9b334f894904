/// A row of a record file (the store's own CSV) that cannot be read back: names the file and line, the column,
/// what was expected and what was found, so a hand-edited or damaged partition is found without a debugger.
public struct RecordReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `path:line` (line 1 is the header).
    public var origin: String
    public var column: String?
    public var expected: String
    public var found: String

    public init(origin: String, column: String?, expected: String, found: String) {
        self.origin = origin
        self.column = column
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(origin)\(column.map { ": column \($0)" } ?? ""): expected \(expected), found \(found)"
    }
}
