public import LiqCore

/// Bybit's product family, a required parameter of every v5 market request: USDT/USDC contracts are `linear`
/// (quantities in the base coin), coin-margined ones `inverse` (quantities in USD). Each family also has its own
/// WebSocket endpoint (`/v5/public/linear`, `/v5/public/inverse`).
public enum BybitCategory: String, Sendable, Equatable, Hashable, CaseIterable {
    case linear
    case inverse

    /// The category of an instrument `BybitInstrumentDecoder` built (Bybit lists no quanto contracts).
    public init(of instrument: Instrument) {
        self = instrument.margining == .inverse ? .inverse : .linear
    }
}
