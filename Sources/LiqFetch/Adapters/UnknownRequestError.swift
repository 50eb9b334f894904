public import LiqCore

/// A request an adapter does not know how to decode: a programming error surfaced with the path that caused it.
public struct UnknownRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var venue: Venue
    public var path: String

    public init(venue: Venue, path: String) {
        self.venue = venue
        self.path = path
    }

    public var description: String { "\(venue.rawValue): no decoder for \(path)" }
}
