/// A funding rate as the venue reported it; the interval is filled in by the normaliser when the payload
/// itself does not carry it.
public struct VenueFunding: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    public var timestampMs: Int64
    /// Fraction per interval, positive when longs pay shorts.
    public var rate: Double
    public var intervalHours: Double?
    public var kind: FundingKind

    public init(
        venue: Venue, symbol: String, timestampMs: Int64, rate: Double, intervalHours: Double?, kind: FundingKind
    ) {
        self.venue = venue
        self.symbol = symbol
        self.timestampMs = timestampMs
        self.rate = rate
        self.intervalHours = intervalHours
        self.kind = kind
    }
}
