import LiqCore

/// One source (a request or a capture file) that failed, kept so the run can finish with the others, report
/// exit code 3, and mark the feed as failed in the coverage of every output.
struct SourceFailure: Sendable, Equatable {
    var venue: Venue
    var feed: Feed
    /// The URL or file (with line) that failed.
    var origin: String
    var message: String

    var description: String { "\(venue.rawValue) \(feed.rawValue): \(message)" }
}
