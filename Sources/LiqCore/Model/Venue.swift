/// A derivatives venue (exchange and product family) we ingest.
///
/// The raw value is the stable identifier written to every output and used in specs, so renaming a case is a
/// schema change.
public enum Venue: String, Sendable, Equatable, Hashable, CaseIterable, Codable, Comparable {
    case binanceUSDM = "binance-usdm"
    case binanceCOINM = "binance-coinm"
    case bybit
    case okx
    case bitmex
    case deribit
    case hyperliquid

    public static func < (lhs: Venue, rhs: Venue) -> Bool { lhs.rawValue < rhs.rawValue }
}
