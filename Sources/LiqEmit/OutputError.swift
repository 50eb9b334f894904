/// Writing an output failed; names the file, the system call and the OS's reason.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(path): \(operation) failed: \(reason)" }
}
