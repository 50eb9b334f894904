/// A failed step in a loopback WebSocket server script: the client broke the protocol (an unmasked frame, a frame
/// of the wrong kind), went quiet, or hung up. The server records it so the test can fail with the message.
public struct LoopbackWebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words.
    public var message: String
    /// Whether the client closed the TCP connection while the script was reading.
    public var isEndOfStream: Bool

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
        self.isEndOfStream = false
    }

    /// The client closed the connection while the script was waiting for `what`.
    static func endOfStream(waitingFor what: String) -> LoopbackWebSocketError {
        var error = LoopbackWebSocketError("the client closed the connection while the script waited for \(what)")
        error.isEndOfStream = true
        return error
    }

    /// The message.
    public var description: String {
        message
    }
}
