/// A kind of data we ingest from a venue; specs list the feeds they want per venue.
public enum Feed: String, Sendable, Equatable, Hashable, CaseIterable, Codable, Comparable {
    case liquidations
    case openInterest
    case funding

    public static func < (lhs: Feed, rhs: Feed) -> Bool { lhs.rawValue < rhs.rawValue }
}
