public import LiqCore

/// What one collector connection has done so far: its counters and its current state, as `collector.json` shows.
public struct StreamConnectionStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        case connecting, subscribed, backoff, stopped
    }

    public var venue: Venue
    /// The endpoint's label (also the `connection` of every capture record it produced).
    public var label: String
    public var url: String
    public var state: State = .connecting
    /// Messages received and stored (data, acknowledgements, text pongs).
    public var messages = 0
    /// Payload bytes of those messages.
    public var bytes = 0
    /// Successful connections (the first one included).
    public var connects = 0
    /// Reconnects after an error or a server close ...
    public var reconnects = 0
    /// ... and after the stream went silent for longer than the endpoint's `staleAfterSeconds`.
    public var staleReconnects = 0
    /// Periods without a connection after the first connect, and their total length: what the capture misses.
    public var gaps = 0
    public var gapMs: Int64 = 0
    public var lastMessageMs: Int64?
    public var connectedSinceMs: Int64?
    public var lastError: String?
    public var lastErrorMs: Int64?

    public init(venue: Venue, label: String, url: String) {
        self.venue = venue
        self.label = label
        self.url = url
    }
}
