import Glibc

/// A failed socket call in the test server, with the call's name and `errno`, so a broken test setup says what
/// failed instead of hanging.
public struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C call that failed, e.g. `bind`.
    public var call: String
    /// The `errno` value it left.
    public var code: Int32

    /// Captures the current `errno` for `call`.
    init(_ call: String) {
        self.call = call
        self.code = errno
    }

    /// `call` and the system's text for the error number.
    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
