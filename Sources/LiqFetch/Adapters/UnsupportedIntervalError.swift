public import LiqCore

/// A spec asks a venue for a resolution it does not offer (Bybit open interest has no `2h`), caught when the
/// requests are planned rather than sent and refused.
public struct UnsupportedIntervalError: Error, Sendable, Equatable, CustomStringConvertible {
    public var venue: Venue
    public var feed: Feed
    /// The spec's interval (`2h`).
    public var interval: String
    /// The intervals the venue offers for the feed, in the spec's notation.
    public var supported: [String]

    public init(venue: Venue, feed: Feed, interval: String, supported: [String]) {
        self.venue = venue
        self.feed = feed
        self.interval = interval
        self.supported = supported
    }

    public var description: String {
        "\(venue.rawValue): \(feed.rawValue) interval \(interval) is not offered; use one of "
            + supported.joined(separator: ", ")
    }
}
