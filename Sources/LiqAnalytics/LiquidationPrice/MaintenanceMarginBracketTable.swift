/// A validated maintenance-margin schedule: contiguous tiers from a notional of 0, rates that never fall, and
/// maintenance amounts consistent with the rates (`cum_n = cum_{n−1} + floor_n × (rate_n − rate_{n−1})`, to the cent).
///
/// Those three properties make the maintenance margin a continuous, convex function of notional. That is what lets
/// the Binance-mode calculator re-select the tier at the liquidation price and be sure it settles (see
/// `LiquidationPriceCalculator`), and it makes the tier chosen exactly at a boundary irrelevant: both neighbours give
/// the same margin there.
public struct MaintenanceMarginBracketTable: Sendable, Equatable {
    /// The tiers, by increasing notional.
    let brackets: [MaintenanceMarginBracket]

    /// Checks the tiers and keeps them in the order given (by increasing notional, as venues list them).
    public init(_ brackets: [MaintenanceMarginBracket]) throws(LiquidationPriceError) {
        guard let first = brackets.first else {
            throw .invalidBracketTable(index: 0, problem: "is missing: the table is empty")
        }
        guard first.notionalFloorUSD == 0 else {
            throw .invalidBracketTable(index: 0, problem: "must start at a notional floor of 0")
        }
        for (index, bracket) in brackets.enumerated() {
            guard bracket.maintenanceMarginRate >= 0, bracket.maintenanceMarginRate < 1 else {
                throw .invalidBracketTable(index: index, problem: "needs a maintenance margin rate in [0, 1)")
            }
            guard bracket.maintenanceAmountUSD.isFinite, bracket.maintenanceAmountUSD >= 0 else {
                throw .invalidBracketTable(index: index, problem: "needs a finite maintenance amount ≥ 0")
            }
            guard bracket.notionalFloorUSD.isFinite, bracket.notionalCapUSD > bracket.notionalFloorUSD else {
                throw .invalidBracketTable(index: index, problem: "needs a finite floor below its cap")
            }
            guard index > 0 else { continue }
            let previous = brackets[index - 1]
            guard bracket.notionalFloorUSD == previous.notionalCapUSD else {
                throw .invalidBracketTable(index: index, problem: "must start where the previous bracket's cap ends")
            }
            guard bracket.maintenanceMarginRate >= previous.maintenanceMarginRate else {
                throw .invalidBracketTable(index: index, problem: "has a lower rate than the previous bracket")
            }
            let continuousAmount =
                previous.maintenanceAmountUSD
                + bracket.notionalFloorUSD * (bracket.maintenanceMarginRate - previous.maintenanceMarginRate)
            guard abs(bracket.maintenanceAmountUSD - continuousAmount) <= Self.amountToleranceUSD else {
                throw .invalidBracketTable(
                    index: index,
                    problem: "has a maintenance amount that makes the maintenance margin jump at its floor "
                        + "(expected previous amount + floor × rate step)")
            }
        }
        self.brackets = brackets
    }

    /// Venues publish maintenance amounts rounded to the cent at most; anything larger is a wrong table.
    static let amountToleranceUSD = 0.01

    /// The number of tiers.
    var count: Int { brackets.count }

    /// The tier whose (floor, cap] contains `notionalUSD`; notionals at or below 0 fall in the first tier and those
    /// beyond the last cap in the last, the natural extension of the schedule. A linear scan: tables have ~10 tiers
    /// and most lookups end in the first two.
    func index(containingNotionalUSD notionalUSD: Double) -> Int {
        for index in brackets.indices where notionalUSD <= brackets[index].notionalCapUSD {
            return index
        }
        return brackets.count - 1
    }

    /// The tier at `index`.
    subscript(index: Int) -> MaintenanceMarginBracket { brackets[index] }
}
