/// A stable 128-bit identity for a liquidation, so re-ingesting the same payload never double counts.
///
/// FNV-1a 128 over a canonical text of (venue, symbol, timestamp, side, price, quantity, venue id). 128 bits keep
/// the chance of any collision negligible at billions of events (a 64-bit hash reaches ~3% at 10⁹). Numbers are
/// canonicalised through `Double`'s shortest round-trip form, so `"4793.91"` and `"4793.910"` give one id.
public struct EventID: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: UInt128

    public init(value: UInt128) {
        self.value = value
    }

    public init(
        venue: Venue, symbol: String, timestampMs: Int64, side: PositionSide, price: Double, quantity: Double,
        venueID: String?
    ) {
        let text = [
            venue.rawValue, symbol, String(timestampMs), side.rawValue, price.description, quantity.description,
            venueID ?? "",
        ].joined(separator: "|")
        self.init(value: Self.fnv1a128(Array(text.utf8)))
    }

    /// The id from its `description` (32 hex digits, as the store's files carry it); nil for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 32, let value = UInt128(hex, radix: 16) else { return nil }
        self.init(value: value)
    }

    /// Lower-case hex, 32 digits: what outputs carry.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.value < rhs.value }

    static func fnv1a128(_ bytes: [UInt8]) -> UInt128 {
        let offsetBasis: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hash
    }

    enum CodingKeys: CodingKey {}

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard text.count == 32, let value = UInt128(text, radix: 16) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected 32 hex digits, got \(text)"))
        }
        self.init(value: value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
