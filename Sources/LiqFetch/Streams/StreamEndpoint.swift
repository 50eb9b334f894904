/// One WebSocket connection the collector keeps open: where to connect, what to send after every (re)connect,
/// how to keep it alive and when to give up on it as silently dead.
public struct StreamEndpoint: Sendable, Equatable {
    /// Stable name of the connection (`binance-usdm/forceOrder+markPrice`, `bybit/linear/allLiquidation#2`):
    /// logs, counters and capture provenance use it, so the same plan gives the same labels on every run.
    public var label: String
    /// `wss://…`, or `ws://127.0.0.1:PORT/…` when the spec overrides the venue's stream base URL.
    public var url: String
    /// Text frames to send after each (re)connect, in order (subscriptions, heartbeat set-up).
    public var subscribeMessages: [String]
    public var heartbeat: StreamHeartbeat
    /// Seconds without any received message (data, acknowledgement or pong text) after which the collector
    /// treats the connection as dead and reconnects. Chosen per venue so that a healthy connection always
    /// receives something well within it: a never-silent stream on the same connection, or the answers to our
    /// own pings.
    public var staleAfterSeconds: Double

    public init(
        label: String, url: String, subscribeMessages: [String], heartbeat: StreamHeartbeat, staleAfterSeconds: Double
    ) {
        self.label = label
        self.url = url
        self.subscribeMessages = subscribeMessages
        self.heartbeat = heartbeat
        self.staleAfterSeconds = staleAfterSeconds
    }
}
