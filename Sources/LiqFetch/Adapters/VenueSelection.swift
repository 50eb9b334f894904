public import LiqCore

/// What a spec asks of one venue: which instruments and feeds, and how deep to page into history.
public struct VenueSelection: Sendable, Equatable {
    /// Venue symbols (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var symbols: [String]
    public var feeds: Set<Feed>
    /// Open-interest history resolution where the venue offers a choice (`5m`, `1h`).
    public var openInterestPeriod: String
    /// Price bar resolution (`1m`, `5m`, `1h`).
    public var priceBarInterval: String
    /// Pages fetched per paginated request: each page goes further back in time; 1 fetches the newest only.
    public var maxPages: Int

    public init(
        symbols: [String], feeds: Set<Feed>, openInterestPeriod: String = "5m", priceBarInterval: String = "1m",
        maxPages: Int = 1
    ) {
        self.symbols = symbols
        self.feeds = feeds
        self.openInterestPeriod = openInterestPeriod
        self.priceBarInterval = priceBarInterval
        self.maxPages = maxPages
    }
}
