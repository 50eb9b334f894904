/// Open interest as the venue reported it: quantity in the venue's unit, USD value when the venue gives one.
public struct VenueOpenInterest: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    public var timestampMs: Int64
    public var quantity: Double
    public var quantityUnit: QuantityUnit
    /// The venue's own USD valuation (Binance `sumOpenInterestValue`, OKX `oiUsd`), preferred over our estimate.
    public var valueUSD: Double?

    public init(
        venue: Venue, symbol: String, timestampMs: Int64, quantity: Double, quantityUnit: QuantityUnit,
        valueUSD: Double?
    ) {
        self.venue = venue
        self.symbol = symbol
        self.timestampMs = timestampMs
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.valueUSD = valueUSD
    }
}
