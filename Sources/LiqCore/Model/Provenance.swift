/// Where a payload came from, so every decode error and every stored capture can name its origin.
public struct Provenance: Sendable, Equatable, Hashable, Codable {
    public var venue: Venue
    /// The feed the payload belongs to (`liquidations`, `openInterest`, `instruments`, …).
    public var feed: String
    /// The URL it was fetched from, or the file it was read from.
    public var origin: String
    /// When it was fetched or received, UTC epoch milliseconds.
    public var fetchedAtMs: Int64

    public init(venue: Venue, feed: String, origin: String, fetchedAtMs: Int64) {
        self.venue = venue
        self.feed = feed
        self.origin = origin
        self.fetchedAtMs = fetchedAtMs
    }
}
