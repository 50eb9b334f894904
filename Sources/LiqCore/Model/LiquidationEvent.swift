/// One liquidation, normalised: the liquidated position's side, base quantity and USD notional.
public struct LiquidationEvent: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    public var symbol: String
    /// Base asset (`BTC`), so events aggregate across venues and quote currencies.
    public var baseAsset: String
    /// Event time in UTC epoch milliseconds (the venue's trade/fill time where it has one).
    public var timestampMs: Int64
    /// The liquidated position, never the liquidation order's side.
    public var side: PositionSide
    /// Price in USD per base unit; which price it is is `priceKind`.
    public var price: Double
    public var priceKind: PriceKind
    /// Liquidated quantity in base units.
    public var quantityBase: Double
    /// Liquidated notional in USD (USDT and USDC counted at par).
    public var notionalUSD: Double
    public var completeness: FeedCompleteness
    /// Stable identity for dedupe: the same venue fact always gets the same id (see `EventID`).
    public var eventID: EventID

    public init(
        venue: Venue, symbol: String, baseAsset: String, timestampMs: Int64, side: PositionSide, price: Double,
        priceKind: PriceKind, quantityBase: Double, notionalUSD: Double, completeness: FeedCompleteness,
        eventID: EventID
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.timestampMs = timestampMs
        self.side = side
        self.price = price
        self.priceKind = priceKind
        self.quantityBase = quantityBase
        self.notionalUSD = notionalUSD
        self.completeness = completeness
        self.eventID = eventID
    }
}
