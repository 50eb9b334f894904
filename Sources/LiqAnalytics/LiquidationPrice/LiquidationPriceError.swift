public import LiqCore

/// Why no liquidation price could be given. Payloads are plain values and static strings, so throwing one (typed
/// throws) never allocates: the estimated heatmap hits the "cannot be liquidated" cases millions of times, and the
/// readable text is only built when `description` is asked for.
public enum LiquidationPriceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside the domain the formulas hold on; `name` is the `LiquidationPriceInput` (or
    /// `MaintenanceMarginBracket`) property and `requirement` what it must be.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// A parameter was set that the chosen mode has no place for; `hint` says where it belongs.
    case parameterNotUsed(name: String, mode: LiquidationPriceMode, hint: String)
    /// The mode needs a parameter that was not given (cross mode without an available balance).
    case missingParameter(name: String, mode: LiquidationPriceMode)
    /// A bracket table is unusable: bracket `index` (0-based) breaks `problem`.
    case invalidBracketTable(index: Int, problem: String)
    /// The Binance form's denominator `Q·mmr − s·Q` is zero. With `Q > 0` and `mmr < 1` this only happens when the
    /// product underflows (a subnormal quantity with a rate one ulp below 1), but dividing by it would give ±∞.
    case zeroDenominator(side: PositionSide, quantityBase: Double, maintenanceMarginRate: Double)
    /// The formula gives a price ≤ 0: the margin covers the loss all the way down, so the position has no
    /// liquidation price. Only longs get here; a short's price ≤ 0 is reported as `liquidatedAtEntry`.
    case noLiquidationPrice(side: PositionSide, formulaPrice: Double)
    /// The liquidation price lies on the wrong side of entry (above it for a long, below for a short): the margin
    /// is already below maintenance at entry, e.g. leverage above `1/mmr` or funding that ate the margin.
    case liquidatedAtEntry(side: PositionSide, liquidationPrice: Double, entryPrice: Double)
    /// Intermediate products overflowed `Double` (prices or sizes near 1e308), so the price is ±∞ or NaN.
    case nonFiniteResult(side: PositionSide)

    /// One line that names the offending parameter or condition, for the CLI to print as is.
    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let requirement):
            "invalid \(name): must be \(requirement), got \(value)"
        case .parameterNotUsed(let name, let mode, let hint):
            "\(name) is not used in \(mode.rawValue) mode: \(hint)"
        case .missingParameter(let name, let mode):
            "\(mode.rawValue) mode needs \(name)"
        case .invalidBracketTable(let index, let problem):
            "invalid maintenance bracket table: bracket \(index) \(problem)"
        case .zeroDenominator(let side, let quantity, let rate):
            "binance form has a zero denominator (quantityBase × maintenanceMarginRate − s × quantityBase) for a "
                + "\(side.rawValue) of quantityBase \(quantity) at maintenanceMarginRate \(rate)"
        case .noLiquidationPrice(let side, let price):
            "no liquidation price: the position cannot be liquidated, its margin covers the whole loss down to a "
                + "price of 0 (the formula gives \(price) for this \(side.rawValue))"
        case .liquidatedAtEntry(let side, let price, let entry):
            "the \(side.rawValue) is already below maintenance margin at entry: its liquidation price \(price) is "
                + (side == .long ? "above" : "below") + " the entry price \(entry) (leverage too high for the "
                + "maintenance rate, or funding paid exceeds the margin)"
        case .nonFiniteResult(let side):
            "the \(side.rawValue) position's numbers overflow: the liquidation price is not finite"
        }
    }
}
