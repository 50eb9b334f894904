/// Solves a position's liquidation and bankruptcy prices under one of three margin models (DOMAIN.md §3).
///
/// Pure arithmetic on values: no allocation or reference counting, typed throws, so the estimated heatmap can call `compute` for
/// every (entry, leverage tier) cell, millions of times per run.
///
/// With a bracket table the maintenance tier is taken from it instead of from the input, at the notional the mode
/// charges maintenance on: the entry notional in isolated and cross mode (as Bybit's risk-limit tiers work), the
/// notional at the liquidation price in binance mode.
///
/// Binance-mode tier re-selection: start from the tier at the entry notional, solve, look up the tier that contains
/// `Q·LP`, and re-solve until the tier stops changing. Because a validated table's maintenance margin is continuous
/// and convex in notional while equity moves by `Q` per unit of price (faster than any tier's `Q·mmr`), there is one
/// true liquidation price. Every tier's straight line lies at or below that convex margin, so the first solve lands at
/// or beyond the true price; every later tier lies between the previous one and the true tier, so the loop settles
/// within `count` re-solves (the steep test table needs two). It cannot oscillate at a boundary: at a boundary
/// both tiers give the same maintenance margin (the table's continuity check), hence the same price. Only within the
/// table's one-cent amount tolerance could two tiers disagree there; the loop then stops at its bound and returns the
/// last price, which is within that cent (divided by `Q·(1 ∓ mmr)`) of the boundary price where the position really
/// becomes liquidatable.
public struct LiquidationPriceCalculator: Sendable, Equatable {
    /// The venue's maintenance schedule for the symbol, if the caller has one.
    let brackets: MaintenanceMarginBracketTable?

    /// Creates a calculator for one symbol; without a table each input's own rate and amount are used.
    public init(brackets: MaintenanceMarginBracketTable? = nil) {
        self.brackets = brackets
    }

    /// Solves `input` under its mode. Throws when a parameter is invalid or not used by the mode, or when the
    /// position has no liquidation price on the loss side of entry.
    public func compute(_ input: LiquidationPriceInput) throws(LiquidationPriceError) -> LiquidationPriceResult {
        try input.validate()
        // s = +1 for a long, −1 for a short: a long loses as the price falls.
        let sign: Double = input.side == .long ? 1 : -1
        let quantity = input.quantityBase
        let entry = input.entryPrice
        let entryNotionalUSD = quantity * entry
        let initialMarginUSD = entryNotionalUSD / input.leverage

        let liquidationPrice: Double
        let bankruptcyPrice: Double
        let maintenanceMarginUSD: Double
        var tier = maintenanceTier(forNotionalUSD: entryNotionalUSD, input: input)
        switch input.mode {
        case .isolated, .cross:
            // Equity = backing margin + s·Q·(P − E). In cross the whole available balance stands behind the
            // position too; validation guarantees it is absent in isolated mode and extra margin is 0 in cross.
            // Funding is paid out of the backing margin in both.
            let backingMarginUSD =
                (input.availableBalanceUSD ?? 0) + initialMarginUSD + input.extraMarginUSD - input.fundingPaidUSD
            maintenanceMarginUSD = entryNotionalUSD * tier.rate - tier.amountUSD
            liquidationPrice = entry - sign * (backingMarginUSD - maintenanceMarginUSD) / quantity
            bankruptcyPrice = entry - sign * backingMarginUSD / quantity
        case .binance:
            let walletBalanceUSD =
                (input.walletBalanceUSD ?? initialMarginUSD) + input.extraMarginUSD - input.fundingPaidUSD
            // WB − TMM + UPNL: the funds that stand behind this position besides its own PnL.
            let fundsUSD =
                walletBalanceUSD - input.otherPositionsMaintenanceMarginUSD + input.otherPositionsUnrealizedPnLUSD
            var price = try Self.binancePrice(fundsUSD: fundsUSD, tier: tier, sign: sign, input: input)
            if let brackets {
                var index = brackets.index(containingNotionalUSD: entryNotionalUSD)
                for _ in 0..<brackets.count {
                    let selected = brackets.index(containingNotionalUSD: quantity * price)
                    if selected == index { break }
                    index = selected
                    tier = MaintenanceTier(brackets[index])
                    price = try Self.binancePrice(fundsUSD: fundsUSD, tier: tier, sign: sign, input: input)
                }
            }
            liquidationPrice = price
            maintenanceMarginUSD = quantity * price * tier.rate - tier.amountUSD
            // The same formula with mmr = 0 and cum = 0, and without the other positions' maintenance margin:
            // bankruptcy is where equity, not equity above maintenance, reaches zero.
            bankruptcyPrice =
                entry - sign * (walletBalanceUSD + input.otherPositionsUnrealizedPnLUSD) / quantity
        }

        guard liquidationPrice.isFinite, bankruptcyPrice.isFinite else {
            throw .nonFiniteResult(side: input.side)
        }
        guard sign * (entry - liquidationPrice) >= 0 else {
            throw .liquidatedAtEntry(side: input.side, liquidationPrice: liquidationPrice, entryPrice: entry)
        }
        guard liquidationPrice > 0 else {
            throw .noLiquidationPrice(side: input.side, formulaPrice: liquidationPrice)
        }
        guard maintenanceMarginUSD >= 0 else {
            // Checked last, as a price ≤ 0 also makes the binance-mode margin negative. Only reachable
            // without a table: a validated table's margin is ≥ 0 at every notional ≥ 0.
            throw .invalidParameter(
                name: "maintenanceAmountUSD", value: tier.amountUSD,
                requirement: "at most notional × maintenanceMarginRate (the maintenance margin cannot be negative)")
        }
        return LiquidationPriceResult(
            liquidationPrice: liquidationPrice,
            bankruptcyPrice: bankruptcyPrice,
            mode: input.mode,
            side: input.side,
            initialMarginUSD: initialMarginUSD,
            maintenanceMarginUSD: maintenanceMarginUSD,
            maintenanceMarginRate: tier.rate,
            maintenanceAmountUSD: tier.amountUSD
        )
    }

    /// The tier at `notionalUSD` from the table, or the input's own rate and amount when there is no table.
    private func maintenanceTier(forNotionalUSD notionalUSD: Double, input: LiquidationPriceInput) -> MaintenanceTier {
        guard let brackets else {
            return MaintenanceTier(rate: input.maintenanceMarginRate, amountUSD: input.maintenanceAmountUSD)
        }
        return MaintenanceTier(brackets[brackets.index(containingNotionalUSD: notionalUSD)])
    }

    /// `LP = (WB − TMM + UPNL + cum − s·Q·E) / (Q·mmr − s·Q)`: where `funds + s·Q·(P − E)` equals `Q·P·mmr − cum`.
    private static func binancePrice(
        fundsUSD: Double, tier: MaintenanceTier, sign: Double, input: LiquidationPriceInput
    ) throws(LiquidationPriceError) -> Double {
        let quantity = input.quantityBase
        let denominator = quantity * tier.rate - sign * quantity
        guard denominator != 0 else {
            throw .zeroDenominator(side: input.side, quantityBase: quantity, maintenanceMarginRate: tier.rate)
        }
        return (fundsUSD + tier.amountUSD - sign * quantity * input.entryPrice) / denominator
    }
}

/// The (rate, amount) pair the maintenance margin `notional × rate − amount` is computed from.
private struct MaintenanceTier {
    var rate: Double
    var amountUSD: Double

    init(rate: Double, amountUSD: Double) {
        self.rate = rate
        self.amountUSD = amountUSD
    }

    init(_ bracket: MaintenanceMarginBracket) {
        self.init(rate: bracket.maintenanceMarginRate, amountUSD: bracket.maintenanceAmountUSD)
    }
}
