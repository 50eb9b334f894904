/// A price bar as the venue reported it: volume still in the venue's unit (COIN-M klines count contracts).
public struct VenuePriceBar: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    /// Bar open time, UTC epoch milliseconds.
    public var bucketStartMs: Int64
    public var intervalMs: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double
    public var volumeUnit: QuantityUnit
    /// Taker-buy volume in `volumeUnit`, when the venue reports it.
    public var takerBuyVolume: Double?

    public init(
        venue: Venue, symbol: String, bucketStartMs: Int64, intervalMs: Int64, open: Double, high: Double, low: Double,
        close: Double, volume: Double, volumeUnit: QuantityUnit, takerBuyVolume: Double?
    ) {
        self.venue = venue
        self.symbol = symbol
        self.bucketStartMs = bucketStartMs
        self.intervalMs = intervalMs
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.volumeUnit = volumeUnit
        self.takerBuyVolume = takerBuyVolume
    }
}
