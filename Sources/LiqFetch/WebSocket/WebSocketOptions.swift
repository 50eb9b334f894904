/// Limits and extras for one WebSocket connection. Every time is in seconds and must be finite and positive.
public struct WebSocketOptions: Sendable, Equatable {
    /// Largest message accepted, all fragments together, in payload bytes; a frame declaring more fails the
    /// connection with `.messageTooLarge` before its payload is read. Venue liquidation messages are a few KiB, and
    /// the biggest snapshot pushes (all-market mark prices) stay well under a MiB.
    public var maxMessageBytes: Int
    /// Time allowed for TCP connect and TLS handshake (libcurl's CURLOPT_CONNECTTIMEOUT).
    public var connectTimeoutSeconds: Double
    /// Time allowed from the connected socket to a complete upgrade answer.
    public var handshakeTimeoutSeconds: Double
    /// Time allowed for one frame to be written; a server that stops reading fails the send with `.timedOut`.
    public var sendTimeoutSeconds: Double
    /// How long `close` waits for the server's close frame before dropping the connection anyway.
    public var closeTimeoutSeconds: Double
    /// Headers added to the upgrade request (e.g. `Origin`, a venue's API key); the handshake's own headers cannot
    /// be replaced.
    public var extraHeaders: HTTPHeaders
    /// Whether `https_proxy`/`http_proxy`/`no_proxy` apply (through a CONNECT tunnel); tests pass false so their
    /// traffic stays on 127.0.0.1 whatever the environment says.
    public var usesEnvironmentProxy: Bool

    /// Defaults: 16 MiB messages, 10 s to connect, 10 s for the handshake, 10 s per send, 2 s for the close
    /// handshake, no extra headers, environment proxies honoured.
    public init(
        maxMessageBytes: Int = 16 * 1024 * 1024,
        connectTimeoutSeconds: Double = 10,
        handshakeTimeoutSeconds: Double = 10,
        sendTimeoutSeconds: Double = 10,
        closeTimeoutSeconds: Double = 2,
        extraHeaders: HTTPHeaders = [:],
        usesEnvironmentProxy: Bool = true
    ) {
        precondition(maxMessageBytes > 0, "maxMessageBytes must be positive")
        for seconds in [connectTimeoutSeconds, handshakeTimeoutSeconds, sendTimeoutSeconds, closeTimeoutSeconds] {
            precondition(seconds.isFinite && seconds > 0, "WebSocket timeouts must be finite and positive")
        }
        self.maxMessageBytes = maxMessageBytes
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.handshakeTimeoutSeconds = handshakeTimeoutSeconds
        self.sendTimeoutSeconds = sendTimeoutSeconds
        self.closeTimeoutSeconds = closeTimeoutSeconds
        self.extraHeaders = extraHeaders
        self.usesEnvironmentProxy = usesEnvironmentProxy
    }
}
