public import LiqCore

/// How fresh one venue feed is, as of a run: what `snapshot.json`'s `sources` and `liqpipe.prom` report, so a
/// dashboard or an alert sees a silent outage (lag growing, last success ageing) without reading logs.
public struct SourceFreshness: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Covered by this run.
        case ok
        /// Failed in this run.
        case failing
        /// The venue has no source for the feed.
        case unavailable
    }

    public var venue: Venue
    public var feed: Feed
    public var status: Status
    public var lastSuccessMs: Int64?
    public var lastErrorMs: Int64?
    public var lastError: String?
    public var consecutiveFailures: Int
    /// The newest observed record of the feed in the store, UTC epoch ms.
    public var newestRecordMs: Int64?
    /// Counters since the state was created: records merged (new keys) and failed runs.
    public var recordsTotal: Int
    public var errorsTotal: Int

    public init(
        venue: Venue, feed: Feed, status: Status, lastSuccessMs: Int64?, lastErrorMs: Int64?, lastError: String?,
        consecutiveFailures: Int, newestRecordMs: Int64?, recordsTotal: Int, errorsTotal: Int
    ) {
        self.venue = venue
        self.feed = feed
        self.status = status
        self.lastSuccessMs = lastSuccessMs
        self.lastErrorMs = lastErrorMs
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.newestRecordMs = newestRecordMs
        self.recordsTotal = recordsTotal
        self.errorsTotal = errorsTotal
    }

    /// How far the newest record is behind `nowMs`; nil when the store has none.
    public func lagMs(at nowMs: Int64) -> Int64? { newestRecordMs.map { max(0, nowMs - $0) } }
}
