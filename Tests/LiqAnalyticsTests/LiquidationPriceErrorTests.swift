import LiqAnalytics
import LiqCore
import Testing

@Suite("Liquidation price errors: rejected inputs and impossible positions")
struct LiquidationPriceErrorTests {
    /// 1 BTC long at 20,000, 50x, mmr 0.5%: valid in isolated and binance mode, each case breaks one thing.
    static let valid = LiquidationPriceInput(
        side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005)

    /// `valid` with one change applied.
    struct Change: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (inout LiquidationPriceInput) -> Void
        var testDescription: String { name }

        func input() -> LiquidationPriceInput {
            var input = LiquidationPriceErrorTests.valid
            apply(&input)
            return input
        }
    }

    static let invalidParameters: [Change] = [
        Change(name: "leverage") { $0.leverage = 0 },
        Change(name: "leverage") { $0.leverage = -2 },
        Change(name: "leverage") { $0.leverage = .nan },
        Change(name: "leverage") { $0.leverage = .infinity },
        Change(name: "entryPrice") { $0.entryPrice = 0 },
        Change(name: "entryPrice") { $0.entryPrice = -1 },
        Change(name: "entryPrice") { $0.entryPrice = .nan },
        Change(name: "entryPrice") { $0.entryPrice = .infinity },
        Change(name: "quantityBase") { $0.quantityBase = 0 },
        Change(name: "quantityBase") { $0.quantityBase = -0.5 },
        Change(name: "quantityBase") { $0.quantityBase = .nan },
        Change(name: "quantityBase") { $0.quantityBase = .infinity },
        Change(name: "maintenanceMarginRate") { $0.maintenanceMarginRate = -0.001 },
        Change(name: "maintenanceMarginRate") { $0.maintenanceMarginRate = 1 },
        Change(name: "maintenanceMarginRate") { $0.maintenanceMarginRate = 1.5 },
        Change(name: "maintenanceMarginRate") { $0.maintenanceMarginRate = .nan },
        Change(name: "maintenanceAmountUSD") { $0.maintenanceAmountUSD = -1 },
        Change(name: "maintenanceAmountUSD") { $0.maintenanceAmountUSD = .infinity },
        Change(name: "extraMarginUSD") { $0.extraMarginUSD = -1 },
        Change(name: "extraMarginUSD") { $0.extraMarginUSD = .nan },
        Change(name: "fundingPaidUSD") { $0.fundingPaidUSD = -.infinity },
        Change(name: "walletBalanceUSD") {
            $0.mode = .binance
            $0.walletBalanceUSD = .nan
        },
        Change(name: "otherPositionsMaintenanceMarginUSD") {
            $0.mode = .binance
            $0.otherPositionsMaintenanceMarginUSD = -1
        },
        Change(name: "otherPositionsUnrealizedPnLUSD") {
            $0.mode = .binance
            $0.otherPositionsUnrealizedPnLUSD = .infinity
        },
        Change(name: "availableBalanceUSD") {
            $0.mode = .cross
            $0.availableBalanceUSD = .infinity
        },
    ]

    @Test("An invalid parameter is reported by name", arguments: invalidParameters)
    func invalidParameter(_ change: Change) {
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(change.input())
        }
        guard case .invalidParameter(let name, _, _) = error else {
            Issue.record("expected invalidParameter, got \(String(describing: error))")
            return
        }
        #expect(name == change.name)
        #expect(error?.description.hasPrefix("invalid \(change.name): must be ") == true)
    }

    static let unusedParameters: [Change] = [
        Change(name: "walletBalanceUSD") { $0.walletBalanceUSD = 400 },
        Change(name: "availableBalanceUSD") { $0.availableBalanceUSD = 1_000 },
        Change(name: "otherPositionsMaintenanceMarginUSD") { $0.otherPositionsMaintenanceMarginUSD = 10 },
        Change(name: "otherPositionsUnrealizedPnLUSD") { $0.otherPositionsUnrealizedPnLUSD = -10 },
        Change(name: "availableBalanceUSD") {
            $0.mode = .binance
            $0.availableBalanceUSD = 1_000
        },
        Change(name: "extraMarginUSD") {
            $0.mode = .cross
            $0.availableBalanceUSD = 1_000
            $0.extraMarginUSD = 3_000
        },
        Change(name: "walletBalanceUSD") {
            $0.mode = .cross
            $0.availableBalanceUSD = 1_000
            $0.walletBalanceUSD = 400
        },
        Change(name: "otherPositionsMaintenanceMarginUSD") {
            $0.mode = .cross
            $0.availableBalanceUSD = 1_000
            $0.otherPositionsMaintenanceMarginUSD = 10
        },
        Change(name: "otherPositionsUnrealizedPnLUSD") {
            $0.mode = .cross
            $0.availableBalanceUSD = 1_000
            $0.otherPositionsUnrealizedPnLUSD = 10
        },
    ]

    @Test("A parameter the mode does not use is rejected, not ignored", arguments: unusedParameters)
    func parameterNotUsed(_ change: Change) {
        let input = change.input()
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(input)
        }
        guard case .parameterNotUsed(let name, let mode, _) = error else {
            Issue.record("expected parameterNotUsed, got \(String(describing: error))")
            return
        }
        #expect(name == change.name)
        #expect(mode == input.mode)
        #expect(error?.description.hasPrefix("\(change.name) is not used in \(input.mode.rawValue) mode: ") == true)
    }

    @Test("Extra margin in cross mode says where it belongs")
    func extraMarginInCrossMessage() {
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(
                LiquidationPriceInput(
                    side: .short, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005,
                    extraMarginUSD: 3_000, availableBalanceUSD: 1_000, mode: .cross))
        }
        #expect(error?.description.contains("meaningless in cross mode") == true)
        #expect(error?.description.contains("add it to availableBalanceUSD") == true)
    }

    @Test("Cross mode without an available balance")
    func crossNeedsAvailableBalance() {
        var input = Self.valid
        input.mode = .cross
        #expect(throws: LiquidationPriceError.missingParameter(name: "availableBalanceUSD", mode: .cross)) {
            try LiquidationPriceCalculator().compute(input)
        }
        #expect(
            LiquidationPriceError.missingParameter(name: "availableBalanceUSD", mode: .cross).description
                == "cross mode needs availableBalanceUSD")
    }

    /// Longs whose margin covers the loss to a price of 0, with the formula's price worked by hand.
    @Test(
        "No liquidation price when the formula gives ≤ 0",
        arguments: [
            // Isolated, 1x plus 5 extra: IM 100, MM 1; LP = 100 − (100 + 5 − 1) = −4.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 100, quantityBase: 1, leverage: 1, maintenanceMarginRate: 0.01,
                    extraMarginUSD: 5), -4.0
            ),
            // Isolated, 0.8x: IM 125, MM 1; LP = 100 − 124 = −24.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 100, quantityBase: 1, leverage: 0.8, maintenanceMarginRate: 0.01), -24.0
            ),
            // Binance, 1x: WB 100; LP = (100 − 100)/(0.01 − 1) = 0 (equity P equals 1% of P only at 0).
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 100, quantityBase: 1, leverage: 1, maintenanceMarginRate: 0.01,
                    mode: .binance), 0.0
            ),
            // Cross, 10x with 200 available: IM 10, MM 1; LP = 100 − (200 + 10 − 1) = −109.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 100, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.01,
                    availableBalanceUSD: 200, mode: .cross), -109.0
            ),
        ])
    func noLiquidationPrice(input: LiquidationPriceInput, formulaPrice: Double) {
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(input)
        }
        guard case .noLiquidationPrice(let side, let price) = error else {
            Issue.record("expected noLiquidationPrice, got \(String(describing: error))")
            return
        }
        #expect(side == .long)
        expectClose(price, formulaPrice, within: 1e-9, "formula price")
        #expect(error?.description.hasPrefix("no liquidation price: the position cannot be liquidated") == true)
    }

    /// Positions already under maintenance at entry, worked by hand (1 BTC at 20,000, mmr 0.5%, MM 100).
    @Test(
        "Liquidated at entry when the price lands on the wrong side",
        arguments: [
            // 250x long: IM 80 < MM 100; LP = 20,000 − (80 − 100) = 20,020 > entry.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 250, maintenanceMarginRate: 0.005),
                20_020.0
            ),
            // 250x short: LP = 20,000 + (80 − 100) = 19,980 < entry.
            (
                LiquidationPriceInput(
                    side: .short, entryPrice: 20_000, quantityBase: 1, leverage: 250, maintenanceMarginRate: 0.005),
                19_980.0
            ),
            // 50x long that paid 500 funding: margin 400 − 500 = −100; LP = 20,000 − (−100 − 100) = 20,200.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005,
                    fundingPaidUSD: 500), 20_200.0
            ),
            // Binance 250x long: WB 80; LP = (80 − 20,000)/(−0.995) = 19,920/0.995 = 20,020.10 > entry.
            (
                LiquidationPriceInput(
                    side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 250, maintenanceMarginRate: 0.005,
                    mode: .binance), 20_020.100_502_512_56
            ),
        ])
    func liquidatedAtEntry(input: LiquidationPriceInput, liquidationPrice: Double) {
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(input)
        }
        guard case .liquidatedAtEntry(let side, let price, let entry) = error else {
            Issue.record("expected liquidatedAtEntry, got \(String(describing: error))")
            return
        }
        #expect(side == input.side)
        #expect(entry == input.entryPrice)
        expectClose(price, liquidationPrice, within: 1e-6, "liquidation price")
        #expect(error?.description.contains("already below maintenance margin at entry") == true)
    }

    @Test("A maintenance amount larger than notional × rate is rejected")
    func negativeMaintenanceMargin() {
        // Notional 100, rate 1%, amount 5: MM = 1 − 5 = −4; LP = 100 − (10 + 4) = 86 is otherwise fine.
        let error = #expect(throws: LiquidationPriceError.self) {
            try LiquidationPriceCalculator().compute(
                LiquidationPriceInput(
                    side: .long, entryPrice: 100, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.01,
                    maintenanceAmountUSD: 5))
        }
        guard case .invalidParameter(let name, let value, _) = error else {
            Issue.record("expected invalidParameter, got \(String(describing: error))")
            return
        }
        #expect(name == "maintenanceAmountUSD")
        #expect(value == 5)
    }

    @Test("A binance denominator that underflows to zero is reported, not divided by")
    func zeroDenominator() {
        // Q·mmr − Q with Q the smallest subnormal and mmr one ulp below 1: Q·mmr rounds back to Q, so 0.
        let quantity = Double.leastNonzeroMagnitude
        let rate = (1.0).nextDown
        #expect(
            throws: LiquidationPriceError.zeroDenominator(
                side: .long, quantityBase: quantity, maintenanceMarginRate: rate)
        ) {
            try LiquidationPriceCalculator().compute(
                LiquidationPriceInput(
                    side: .long, entryPrice: 60_000, quantityBase: quantity, leverage: 10, maintenanceMarginRate: rate,
                    mode: .binance))
        }
        let message = LiquidationPriceError.zeroDenominator(
            side: .long, quantityBase: quantity, maintenanceMarginRate: rate
        ).description
        #expect(message.hasPrefix("binance form has a zero denominator"))
    }

    @Test("Overflowing inputs give an error, not an infinite or NaN price")
    func nonFiniteResult() {
        // Q·E = 1e300 × 1e300 overflows to ∞, and ∞ − ∞ in (IM − MM) is NaN.
        #expect(throws: LiquidationPriceError.nonFiniteResult(side: .short)) {
            try LiquidationPriceCalculator().compute(
                LiquidationPriceInput(
                    side: .short, entryPrice: 1e300, quantityBase: 1e300, leverage: 10, maintenanceMarginRate: 0.005))
        }
    }
}
