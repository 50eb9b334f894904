/// One tier of a venue's maintenance-margin schedule, as Binance's `leverageBracket` endpoint gives it
/// (`notionalFloor`, `notionalCap`, `maintMarginRatio`, `cum`). Larger positions pay a higher rate; the maintenance
/// amount keeps the maintenance margin `notional × rate − amount` continuous across tier boundaries.
public struct MaintenanceMarginBracket: Sendable, Equatable {
    /// Lowest notional of the tier, USD (exclusive, except 0 for the first tier).
    public var notionalFloorUSD: Double
    /// Highest notional of the tier, USD (inclusive); may be `.infinity` for the last tier.
    public var notionalCapUSD: Double
    /// Maintenance margin rate as a fraction (0.005 = 0.5%), in [0, 1).
    public var maintenanceMarginRate: Double
    /// Maintenance amount (`cum`), USD.
    public var maintenanceAmountUSD: Double

    /// Creates a tier; the table checks it, so that every tier is validated in the context of its neighbours.
    public init(
        notionalFloorUSD: Double, notionalCapUSD: Double, maintenanceMarginRate: Double, maintenanceAmountUSD: Double
    ) {
        self.notionalFloorUSD = notionalFloorUSD
        self.notionalCapUSD = notionalCapUSD
        self.maintenanceMarginRate = maintenanceMarginRate
        self.maintenanceAmountUSD = maintenanceAmountUSD
    }
}
