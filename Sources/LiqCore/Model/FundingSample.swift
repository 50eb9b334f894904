/// A funding rate of one instrument, with the interval it applies to so rates of 1h, 4h and 8h venues compare.
public struct FundingSample: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    public var symbol: String
    public var baseAsset: String
    /// For `settled`, the settlement time; for `predicted`, the time the estimate was observed (UTC epoch ms).
    public var timestampMs: Int64
    /// Rate per interval as a fraction (0.0001 = 0.01%), positive when longs pay shorts.
    public var rate: Double
    /// Length of the funding interval in hours.
    public var intervalHours: Double
    public var kind: FundingKind

    public init(
        venue: Venue, symbol: String, baseAsset: String, timestampMs: Int64, rate: Double, intervalHours: Double,
        kind: FundingKind
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.timestampMs = timestampMs
        self.rate = rate
        self.intervalHours = intervalHours
        self.kind = kind
    }
}
