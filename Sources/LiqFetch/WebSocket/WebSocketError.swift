/// Why a WebSocket connection could not be opened or ended, with the URL and what was wrong, so a collector log line
/// says which stream failed and whether reconnecting can help.
public enum WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL or an extra header cannot be sent (bad scheme, port, fragment, CR/LF in a header).
    case invalidRequest(url: String, reason: String)
    /// The TCP or TLS connection could not be established (resolution, refusal, certificate); `detail` is libcurl's.
    case connectFailed(url: String, detail: String)
    /// A phase (`connect`, `handshake`, `send`) did not finish within its limit from `WebSocketOptions`.
    case timedOut(url: String, phase: String)
    /// The server answered the upgrade with another status: its status line and the start of its body.
    case handshakeRejected(url: String, statusLine: String, bodyExcerpt: String)
    /// The server answered 101 but not as RFC 6455 requires (missing headers, wrong accept value, oversized head).
    case handshakeInvalid(url: String, reason: String)
    /// The connection broke: a send or receive failed, or the server closed TCP without a close frame.
    case transport(url: String, detail: String)
    /// The server broke the framing rules of RFC 6455 §5; the connection was dropped.
    case protocolViolation(url: String, reason: String)
    /// A message would have exceeded `limitBytes`; raised from the frame header, before its payload was read.
    case messageTooLarge(url: String, limitBytes: Int, declaredBytes: UInt64)
    /// The connection ended with a close handshake: the server's (or, after `close`, our own) status code and
    /// reason. Code 1005 means the close frame carried no code.
    case closed(code: UInt16, reason: String)

    /// One line naming the URL (or the close code) and what happened.
    public var description: String {
        switch self {
        case .invalidRequest(let url, let reason):
            "WebSocket \(url): invalid request: \(reason)"
        case .connectFailed(let url, let detail):
            "WebSocket \(url): could not connect: \(detail)"
        case .timedOut(let url, let phase):
            "WebSocket \(url): \(phase) timed out"
        case .handshakeRejected(let url, let statusLine, let bodyExcerpt):
            "WebSocket \(url): upgrade rejected with \"\(statusLine)\""
                + (bodyExcerpt.isEmpty ? "" : ", body: \(bodyExcerpt)")
        case .handshakeInvalid(let url, let reason):
            "WebSocket \(url): invalid upgrade response: \(reason)"
        case .transport(let url, let detail):
            "WebSocket \(url): connection lost: \(detail)"
        case .protocolViolation(let url, let reason):
            "WebSocket \(url): protocol violation: \(reason)"
        case .messageTooLarge(let url, let limitBytes, let declaredBytes):
            "WebSocket \(url): message of at least \(declaredBytes) bytes exceeds the limit of \(limitBytes) bytes"
        case .closed(let code, let reason):
            "WebSocket closed with code \(code)" + (reason.isEmpty ? "" : ": \(reason)")
        }
    }
}
