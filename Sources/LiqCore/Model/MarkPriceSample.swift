/// The mark price of an instrument at one time (and the index it tracks, when the venue gives it): the price
/// venues liquidate against, so it drives the estimated liquidation levels.
public struct MarkPriceSample: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    public var symbol: String
    public var baseAsset: String
    /// UTC epoch milliseconds.
    public var timestampMs: Int64
    /// USD per base unit.
    public var markPrice: Double
    /// USD per base unit, when the venue publishes the index next to the mark.
    public var indexPrice: Double?

    public init(
        venue: Venue, symbol: String, baseAsset: String, timestampMs: Int64, markPrice: Double, indexPrice: Double?
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.timestampMs = timestampMs
        self.markPrice = markPrice
        self.indexPrice = indexPrice
    }
}
