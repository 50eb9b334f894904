/// Open interest of one instrument at one time, one-sided (longs = shorts, counted once).
public struct OpenInterestSample: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    public var symbol: String
    public var baseAsset: String
    /// Sample time in UTC epoch milliseconds.
    public var timestampMs: Int64
    /// Open interest in base units.
    public var openInterestBase: Double
    /// Open interest in USD at the venue's own valuation (or base × mark price where the venue gives none).
    public var openInterestUSD: Double

    public init(
        venue: Venue, symbol: String, baseAsset: String, timestampMs: Int64, openInterestBase: Double,
        openInterestUSD: Double
    ) {
        self.venue = venue
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.timestampMs = timestampMs
        self.openInterestBase = openInterestBase
        self.openInterestUSD = openInterestUSD
    }
}
