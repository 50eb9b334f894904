/// The size of one contract and the unit it is counted in.
///
/// Venues report quantities in contracts, base units or USD; this is the one place a contract count becomes a
/// base quantity or a USD notional, and it is never guessed: it comes from the venue's instrument metadata.
public struct ContractSize: Sendable, Equatable, Hashable, Codable {
    public enum Unit: String, Sendable, Equatable, Hashable, Codable {
        /// One contract is `value` units of the base asset (linear: OKX `ctVal`×`ctMult`, Binance USDⓈ-M 1).
        case base
        /// One contract is `value` USD (inverse: Binance COIN-M 100 for BTC, OKX BTC-USD-SWAP 100).
        case usd
    }

    public var value: Double
    public var unit: Unit

    public init(value: Double, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Base-asset quantity of `contracts` at `price` (USD per base unit).
    public func baseQuantity(contracts: Double, price: Double) -> Double {
        switch unit {
        case .base: contracts * value
        case .usd: contracts * value / price
        }
    }

    /// USD notional of `contracts` at `price` (USD per base unit).
    public func notionalUSD(contracts: Double, price: Double) -> Double {
        switch unit {
        case .base: contracts * value * price
        case .usd: contracts * value
        }
    }
}
