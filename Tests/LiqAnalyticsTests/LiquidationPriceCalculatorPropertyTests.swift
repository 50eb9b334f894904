import LiqAnalytics
import LiqCore
import Testing

/// Checks that do not reuse the calculator's algebra: the position's equity and maintenance margin are rebuilt from
/// first principles at the returned prices, and the calculator is swept over a leverage grid.
@Suite("Liquidation price calculator: identities and monotonicity")
struct LiquidationPriceCalculatorPropertyTests {
    /// A position to solve, with the table (if any) its calculator uses.
    struct Position: Sendable, CustomTestStringConvertible {
        let name: String
        let input: LiquidationPriceInput
        var tiers: [Tier]? = nil
        var testDescription: String { name }
    }

    static let positions: [Position] = [
        Position(
            name: "isolated long 50x",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005)),
        Position(
            name: "isolated short, extra 3,000",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 20_000, quantityBase: 1, leverage: 50, maintenanceMarginRate: 0.005,
                extraMarginUSD: 3_000)),
        Position(
            name: "isolated long, amount, extra, funding received",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 40_000, quantityBase: 0.5, leverage: 25, maintenanceMarginRate: 0.004,
                maintenanceAmountUSD: 16, extraMarginUSD: 100, fundingPaidUSD: -20)),
        Position(
            name: "isolated short with the 2021 table",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 52_000, quantityBase: 5, leverage: 20, maintenanceMarginRate: 0),
            tiers: Tier.binance2021),
        Position(
            name: "binance long, WB 6,000",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, walletBalanceUSD: 6_000, mode: .binance)),
        Position(
            name: "binance short, extra and funding",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, extraMarginUSD: 500, fundingPaidUSD: 100, mode: .binance)),
        Position(
            name: "binance cross long with other positions",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 60_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0.005,
                maintenanceAmountUSD: 50, walletBalanceUSD: 20_000, otherPositionsMaintenanceMarginUSD: 1_000,
                otherPositionsUnrealizedPnLUSD: -3_000, mode: .binance)),
        Position(
            name: "binance long, table re-selects 0.5% → 0.4%",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 52_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0,
                mode: .binance),
            tiers: Tier.binance2021),
        Position(
            name: "binance short, table re-selects 0.4% → 0.5%",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 48_000, quantityBase: 1, leverage: 10, maintenanceMarginRate: 0,
                mode: .binance),
            tiers: Tier.binance2021),
        Position(
            name: "binance long, steep table, two re-selections",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 12_500, quantityBase: 1, leverage: 5, maintenanceMarginRate: 0,
                mode: .binance),
            tiers: Tier.steep),
        Position(
            name: "binance short, large position across the 1M cap",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 48_000, quantityBase: 20, leverage: 20, maintenanceMarginRate: 0,
                mode: .binance),
            tiers: Tier.binance2021),
        Position(
            name: "cross long, funding paid",
            input: LiquidationPriceInput(
                side: .long, entryPrice: 30_000, quantityBase: 2, leverage: 20, maintenanceMarginRate: 0.005,
                fundingPaidUSD: 50, availableBalanceUSD: 1_000, mode: .cross)),
        Position(
            name: "cross short with the 2021 table",
            input: LiquidationPriceInput(
                side: .short, entryPrice: 2_000, quantityBase: 100, leverage: 50, maintenanceMarginRate: 0,
                availableBalanceUSD: 2_500, mode: .cross),
            tiers: Tier.binance2021),
    ]

    /// Equity backing the position at mark `price`, USD: its margin (plus, in cross, the available balance; in
    /// binance mode the wallet balance and the other positions' PnL) plus its own PnL `s·Q·(P − E)`.
    static func equityUSD(at price: Double, _ input: LiquidationPriceInput) -> Double {
        let pnl = (input.side == .long ? 1 : -1) * input.quantityBase * (price - input.entryPrice)
        let initialMargin = input.quantityBase * input.entryPrice / input.leverage
        switch input.mode {
        case .isolated:
            return initialMargin + input.extraMarginUSD - input.fundingPaidUSD + pnl
        case .cross:
            return (input.availableBalanceUSD ?? .nan) + initialMargin - input.fundingPaidUSD + pnl
        case .binance:
            return (input.walletBalanceUSD ?? initialMargin) + input.extraMarginUSD - input.fundingPaidUSD
                + input.otherPositionsUnrealizedPnLUSD + pnl
        }
    }

    /// Maintenance margin required at mark `price`, USD: on the entry notional (isolated, cross) or on the notional
    /// at `price` with the tier looked up there (binance, plus the other positions' maintenance margin).
    static func maintenanceUSD(at price: Double, _ input: LiquidationPriceInput, tiers: [Tier]?) -> Double {
        let isBinance = input.mode == .binance
        let notional = input.quantityBase * (isBinance ? price : input.entryPrice)
        let tier =
            tiers.map { Tier.at(notional, in: $0) }
            ?? Tier(capUSD: .infinity, rate: input.maintenanceMarginRate, amountUSD: input.maintenanceAmountUSD)
        return notional * tier.rate - tier.amountUSD + (isBinance ? input.otherPositionsMaintenanceMarginUSD : 0)
    }

    @Test(
        "At the liquidation price equity equals maintenance margin, at bankruptcy it is 0 (to the cent)",
        arguments: positions)
    func equityMeetsMaintenance(_ position: Position) throws {
        let result = try Tier.calculator(position.tiers).compute(position.input)
        let lp = result.liquidationPrice
        expectClose(
            Self.equityUSD(at: lp, position.input), Self.maintenanceUSD(at: lp, position.input, tiers: position.tiers),
            within: 0.005, "equity vs maintenance margin at LP \(lp)")
        expectClose(Self.equityUSD(at: result.bankruptcyPrice, position.input), 0, within: 0.005, "equity at BP")
        // And one cent of price further into the loss the position is under maintenance, one cent back it is not.
        let towardsLoss = position.input.side == .long ? -0.01 : 0.01
        let pastLP = lp + towardsLoss
        let beforeLP = lp - towardsLoss
        #expect(
            Self.equityUSD(at: pastLP, position.input)
                < Self.maintenanceUSD(at: pastLP, position.input, tiers: position.tiers))
        #expect(
            Self.equityUSD(at: beforeLP, position.input)
                > Self.maintenanceUSD(at: beforeLP, position.input, tiers: position.tiers))
    }

    /// A margin model to sweep leverage under.
    struct Model: Sendable, CustomTestStringConvertible {
        let mode: LiquidationPriceMode
        var tiers: [Tier]? = nil
        var testDescription: String { tiers == nil ? mode.rawValue : "\(mode.rawValue) with the 2021 table" }
    }

    static let leverages: [Double] = [1, 2, 3, 5, 10, 20, 25, 50, 75, 100, 125]

    @Test(
        "Higher leverage puts both prices strictly closer to entry",
        arguments: [
            Model(mode: .isolated), Model(mode: .isolated, tiers: Tier.binance2021), Model(mode: .binance),
            Model(mode: .binance, tiers: Tier.binance2021), Model(mode: .cross),
        ],
        PositionSide.allCases)
    func leverageMonotonicity(model: Model, side: PositionSide) throws {
        // 5 BTC at 52,000 = 260,000: the table's 1% tier at entry, the 0.5% tier near most liquidation prices.
        let calculator = try Tier.calculator(model.tiers)
        var previous: (leverage: Double, liquidation: Double, bankruptcy: Double)?
        var compared = 0
        for leverage in Self.leverages {
            let input = LiquidationPriceInput(
                side: side, entryPrice: 52_000, quantityBase: 5, leverage: leverage, maintenanceMarginRate: 0.005,
                availableBalanceUSD: model.mode == .cross ? 5_000 : nil, mode: model.mode)
            let result: LiquidationPriceResult
            do {
                result = try calculator.compute(input)
            } catch .noLiquidationPrice(side: .long, _) {
                // Low-leverage longs whose margin covers the notional: nothing to compare.
                continue
            }
            let liquidationDistance = abs(result.liquidationPrice - 52_000)
            let bankruptcyDistance = abs(result.bankruptcyPrice - 52_000)
            if let previous {
                #expect(
                    liquidationDistance < previous.liquidation,
                    "LP distance at \(leverage)x (\(liquidationDistance)) ≥ at \(previous.leverage)x")
                #expect(
                    bankruptcyDistance < previous.bankruptcy,
                    "BP distance at \(leverage)x (\(bankruptcyDistance)) ≥ at \(previous.leverage)x")
                compared += 1
            }
            previous = (leverage, liquidationDistance, bankruptcyDistance)
        }
        #expect(compared >= 8, "only \(compared) leverage pairs could be compared")
    }
}
