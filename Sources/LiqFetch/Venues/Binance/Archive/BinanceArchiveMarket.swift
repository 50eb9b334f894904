public import LiqCore

/// The futures market of an archive path: `um` (USDⓈ-M, `fapi`) or `cm` (COIN-M, `dapi`).
public enum BinanceArchiveMarket: String, Sendable, Equatable, Hashable, CaseIterable {
    case um
    case cm

    public init?(venue: Venue) {
        switch venue {
        case .binanceUSDM: self = .um
        case .binanceCOINM: self = .cm
        default: return nil
        }
    }

    public var venue: Venue {
        switch self {
        case .um: .binanceUSDM
        case .cm: .binanceCOINM
        }
    }
}
