/// A mark price as the venue reported it.
public struct VenueMarkPrice: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    public var timestampMs: Int64
    /// USD per base unit.
    public var markPrice: Double
    public var indexPrice: Double?

    public init(venue: Venue, symbol: String, timestampMs: Int64, markPrice: Double, indexPrice: Double?) {
        self.venue = venue
        self.symbol = symbol
        self.timestampMs = timestampMs
        self.markPrice = markPrice
        self.indexPrice = indexPrice
    }
}
