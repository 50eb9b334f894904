/// What a run actually got from one venue's feed, so every total can say which venues it covers, which of them
/// are lower bounds, and which failed or do not exist.
public struct FeedCoverage: Sendable, Equatable, Hashable, Comparable {
    public enum Status: Sendable, Equatable, Hashable {
        /// Data was ingested; for liquidations, with this completeness.
        case covered(FeedCompleteness)
        /// The venue publishes no such public feed, or not through this path (reason says which).
        case unavailable(reason: String)
        /// Fetching or decoding failed (reason names the URL or file).
        case failed(reason: String)
    }

    public var venue: Venue
    public var feed: Feed
    public var status: Status

    public init(venue: Venue, feed: Feed, status: Status) {
        self.venue = venue
        self.feed = feed
        self.status = status
    }

    public static func < (lhs: FeedCoverage, rhs: FeedCoverage) -> Bool {
        (lhs.venue, lhs.feed) < (rhs.venue, rhs.feed)
    }
}
