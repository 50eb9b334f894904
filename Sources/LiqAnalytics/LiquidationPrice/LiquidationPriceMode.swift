/// Which margin model the liquidation price is solved under.
///
/// Venues disagree on what the maintenance margin is charged on, and that moves the price by roughly `mmr × price`
/// (about $80 on a $60k BTC position at 0.5%), so the caller must say which model a number is meant to reproduce.
/// The raw values are the spellings a command line accepts.
public enum LiquidationPriceMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Isolated margin with the maintenance margin on the *entry* notional (Bybit USDT perpetuals): the price where
    /// `IM + extra − funding + PnL` falls to `Q·E·mmr − maintenanceAmount`.
    case isolated

    /// Binance USDⓈ-M one-way form with the maintenance margin on the *mark* notional at the liquidation price, so
    /// the tier (bracket) is the one that contains `Q·LP`. Covers isolated positions and, given the wallet balance
    /// and the other positions' maintenance margin and PnL, cross positions.
    case binance

    /// Simplified cross margin: each position is backed by its own margin plus the account's whole available
    /// balance, maintenance margin on the entry notional. Other positions' future PnL is not modelled.
    case cross
}
