public import LiqCore

/// A selected feed the adapter cannot turn into requests as asked (a bar interval the venue does not offer, a
/// history window without the venue's clock): a planning error that names the venue, the feed and why.
public struct UnplannableFeedError: Error, Sendable, Equatable, CustomStringConvertible {
    public var venue: Venue
    public var feed: Feed
    public var reason: String

    public init(venue: Venue, feed: Feed, reason: String) {
        self.venue = venue
        self.feed = feed
        self.reason = reason
    }

    public var description: String { "\(venue.rawValue): cannot request \(feed.rawValue): \(reason)" }
}
