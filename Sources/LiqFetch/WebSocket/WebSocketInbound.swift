/// What the server sent, as `WebSocketFrameParser` hands it on: a whole data message or one control frame.
enum WebSocketInbound: Sendable, Equatable {
    /// A complete (reassembled) text or binary message.
    case message(WebSocketMessage)
    /// A ping; the client must answer with a pong carrying the same payload (§5.5.2).
    case ping([UInt8])
    /// A pong, the answer to our ping or an unsolicited heartbeat (§5.5.3).
    case pong([UInt8])
    /// A close frame: its status code (1005 when it had none, §7.1.5) and reason.
    case close(code: UInt16, reason: String)
}
