public import LiqCore

/// One UTC minute of one base asset: what was liquidated, what the market did and how much of it we saw.
///
/// Missing inputs stay `nil` so a gap is explicit and never reads as a calm 0.
public struct MarketPanelRow: Sendable, Equatable {
    /// Start of the minute, Unix ms (a multiple of 60 000).
    public var minuteMs: Int64
    /// Liquidated long positions, USD.
    public var longUSD: Double = 0
    /// Liquidated short positions, USD.
    public var shortUSD: Double = 0
    /// Number of long liquidations.
    public var longCount: Int = 0
    /// Number of short liquidations.
    public var shortCount: Int = 0
    /// Liquidated longs by venue, USD.
    public var longUSDByVenue: [Venue: Double] = [:]
    /// Liquidated shorts by venue, USD.
    public var shortUSDByVenue: [Venue: Double] = [:]
    /// Venues whose liquidation feed covers this minute, in venue order.
    public var venues: [Venue] = []
    /// True when a contributing feed is sampled (Binance's 1/s snapshot): the totals are a lower bound.
    public var lowerBound = false
    /// Price of the minute from the first venue (in venue order) with a 1-minute bar.
    public var open: Double?
    /// Highest price of the minute from the same bar.
    public var high: Double?
    /// Lowest price of the minute from the same bar.
    public var low: Double?
    /// Last price of the minute from the same bar.
    public var close: Double?
    /// 1-minute realised volatility `|ln(close_t / close_{t−1})|`, dimensionless; nil without both closes.
    public var realizedVolatility: Double?
    /// Open interest summed over instruments, USD (each instrument's latest sample, carried forward a bounded time).
    public var openInterestUSD: Double?
    /// `OI_t / OI_{t−5} − 1`, a fraction; nil unless both minutes have open interest.
    public var openInterestChange5m: Double?
    /// Funding rate annualised (`rate × 24 × 365 / intervalHours`), weighted by each instrument's open interest.
    public var fundingAnnualized: Double?
    /// Taker-buy volume over total volume, summed over the venues whose bars report it.
    public var takerBuyShare: Double?

    /// An empty minute: nothing liquidated, every market input missing.
    public init(minuteMs: Int64) { self.minuteMs = minuteMs }

    /// Liquidated USD of one side.
    public func liquidatedUSD(_ side: PositionSide) -> Double { side == .long ? longUSD : shortUSD }

    /// Liquidated USD of one side by venue.
    public func liquidatedUSDByVenue(_ side: PositionSide) -> [Venue: Double] {
        side == .long ? longUSDByVenue : shortUSDByVenue
    }
}
