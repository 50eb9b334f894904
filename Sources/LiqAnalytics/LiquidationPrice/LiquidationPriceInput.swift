public import LiqCore

/// One position, as the liquidation-price calculator needs it. Money is in USD (the quote/settle currency of a
/// linear contract); prices are USD per unit of the base asset.
///
/// Parameters a mode has no use for must be left at their defaults: the calculator rejects them rather than silently
/// ignoring a number the caller believed mattered.
public struct LiquidationPriceInput: Sendable, Equatable {
    /// The position's side; a long is liquidated as the price falls, a short as it rises.
    public var side: PositionSide
    /// Average entry price, USD per base unit. Must be finite and > 0.
    public var entryPrice: Double
    /// Position size in base units (BTC, not contracts). Must be finite and > 0.
    public var quantityBase: Double
    /// Leverage `L`; the initial margin is `quantityBase × entryPrice / L` in USD. Must be finite and > 0.
    public var leverage: Double
    /// Maintenance margin rate as a fraction (0.005 = 0.5%), in [0, 1). Ignored in favour of the calculator's
    /// bracket table when it has one, because the table is the venue's own schedule for every notional.
    public var maintenanceMarginRate: Double
    /// Maintenance amount in USD (Bybit's "MM deduction", Binance's `cum`), subtracted from `notional × rate` so a
    /// tiered schedule stays continuous. Finite and ≥ 0. Replaced by the bracket's when a table is used.
    public var maintenanceAmountUSD: Double
    /// Margin added to an isolated position after opening, USD, ≥ 0. It pushes the liquidation price away from entry
    /// by `extra / Q` (isolated) or `extra / (Q·(1 ∓ mmr))` (binance). Not allowed in cross mode, where added funds
    /// are simply part of the available balance.
    public var extraMarginUSD: Double
    /// Funding paid out of the position's margin so far, USD; negative when funding was received. It moves the
    /// liquidation price towards entry, as the seed articles describe.
    public var fundingPaidUSD: Double
    /// Binance mode only: the wallet balance backing the position, USD. Defaults to the margin implied by leverage,
    /// `Q·E/L`; extra margin and funding paid are applied on top of either.
    public var walletBalanceUSD: Double?
    /// Binance mode only: maintenance margin of the account's other positions (`TMM1`), USD, ≥ 0; 0 for isolated.
    public var otherPositionsMaintenanceMarginUSD: Double
    /// Binance mode only: unrealised PnL of the account's other positions (`UPNL1`), USD; 0 for isolated.
    public var otherPositionsUnrealizedPnLUSD: Double
    /// Cross mode only (and required there): the account's available balance, USD, before `fundingPaidUSD`.
    public var availableBalanceUSD: Double?
    /// The margin model to solve under.
    public var mode: LiquidationPriceMode

    /// Creates an input; everything after `maintenanceMarginRate` defaults to "not used", and the mode to isolated.
    public init(
        side: PositionSide,
        entryPrice: Double,
        quantityBase: Double,
        leverage: Double,
        maintenanceMarginRate: Double,
        maintenanceAmountUSD: Double = 0,
        extraMarginUSD: Double = 0,
        fundingPaidUSD: Double = 0,
        walletBalanceUSD: Double? = nil,
        otherPositionsMaintenanceMarginUSD: Double = 0,
        otherPositionsUnrealizedPnLUSD: Double = 0,
        availableBalanceUSD: Double? = nil,
        mode: LiquidationPriceMode = .isolated
    ) {
        self.side = side
        self.entryPrice = entryPrice
        self.quantityBase = quantityBase
        self.leverage = leverage
        self.maintenanceMarginRate = maintenanceMarginRate
        self.maintenanceAmountUSD = maintenanceAmountUSD
        self.extraMarginUSD = extraMarginUSD
        self.fundingPaidUSD = fundingPaidUSD
        self.walletBalanceUSD = walletBalanceUSD
        self.otherPositionsMaintenanceMarginUSD = otherPositionsMaintenanceMarginUSD
        self.otherPositionsUnrealizedPnLUSD = otherPositionsUnrealizedPnLUSD
        self.availableBalanceUSD = availableBalanceUSD
        self.mode = mode
    }
}
