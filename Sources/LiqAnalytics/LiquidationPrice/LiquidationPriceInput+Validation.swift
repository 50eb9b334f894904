extension LiquidationPriceInput {
    /// Checks every parameter before any arithmetic, so a bad number is reported by name instead of surfacing as a
    /// nonsensical price, and a parameter the mode would ignore is reported instead of silently dropped.
    func validate() throws(LiquidationPriceError) {
        try Self.requirePositive(entryPrice, name: "entryPrice")
        try Self.requirePositive(quantityBase, name: "quantityBase")
        try Self.requirePositive(leverage, name: "leverage")
        try Self.requireRate(maintenanceMarginRate, name: "maintenanceMarginRate")
        try Self.requireNonNegative(maintenanceAmountUSD, name: "maintenanceAmountUSD")
        try Self.requireNonNegative(extraMarginUSD, name: "extraMarginUSD")
        try Self.requireFinite(fundingPaidUSD, name: "fundingPaidUSD")

        let otherPositionsHint = "only binance mode accounts for the account's other positions"
        switch mode {
        case .isolated:
            try Self.requireUnused(
                walletBalanceUSD == nil, name: "walletBalanceUSD", mode: mode,
                hint: "isolated mode takes the margin from leverage; use binance mode to give a wallet balance")
            try Self.requireUnused(
                availableBalanceUSD == nil, name: "availableBalanceUSD", mode: mode,
                hint: "only cross mode draws on the available balance")
            try Self.requireUnused(
                otherPositionsMaintenanceMarginUSD == 0, name: "otherPositionsMaintenanceMarginUSD", mode: mode,
                hint: otherPositionsHint)
            try Self.requireUnused(
                otherPositionsUnrealizedPnLUSD == 0, name: "otherPositionsUnrealizedPnLUSD", mode: mode,
                hint: otherPositionsHint)
        case .binance:
            if let walletBalanceUSD {
                try Self.requireFinite(walletBalanceUSD, name: "walletBalanceUSD")
            }
            try Self.requireNonNegative(
                otherPositionsMaintenanceMarginUSD, name: "otherPositionsMaintenanceMarginUSD")
            try Self.requireFinite(otherPositionsUnrealizedPnLUSD, name: "otherPositionsUnrealizedPnLUSD")
            try Self.requireUnused(
                availableBalanceUSD == nil, name: "availableBalanceUSD", mode: mode,
                hint: "binance mode takes the account's funds as walletBalanceUSD")
        case .cross:
            guard let availableBalanceUSD else {
                throw .missingParameter(name: "availableBalanceUSD", mode: mode)
            }
            try Self.requireFinite(availableBalanceUSD, name: "availableBalanceUSD")
            try Self.requireUnused(
                extraMarginUSD == 0, name: "extraMarginUSD", mode: mode,
                hint: "extra margin is meaningless in cross mode, where every position already draws on the whole "
                    + "balance; add it to availableBalanceUSD")
            try Self.requireUnused(
                walletBalanceUSD == nil, name: "walletBalanceUSD", mode: mode,
                hint: "cross mode takes the account's funds as availableBalanceUSD")
            try Self.requireUnused(
                otherPositionsMaintenanceMarginUSD == 0, name: "otherPositionsMaintenanceMarginUSD", mode: mode,
                hint: otherPositionsHint)
            try Self.requireUnused(
                otherPositionsUnrealizedPnLUSD == 0, name: "otherPositionsUnrealizedPnLUSD", mode: mode,
                hint: otherPositionsHint)
        }
    }

    static func requirePositive(_ value: Double, name: String) throws(LiquidationPriceError) {
        guard value.isFinite, value > 0 else {
            throw .invalidParameter(name: name, value: value, requirement: "a finite number > 0")
        }
    }

    static func requireNonNegative(_ value: Double, name: String) throws(LiquidationPriceError) {
        guard value.isFinite, value >= 0 else {
            throw .invalidParameter(name: name, value: value, requirement: "a finite number ≥ 0")
        }
    }

    static func requireFinite(_ value: Double, name: String) throws(LiquidationPriceError) {
        guard value.isFinite else {
            throw .invalidParameter(name: name, value: value, requirement: "a finite number")
        }
    }

    /// A rate of 1 or more would make the Binance denominator `Q·(mmr − 1)` zero or flip its sign.
    static func requireRate(_ value: Double, name: String) throws(LiquidationPriceError) {
        guard value >= 0, value < 1 else {
            throw .invalidParameter(name: name, value: value, requirement: "a fraction in [0, 1)")
        }
    }

    private static func requireUnused(
        _ isUnused: Bool, name: String, mode: LiquidationPriceMode, hint: String
    ) throws(LiquidationPriceError) {
        guard isUnused else {
            throw .parameterNotUsed(name: name, mode: mode, hint: hint)
        }
    }
}
