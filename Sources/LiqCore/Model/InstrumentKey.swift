/// An instrument's identity across venues: the same symbol text can mean different contracts on two venues.
public struct InstrumentKey: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var venue: Venue
    public var symbol: String

    public init(venue: Venue, symbol: String) {
        self.venue = venue
        self.symbol = symbol
    }

    public static func < (lhs: InstrumentKey, rhs: InstrumentKey) -> Bool {
        (lhs.venue, lhs.symbol) < (rhs.venue, rhs.symbol)
    }

    public var description: String { "\(venue.rawValue) \(symbol)" }
}
