public import LiqCore

/// What a spec asks of one venue: which instruments and which feeds.
public struct VenueSelection: Sendable, Equatable {
    /// Venue symbols (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var symbols: [String]
    public var feeds: Set<Feed>
    /// Open-interest history resolution where the venue offers a choice (`5m`, `1h`).
    public var openInterestPeriod: String

    public init(symbols: [String], feeds: Set<Feed>, openInterestPeriod: String = "5m") {
        self.symbols = symbols
        self.feeds = feeds
        self.openInterestPeriod = openInterestPeriod
    }
}
