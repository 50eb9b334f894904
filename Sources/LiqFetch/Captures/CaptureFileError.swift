/// A capture segment or directory could not be written, renamed, listed or synced; names the path and the call.
public struct CaptureFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The failing operation (`open`, `write`, `fsync`, `rename`…).
    public var operation: String
    /// `strerror`'s text for the OS's reason.
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(path): \(operation) failed: \(reason)" }
}
