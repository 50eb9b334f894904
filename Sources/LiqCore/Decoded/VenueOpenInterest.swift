/// Open interest as the venue reported it: quantity in the venue's unit, USD value when the venue gives one.
public struct VenueOpenInterest: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    public var timestampMs: Int64
    public var quantity: Double
    public var quantityUnit: QuantityUnit
    /// The venue's own USD valuation (Binance `sumOpenInterestValue`, OKX `oiUsd`), preferred over our estimate.
    public var valueUSD: Double?
    /// The venue's own base-coin amount where it reports one next to contracts (Binance COIN-M history
    /// `sumOpenInterestValue`): exact at the sample's own time, unlike a conversion at today's mark.
    public var valueBase: Double?

    public init(
        venue: Venue, symbol: String, timestampMs: Int64, quantity: Double, quantityUnit: QuantityUnit,
        valueUSD: Double?, valueBase: Double? = nil
    ) {
        self.venue = venue
        self.symbol = symbol
        self.timestampMs = timestampMs
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.valueUSD = valueUSD
        self.valueBase = valueBase
    }
}
