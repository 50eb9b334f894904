import LiqAnalytics
import Testing

@Suite("Maintenance margin bracket table validation")
struct MaintenanceMarginBracketTableTests {
    @Test("The 2021 Binance table and the steep test table are accepted")
    func acceptsConsistentTables() throws {
        _ = try MaintenanceMarginBracketTable(Tier.brackets(Tier.binance2021))
        _ = try MaintenanceMarginBracketTable(Tier.brackets(Tier.steep))
    }

    /// The 2021 table with one bracket replaced, and the index that should be blamed.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let index: Int
        let problem: String
        let apply: @Sendable (inout [MaintenanceMarginBracket]) -> Void
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "empty", index: 0, problem: "is missing") { $0.removeAll() },
        Breakage(name: "first floor not 0", index: 0, problem: "must start at a notional floor of 0") {
            $0[0].notionalFloorUSD = 1_000
        },
        Breakage(name: "rate of 1", index: 3, problem: "needs a maintenance margin rate in [0, 1)") {
            $0[3].maintenanceMarginRate = 1
        },
        Breakage(name: "NaN amount", index: 1, problem: "needs a finite maintenance amount ≥ 0") {
            $0[1].maintenanceAmountUSD = .nan
        },
        Breakage(name: "cap below floor", index: 2, problem: "needs a finite floor below its cap") {
            $0[2].notionalCapUSD = 200_000
        },
        Breakage(name: "gap between brackets", index: 2, problem: "must start where the previous bracket's cap ends") {
            $0[2].notionalFloorUSD = 260_000
        },
        // 0.9% after 1% would make the margin concave; the rate is checked before the amount.
        Breakage(name: "falling rate", index: 3, problem: "has a lower rate than the previous bracket") {
            $0[3].maintenanceMarginRate = 0.009
        },
        // 50k × (0.5% − 0.4%) = 50, so 60 makes the margin jump by 10 USD at 50k.
        Breakage(name: "inconsistent amount", index: 1, problem: "has a maintenance amount that makes") {
            $0[1].maintenanceAmountUSD = 60
        },
    ]

    @Test("Inconsistent tables are rejected, naming the bracket", arguments: breakages)
    func rejects(_ breakage: Breakage) {
        var brackets = Tier.brackets(Tier.binance2021)
        breakage.apply(&brackets)
        let error = #expect(throws: LiquidationPriceError.self) {
            try MaintenanceMarginBracketTable(brackets)
        }
        guard case .invalidBracketTable(let index, let problem) = error else {
            Issue.record("expected invalidBracketTable, got \(String(describing: error))")
            return
        }
        #expect(index == breakage.index)
        #expect(problem.hasPrefix(breakage.problem))
        #expect(error?.description.hasPrefix("invalid maintenance bracket table: bracket \(breakage.index) ") == true)
    }

    @Test("An amount within a cent of continuous is accepted; a cent and a half is not")
    func amountTolerance() throws {
        var brackets = Tier.brackets(Tier.binance2021)
        brackets[1].maintenanceAmountUSD = 50.009
        _ = try MaintenanceMarginBracketTable(brackets)
        brackets[1].maintenanceAmountUSD = 50.015
        #expect(throws: LiquidationPriceError.self) { try MaintenanceMarginBracketTable(brackets) }
    }
}
