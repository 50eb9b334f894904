/// A kind of data we ingest from a venue; specs list the feeds they want per venue.
public enum Feed: String, Sendable, Equatable, Hashable, CaseIterable, Codable, Comparable {
    case liquidations
    case openInterest
    case funding
    /// Mark (and index) price samples: what liquidations are triggered against.
    case markPrice
    /// OHLC bars (klines or mark-price klines) with volume and taker-buy volume where the venue has them.
    case priceBars

    public static func < (lhs: Feed, rhs: Feed) -> Bool { lhs.rawValue < rhs.rawValue }
}
