/// One OHLC bar (klines or mark-price klines) of an instrument.
public struct PriceBar: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    public var symbol: String
    public var baseAsset: String
    /// Bucket start in UTC epoch milliseconds, aligned to `intervalMs`.
    public var bucketStartMs: Int64
    public var intervalMs: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    /// Traded volume in base units (0 for mark-price bars, which have none).
    public var volumeBase: Double
    /// Taker-buy volume in base units, when the venue reports it.
    public var takerBuyVolumeBase: Double?

    public init(
        venue: Venue, symbol: String, baseAsset: String, bucketStartMs: Int64, intervalMs: Int64, open: Double,
        high: Double, low: Double, close: Double, volumeBase: Double, takerBuyVolumeBase: Double?
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.bucketStartMs = bucketStartMs
        self.intervalMs = intervalMs
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volumeBase = volumeBase
        self.takerBuyVolumeBase = takerBuyVolumeBase
    }
}
