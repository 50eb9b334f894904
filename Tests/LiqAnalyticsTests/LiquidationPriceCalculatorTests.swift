import LiqAnalytics
import LiqCore
import Testing

@Suite("Liquidation price calculator: worked checks and hand-derived cases")
struct LiquidationPriceCalculatorTests {
    /// One position with the prices worked out by hand. Tolerance is in USD per base unit.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: LiquidationPriceInput
        var tiers: [Tier]? = nil
        let liquidationPrice: Double
        let bankruptcyPrice: Double
        var tolerance = 0.005
        var testDescription: String { name }
    }

    static let domainChecks: [Case] = [
        // IM = 1×20,000/50 = 400, MM = 20,000×0.5% = 100; LP = 20,000 − 300 = 19,700; BP = 20,000 − 400 = 19,600.
        Case(
            name: "DOMAIN: 1 BTC long at 20,000, 50x, mmr 0.5% → 19,700",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005),
            liquidationPrice: 19_700, bankruptcyPrice: 19_600),
        // LP = 20,000 + 300 + 3,000 = 23,300; BP = 20,000 + 400 + 3,000 = 23,400.
        Case(
            name: "DOMAIN: short with 3,000 extra margin → 23,300",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005,
                extraMarginUSD: 3_000),
            liquidationPrice: 23_300, bankruptcyPrice: 23_400),
        // LP = 19,700 + 200 = 19,900; BP = 20,000 − (400 − 200) = 19,800.
        Case(
            name: "DOMAIN: long with 200 funding paid → 19,900",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005,
                fundingPaidUSD: 200),
            liquidationPrice: 19_900, bankruptcyPrice: 19_800),
        // (6,000 + 50 − 60,000)/(0.005 − 1) = 53,950/0.995 = 54,221.105…; BP = 60,000 − 6,000 = 54,000.
        Case(
            name: "DOMAIN: binance long, 1 BTC at 60,000, 10x, WB 6,000, mmr 0.5%, cum 50 → 54,221.11",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, walletBalanceUSD: 6_000, mode: .binance),
            liquidationPrice: 54_221.11, bankruptcyPrice: 54_000),
        // (6,000 + 50 + 60,000)/(0.005 + 1) = 66,050/1.005 = 65,721.393…; BP = 60,000 + 6,000 = 66,000.
        Case(
            name: "DOMAIN: binance short, same position → 65,721.39",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, walletBalanceUSD: 6_000, mode: .binance),
            liquidationPrice: 65_721.39, bankruptcyPrice: 66_000),
        // WB defaults to Q·E/L = 60,000/10 = 6,000, so the same 54,221.11.
        Case(
            name: "DOMAIN: binance long with WB defaulted from leverage → 54,221.11",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, mode: .binance),
            liquidationPrice: 54_221.11, bankruptcyPrice: 54_000),
        // The 2021 table puts 60k, and the LP's 54.2k, in the 0.5%/50 bracket: the table changes nothing here.
        Case(
            name: "DOMAIN: binance long with the 2021 bracket table → 54,221.11",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                mode: .binance),
            tiers: Tier.binance2021, liquidationPrice: 54_221.11, bankruptcyPrice: 54_000),
        // Seed 002: IM = 0.6×50,000/3 = 10,000, MM = 30,000×2% = 600; LP = 50,000 − 9,400/0.6 = 34,333.333…;
        // BP = 50,000 − 10,000/0.6 = 33,333.333….
        Case(
            name: "DOMAIN/seed 002: 0.6 BTC at 50,000, 3x, 2% on entry notional → 34,333.33",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 50_000, quantityBase: 0.6, leverage: 3, maintenanceMarginRate: 0.02),
            liquidationPrice: 34_333.33, bankruptcyPrice: 33_333.33),
        // (10,000 − 30,000)/(0.6×0.02 − 0.6) = 20,000/0.588 = 34,013.605…; BP as above.
        Case(
            name: "DOMAIN/seed 002: same position, 2% on mark notional → 34,013.61",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 50_000, quantityBase: 0.6, leverage: 3, maintenanceMarginRate: 0.02,
                walletBalanceUSD: 10_000, mode: .binance),
            liquidationPrice: 34_013.61, bankruptcyPrice: 33_333.33),
    ]

    static let handDerived: [Case] = [
        // Isolated short, maintenance amount > 0: notional 2×3,000 = 6,000; IM = 6,000/20 = 300;
        // MM = 6,000×1% − 10 = 50; LP = 3,000 + (300 − 50)/2 = 3,125; BP = 3,000 + 300/2 = 3,150.
        Case(
            name: "isolated short, maintenance amount 10 → 3,125",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 3_000, quantityBase: 2, leverage: 20, maintenanceMarginRate: 0.01,
                maintenanceAmountUSD: 10),
            liquidationPrice: 3_125, bankruptcyPrice: 3_150),
        // Isolated long, amount, extra margin and funding received: notional 0.5×40,000 = 20,000; IM = 800;
        // MM = 20,000×0.4% − 16 = 64; LP = 40,000 − 736/0.5 − 100/0.5 + (−20)/0.5 = 40,000 − 1,472 − 200 − 40
        // = 38,288; BP = 40,000 − (800 + 100 + 20)/0.5 = 38,160.
        Case(
            name: "isolated long, amount 16, extra 100, funding received 20 → 38,288",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 40_000, quantityBase: 0.5, leverage: 25, maintenanceMarginRate: 0.004,
                maintenanceAmountUSD: 16, extraMarginUSD: 100, fundingPaidUSD: -20),
            liquidationPrice: 38_288, bankruptcyPrice: 38_160),
        // Binance short without a table: WB = 10×2,000/20 = 1,000; LP = (1,000 + 25 + 20,000)/(10×1% + 10)
        // = 21,025/10.1 = 2,081.683…; BP = 2,000 + 1,000/10 = 2,100.
        Case(
            name: "binance short, 10 ETH at 2,000, 20x, mmr 1%, cum 25 → 2,081.68",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 2_000, quantityBase: 10, leverage: 20, maintenanceMarginRate: 0.01,
                maintenanceAmountUSD: 25, mode: .binance),
            liquidationPrice: 2_081.68, bankruptcyPrice: 2_100),
        // Binance long, extra and funding on top of the default WB: WB = 6,000 + 500 − 100 = 6,400;
        // LP = (6,400 + 50 − 60,000)/(−0.995) = 53,550/0.995 = 53,819.095…; BP = 60,000 − 6,400 = 53,600.
        Case(
            name: "binance long, extra 500, funding paid 100 → 53,819.10",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, extraMarginUSD: 500, fundingPaidUSD: 100, mode: .binance),
            liquidationPrice: 53_819.10, bankruptcyPrice: 53_600),
        // Binance cross long with other positions: numerator 20,000 − 1,000 + (−3,000) + 50 − 60,000 = −43,950;
        // LP = 43,950/0.995 = 44,170.854…; BP = 60,000 − (20,000 − 3,000) = 43,000 (other MM not deducted).
        Case(
            name: "binance cross long, WB 20,000, other MM 1,000, other PnL −3,000 → 44,170.85",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, walletBalanceUSD: 20_000, otherPositionsMaintenanceMarginUSD: 1_000,
                otherPositionsUnrealizedPnLUSD: -3_000, mode: .binance),
            liquidationPrice: 44_170.85, bankruptcyPrice: 43_000),
        // Cross long with funding: IM = 60,000/20 = 3,000, MM = 60,000×0.5% = 300;
        // LP = 30,000 − (1,000 + 3,000 − 300 − 50)/2 = 30,000 − 1,825 = 28,175; BP = 30,000 − 3,950/2 = 28,025.
        Case(
            name: "cross long, available 1,000, funding paid 50 → 28,175",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 30_000, quantityBase: 2, leverage: 20, maintenanceMarginRate: 0.005,
                fundingPaidUSD: 50, availableBalanceUSD: 1_000, mode: .cross),
            liquidationPrice: 28_175, bankruptcyPrice: 28_025),
        // Cross short, funding received: IM = 20,000/10 = 2,000, MM = 20,000×0.4% = 80; backing = 300 + 2,000 + 10
        // = 2,310; LP = 40,000 + (2,310 − 80)/0.5 = 44,460; BP = 40,000 + 2,310/0.5 = 44,620.
        Case(
            name: "cross short, available 300, funding received 10 → 44,460",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 40_000, quantityBase: 0.5, leverage: 10, maintenanceMarginRate: 0.004,
                fundingPaidUSD: -10, availableBalanceUSD: 300, mode: .cross),
            liquidationPrice: 44_460, bankruptcyPrice: 44_620),
        // Isolated mode takes the tier at the ENTRY notional: 52,000 is in 0.5%/50 (not re-selected at the LP);
        // IM = 5,200, MM = 260 − 50 = 210; LP = 52,000 − 4,990 = 47,010; BP = 52,000 − 5,200 = 46,800.
        Case(
            name: "isolated long with the 2021 table: tier at entry notional → 47,010",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 52_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.2),
            tiers: Tier.binance2021, liquidationPrice: 47_010, bankruptcyPrice: 46_800),
    ]

    @Test("DOMAIN.md §3 and seed worked checks, to the cent", arguments: domainChecks)
    func domainWorkedCheck(_ check: Case) throws {
        let result = try Tier.calculator(check.tiers).compute(check.input)
        expectClose(result.liquidationPrice, check.liquidationPrice, within: check.tolerance, "liquidation price")
        expectClose(result.bankruptcyPrice, check.bankruptcyPrice, within: check.tolerance, "bankruptcy price")
        #expect(result.mode == check.input.mode)
        #expect(result.side == check.input.side)
    }

    @Test("Hand-derived cases, to the cent", arguments: handDerived)
    func handDerivedCase(_ check: Case) throws {
        let result = try Tier.calculator(check.tiers).compute(check.input)
        expectClose(result.liquidationPrice, check.liquidationPrice, within: check.tolerance, "liquidation price")
        expectClose(result.bankruptcyPrice, check.bankruptcyPrice, within: check.tolerance, "bankruptcy price")
    }

    /// Seed 001 scenario 3, balance 2,500. The seed gives IM and MM in dollars; the inputs reproduce them:
    /// BTC 19,500/97.5 = 200 and 19,500/195 = 100; ETH 20,000/50 = 400 and 20,000×0.5% = 100;
    /// BIT 6,000/25 = 240 and 6,000×1% = 60.
    @Test(
        "Seed 001 cross scenario 3 (BIT to 1e-9 USD; the seed's 0.788 is wrong)",
        arguments: [
            // 19,500 − (2,500 + 200 − 100)/1 = 16,900; BP 19,500 − 2,700 = 16,800.
            (PositionSide.long, 19_500.0, 1.0, 97.5, 1.0 / 195, 16_900.0, 16_800.0, 0.005),
            // 2,000 + (2,500 + 400 − 100)/10 = 2,280; BP 2,000 + 2,900/10 = 2,290.
            (PositionSide.short, 2_000.0, 10.0, 50.0, 0.005, 2_280.0, 2_290.0, 0.005),
            // 0.6 + (2,500 + 240 − 60)/10,000 = 0.6 + 0.268 = 0.868 (seed: 0.788); BP 0.6 + 2,740/10,000 = 0.874.
            (PositionSide.short, 0.6, 10_000.0, 25.0, 0.01, 0.868, 0.874, 1e-9),
        ])
    func seedCrossScenario(
        side: PositionSide, entry: Double, quantity: Double, leverage: Double, rate: Double,
        liquidationPrice: Double, bankruptcyPrice: Double, tolerance: Double
    ) throws {
        let result = try LiquidationPriceCalculator().compute(
            LiquidationPriceInput(
                side: side, entryPrice: entry, quantityBase: quantity, leverage: leverage,
                maintenanceMarginRate: rate, availableBalanceUSD: 2_500, mode: .cross))
        expectClose(result.liquidationPrice, liquidationPrice, within: tolerance, "liquidation price")
        expectClose(result.bankruptcyPrice, bankruptcyPrice, within: tolerance, "bankruptcy price")
    }

    /// A position whose entry tier differs from the tier at its liquidation price, solved by hand both ways.
    struct ReselectionCase: Sendable, CustomTestStringConvertible {
        let name: String
        let input: LiquidationPriceInput
        let tiers: [Tier]
        /// The price from the tier at the entry notional alone; nil when that tier's margin is negative there, which
        /// the calculator rejects without a table.
        let naivePrice: Double?
        /// The price after re-selecting the tier at `Q·LP` until it is stable.
        let reselectedPrice: Double
        let finalRate: Double
        let finalAmountUSD: Double
        var testDescription: String { name }
    }

    static let reselectionCases: [ReselectionCase] = [
        // Entry 52,000 → tier 0.5%/50: (5,200 + 50 − 52,000)/(−0.995) = 46,750/0.995 = 46,984.92, notional 46,985
        // is in 0.4%/0: (5,200 − 52,000)/(−0.996) = 46,800/0.996 = 46,987.95, notional stays ≤ 50k: stable.
        ReselectionCase(
            name: "long, 1 BTC at 52,000, 10x: 0.5% → 0.4% tier",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 52_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, mode: .binance),
            tiers: Tier.binance2021, naivePrice: 46_984.92, reselectedPrice: 46_987.95, finalRate: 0.004,
            finalAmountUSD: 0),
        // Entry 48,000 → tier 0.4%/0: (4,800 + 48,000)/1.004 = 52,589.64, notional > 50k is in 0.5%/50:
        // (4,800 + 50 + 48,000)/1.005 = 52,850/1.005 = 52,587.06, still in 0.5%/50: stable.
        ReselectionCase(
            name: "short, 1 BTC at 48,000, 10x: 0.4% → 0.5% tier",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 48_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.004,
                mode: .binance),
            tiers: Tier.binance2021, naivePrice: 52_589.64, reselectedPrice: 52_587.06, finalRate: 0.005,
            finalAmountUSD: 50),
        // 5 BTC at 52,000 = 260,000 → tier 1%/1,300; WB 26,000: (26,000 + 1,300 − 260,000)/(0.05 − 5)
        // = 232,700/4.95 = 47,010.10, notional 235,051 is in 0.5%/50: (26,000 + 50 − 260,000)/(0.025 − 5)
        // = 233,950/4.975 = 47,025.13, notional 235,126: stable.
        ReselectionCase(
            name: "long, 5 BTC at 52,000, 10x: 1% → 0.5% tier",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 52_000, quantityBase: 5, leverage: 10, maintenanceMarginRate: 0.01,
                maintenanceAmountUSD: 1_300, mode: .binance),
            tiers: Tier.binance2021, naivePrice: 47_010.10, reselectedPrice: 47_025.13, finalRate: 0.005,
            finalAmountUSD: 50),
        // Steep table, 1 unit at 12,500, 5x, WB 2,500. Entry tier 50%/5,750: (2,500 + 5,750 − 12,500)/(−0.5)
        // = 8,500 → tier 1%/0: (2,500 − 12,500)/(−0.99) = 10,101.01 → tier 5%/400: (2,500 + 400 − 12,500)/(−0.95)
        // = 9,600/0.95 = 10,105.26, in (10k, 11k]: stable after two re-selections (overshoot, then climb back).
        // Naively, 8,500 has MM = 8,500×50% − 5,750 = −1,500 on the entry tier: no naive answer to compare.
        ReselectionCase(
            name: "long on the steep table: 50% → 1% → 5% tier",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 12_500, quantityBase: 1, leverage: 5, maintenanceMarginRate: 0.5,
                maintenanceAmountUSD: 5_750, mode: .binance),
            tiers: Tier.steep, naivePrice: nil, reselectedPrice: 10_105.26, finalRate: 0.05, finalAmountUSD: 400),
    ]

    @Test("Binance mode re-selects the bracket at the liquidation notional, to the cent", arguments: reselectionCases)
    func bracketReselection(_ check: ReselectionCase) throws {
        let reselected = try Tier.calculator(check.tiers).compute(check.input)
        expectClose(reselected.liquidationPrice, check.reselectedPrice, within: 0.005, "re-selected price")
        #expect(reselected.maintenanceMarginRate == check.finalRate)
        #expect(reselected.maintenanceAmountUSD == check.finalAmountUSD)

        // The input carries the entry tier's rate and amount: without a table that is the naive answer.
        guard let naivePrice = check.naivePrice else {
            let error = #expect(throws: LiquidationPriceError.self) {
                try LiquidationPriceCalculator().compute(check.input)
            }
            guard case .invalidParameter(let name, _, _) = error else {
                Issue.record("expected a negative-maintenance error, got \(String(describing: error))")
                return
            }
            #expect(name == "maintenanceAmountUSD")
            return
        }
        let naive = try LiquidationPriceCalculator().compute(check.input)
        expectClose(naive.liquidationPrice, naivePrice, within: 0.005, "naive price")
        #expect(abs(reselected.liquidationPrice - naive.liquidationPrice) > 1, "re-selection must change the answer")
    }

    @Test("The result reports the margins used")
    func reportsMargins() throws {
        // 1 BTC long at 20,000, 50x: IM 400, MM 100 on entry notional.
        let isolated = try LiquidationPriceCalculator().compute(
            LiquidationPriceInput(
                side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005))
        expectClose(isolated.initialMarginUSD, 400, within: 1e-9, "initial margin")
        expectClose(isolated.maintenanceMarginUSD, 100, within: 1e-9, "maintenance margin")
        #expect(isolated.maintenanceMarginRate == 0.005)
        #expect(isolated.maintenanceAmountUSD == 0)

        // Binance short at 60,000: MM on the notional at LP = 65,721.393×0.5% − 50 = 278.607.
        let binance = try LiquidationPriceCalculator().compute(
            LiquidationPriceInput(
                side: .short, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, mode: .binance))
        expectClose(binance.initialMarginUSD, 6_000, within: 1e-9, "initial margin")
        expectClose(binance.maintenanceMarginUSD, 278.607, within: 0.0005, "maintenance margin")
        #expect(binance.maintenanceAmountUSD == 50)
    }

    @Test(
        "Isolated mode picks the bracket containing the entry notional: (floor, cap], last beyond the caps",
        arguments: [
            (50_000.0, 0.004),  // exactly at the first cap: still the first tier
            (50_000.01, 0.005),  // just past it
            (250_000.0, 0.005),
            (1_000_000.5, 0.025),
            (80_000_000.0, 0.025),  // beyond the last cap: the last tier
        ])
    func bracketAtEntryNotional(notionalUSD: Double, rate: Double) throws {
        let result = try Tier.calculator(Tier.binance2021).compute(
            LiquidationPriceInput(
                side: .short, entryPrice: notionalUSD, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0))
        #expect(result.maintenanceMarginRate == rate)
    }
}
