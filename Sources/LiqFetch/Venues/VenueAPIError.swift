public import LiqCore

/// A venue answered with its own error envelope (OKX `code` ≠ `"0"`, Binance `{"code":-1121}`): the request
/// reached the venue and was refused, which is different from a malformed payload or a transport failure.
public struct VenueAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var venue: Venue
    /// The URL or file the envelope came from.
    public var origin: String
    /// The venue's error code as sent (OKX strings, Binance negative integers).
    public var code: String
    public var message: String

    public init(venue: Venue, origin: String, code: String, message: String) {
        self.venue = venue
        self.origin = origin
        self.code = code
        self.message = message
    }

    public var description: String { "\(origin): \(venue.rawValue) error \(code): \(message)" }
}
