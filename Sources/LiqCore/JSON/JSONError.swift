/// A JSON document that is malformed, or well-formed but not what we expected, with enough context to find it:
/// the file or URL, the line and column (syntax) or the JSON path (shape), what was expected and what was found.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Location: Sendable, Equatable {
        case text(line: Int, column: Int)
        case path(JSONPath)
    }

    /// The file path or URL the document came from.
    public var origin: String
    public var location: Location
    public var expected: String
    public var found: String

    public init(origin: String, location: Location, expected: String, found: String) {
        self.origin = origin
        self.location = location
        self.expected = expected
        self.found = found
    }

    public var description: String {
        switch location {
        case .text(let line, let column):
            "\(origin):\(line):\(column): invalid JSON: expected \(expected), found \(found)"
        case .path(let path):
            "\(origin): \(path): expected \(expected), found \(found)"
        }
    }
}
