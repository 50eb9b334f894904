/// The unit a venue counts a quantity in, before the normaliser converts it with instrument metadata.
public enum QuantityUnit: String, Sendable, Equatable, Hashable, Codable {
    /// Contracts, converted with the instrument's `ContractSize` (OKX `sz`, Binance COIN-M `z`).
    case contracts
    /// Base-asset units already (Binance USDⓈ-M `z`, Bybit `v`).
    case base
    /// USD (BitMEX XBTUSD, Deribit inverse `amount`).
    case usd
}
