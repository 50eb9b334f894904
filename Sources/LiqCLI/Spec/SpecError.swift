/// The spec could not be read or is invalid; wraps the file or JSON error, which names the file and JSON path.
/// A distinct type so the CLI maps it to exit code 2 (usage or spec error), not 1.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    public var underlying: any Error & Sendable

    public init(_ underlying: any Error & Sendable) {
        self.underlying = underlying
    }

    public var description: String { "\(underlying)" }
}
