import LiqAnalytics
import Testing

/// A maintenance tier as the tests see it. The tests look tiers up themselves (`Tier.at`), independently of
/// `MaintenanceMarginBracketTable`, so the identity checks do not trust the code under test to pick the tier.
struct Tier: Sendable {
    let capUSD: Double
    let rate: Double
    let amountUSD: Double

    /// Binance BTCUSDT brackets as retrieved 25 Jun 2021 (analytics-anchors.md §6.1): ≤50k 0.4%/0, ≤250k 0.5%/50,
    /// ≤1M 1%/1,300, ≤5M 2.5%/16,300. Amounts check: 50k×0.1% = 50; 50 + 250k×0.5% = 1,300; 1,300 + 1M×1.5% = 16,300.
    static let binance2021: [Tier] = [
        Tier(capUSD: 50_000, rate: 0.004, amountUSD: 0),
        Tier(capUSD: 250_000, rate: 0.005, amountUSD: 50),
        Tier(capUSD: 1_000_000, rate: 0.01, amountUSD: 1_300),
        Tier(capUSD: 5_000_000, rate: 0.025, amountUSD: 16_300),
    ]

    /// A deliberately steep, narrow table that makes the Binance re-selection take two steps: ≤10k 1%/0,
    /// ≤11k 5%/400 (10k×4%), ≤12k 10%/950 (400 + 11k×5%), above 50%/5,750 (950 + 12k×40%).
    static let steep: [Tier] = [
        Tier(capUSD: 10_000, rate: 0.01, amountUSD: 0),
        Tier(capUSD: 11_000, rate: 0.05, amountUSD: 400),
        Tier(capUSD: 12_000, rate: 0.10, amountUSD: 950),
        Tier(capUSD: .infinity, rate: 0.50, amountUSD: 5_750),
    ]

    /// The tier whose (previous cap, cap] contains `notionalUSD`, the last one beyond every cap.
    static func at(_ notionalUSD: Double, in tiers: [Tier]) -> Tier {
        tiers.first { notionalUSD <= $0.capUSD } ?? tiers[tiers.count - 1]
    }

    /// The tiers as the venue-shaped brackets the calculator takes (each floor is the previous cap).
    static func brackets(_ tiers: [Tier]) -> [MaintenanceMarginBracket] {
        tiers.indices.map { index in
            MaintenanceMarginBracket(
                notionalFloorUSD: index == 0 ? 0 : tiers[index - 1].capUSD,
                notionalCapUSD: tiers[index].capUSD,
                maintenanceMarginRate: tiers[index].rate,
                maintenanceAmountUSD: tiers[index].amountUSD)
        }
    }

    /// A calculator with `tiers` as its bracket table, or without a table.
    static func calculator(_ tiers: [Tier]?) throws -> LiquidationPriceCalculator {
        guard let tiers else { return LiquidationPriceCalculator() }
        return LiquidationPriceCalculator(brackets: try MaintenanceMarginBracketTable(brackets(tiers)))
    }
}

/// Expects `actual` within `tolerance` of `expected`, naming the quantity in the failure.
func expectClose(
    _ actual: Double, _ expected: Double, within tolerance: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        abs(actual - expected) <= tolerance,
        "\(what): got \(actual), expected \(expected) ± \(tolerance)",
        sourceLocation: sourceLocation)
}
