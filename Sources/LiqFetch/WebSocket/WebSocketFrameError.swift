/// A framing failure found by `WebSocketFrameParser`, before the connection adds the URL to it.
enum WebSocketFrameError: Error, Sendable, Equatable {
    /// A rule of RFC 6455 §5 was broken; the text says which.
    case protocolViolation(String)
    /// The message under way would grow to `declaredBytes` (fragments so far plus the frame's declared length),
    /// beyond `limitBytes`.
    case messageTooLarge(limitBytes: Int, declaredBytes: UInt64)

    /// The public error for the connection to `url`.
    func webSocketError(url: String) -> WebSocketError {
        switch self {
        case .protocolViolation(let reason): .protocolViolation(url: url, reason: reason)
        case .messageTooLarge(let limit, let declared):
            .messageTooLarge(url: url, limitBytes: limit, declaredBytes: declared)
        }
    }
}
