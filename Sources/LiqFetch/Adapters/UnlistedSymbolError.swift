public import LiqCore

/// A spec names a symbol the venue's instrument list does not contain (a typo, or a delisted contract).
public struct UnlistedSymbolError: Error, Sendable, Equatable, CustomStringConvertible {
    public var venue: Venue
    public var symbol: String

    public init(venue: Venue, symbol: String) {
        self.venue = venue
        self.symbol = symbol
    }

    public var description: String {
        "\(venue.rawValue): symbol \(symbol) is not listed by the venue's instruments endpoint"
    }
}
