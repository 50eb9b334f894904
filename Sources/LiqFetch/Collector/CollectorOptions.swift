/// How the collector reconnects, how finely it watches its connections, and how much it buffers.
public struct CollectorOptions: Sendable {
    /// Backoff ceiling before the first reconnect, seconds; it doubles per consecutive failure (full jitter: the
    /// wait is a uniform draw below the ceiling, so many connections dropped together do not return in lockstep).
    public var reconnectBaseSeconds = 1.0
    /// Largest backoff ceiling, seconds.
    public var reconnectMaxSeconds = 60.0
    /// A connection that stayed up this long counts as healthy: the next reconnect starts from the base again.
    public var healthyAfterSeconds = 60.0
    /// Longest wait inside one receive: the stop request, heartbeats and staleness are checked at least this often.
    public var tickSeconds = 0.25
    /// Messages buffered between the connections and the capture writer; a full buffer blocks the connections
    /// (they stop reading, TCP pushes back) instead of growing memory.
    public var queueCapacity = 20_000
    public var webSocket = WebSocketOptions()

    public init() {}
}
