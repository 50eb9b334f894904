/// How a contract is margined and settled, which decides how contracts convert to base units and USD.
public enum Margining: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Margined and settled in the quote (USDT/USDC/USD): one contract is a fixed amount of the base asset.
    case linear
    /// Margined and settled in the base coin: one contract is a fixed amount of USD.
    case inverse
    /// Settled in a third currency at a fixed multiplier (BitMEX quanto).
    case quanto
}
