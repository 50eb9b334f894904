public import LiqCore

/// A solved position: the price at which it is liquidated and the one at which its margin is gone, with the margin
/// figures used, so a user can check the arithmetic by hand. Prices are USD per base unit, margins USD.
public struct LiquidationPriceResult: Sendable, Equatable {
    /// Mark price at which the position's equity falls to its maintenance margin; > 0, and on the loss side of entry.
    public let liquidationPrice: Double
    /// Price at which the position's equity is zero. May be ≤ 0 for a long whose margin exceeds the notional: such a
    /// position cannot go bankrupt, though it can still be liquidated.
    public let bankruptcyPrice: Double
    /// The margin model the prices were solved under.
    public let mode: LiquidationPriceMode
    /// The position's side.
    public let side: PositionSide
    /// Initial margin implied by leverage, `Q·E/L`, USD (before extra margin and funding).
    public let initialMarginUSD: Double
    /// Maintenance margin at liquidation, USD: on the entry notional (isolated, cross) or on the notional at the
    /// liquidation price (binance).
    public let maintenanceMarginUSD: Double
    /// The maintenance rate used: the input's, or the bracket's when a table selected one.
    public let maintenanceMarginRate: Double
    /// The maintenance amount used, USD: the input's, or the bracket's.
    public let maintenanceAmountUSD: Double
}
