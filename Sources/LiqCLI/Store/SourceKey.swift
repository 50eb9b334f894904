import LiqCore

/// One source of records as cursors and health track it: a venue's feed for one symbol.
struct SourceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    var venue: Venue
    var feed: Feed
    var symbol: String

    /// `venue/feed/symbol`: the key in `run-cursors.json`.
    var description: String { "\(venue.rawValue)/\(feed.rawValue)/\(symbol)" }

    static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        (lhs.venue, lhs.feed, lhs.symbol) < (rhs.venue, rhs.feed, rhs.symbol)
    }
}
