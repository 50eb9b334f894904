/// Which price a venue reports for a liquidation; the three are not interchangeable (a bankruptcy price sits
/// beyond the fill price by the remaining margin), so it travels with every event.
public enum PriceKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// The average fill price of the liquidation order (Binance `ap`).
    case fill
    /// The bankruptcy price of the liquidated position (Bybit `p`, OKX `bkPx`).
    case bankruptcy
    /// The price of a resting liquidation order whose fill is unknown (BitMEX).
    case order
}
