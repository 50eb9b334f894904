public import LiqCore

/// One venue of a pipeline spec: instruments, feeds, and where the data comes from.
public struct VenueSpec: Sendable, Equatable {
    public var venue: Venue
    public var symbols: [String]
    public var feeds: Set<Feed>
    public var source: VenueSource
    /// Files of recorded stream messages (one venue message per line), read as the venue's stream feed.
    public var captures: [String]
    /// Open-interest history resolution (`5m` … `1d`).
    public var openInterestPeriod: String
    /// Price bar resolution (`1m` … `1d`).
    public var priceBarInterval: String
    /// Pages per paginated request (newest first, each one older); bounds the requests of one run.
    public var maxPages: Int
    /// Most requests this venue may receive in one run (retries included); nil for no limit.
    public var requestBudget: Int?
    /// For fixture sources: the time the fixtures were recorded (UTC epoch ms), standing in for "now" where a
    /// venue's payload carries no time of its own; nil uses the wall clock.
    public var fixtureTimeMs: Int64?
    /// The collector's WebSocket base URL (`ws://` or `wss://`); nil uses the venue's public stream host.
    public var streamURL: String? = nil
    /// Binance venues: the public data archive's base URL for `backfill` (default `https://data.binance.vision/`).
    public var archiveURL: String? = nil
}
