/// A liquidation as the venue reported it: side already resolved to the liquidated position (the decoder is
/// the one place that knows each venue's field meaning), quantity still in the venue's unit.
public struct VenueLiquidation: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    public var timestampMs: Int64
    public var side: PositionSide
    /// USD per base unit.
    public var price: Double
    public var priceKind: PriceKind
    public var quantity: Double
    public var quantityUnit: QuantityUnit
    public var completeness: FeedCompleteness
    /// The venue's own trade or order id, when it has one; part of the event id.
    public var venueID: String?

    public init(
        venue: Venue, symbol: String, timestampMs: Int64, side: PositionSide, price: Double, priceKind: PriceKind,
        quantity: Double, quantityUnit: QuantityUnit, completeness: FeedCompleteness, venueID: String? = nil
    ) {
        self.venue = venue
        self.symbol = symbol
        self.timestampMs = timestampMs
        self.side = side
        self.price = price
        self.priceKind = priceKind
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.completeness = completeness
        self.venueID = venueID
    }
}
