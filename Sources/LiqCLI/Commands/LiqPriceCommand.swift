import LiqAnalytics
import LiqCore
import LiqEmit

/// `liqpipe liqprice …`: the liquidation-price calculator of DOMAIN.md §3 on the command line.
enum LiqPriceCommand {
    /// Calculator parameter names → the flags that set them, so errors speak the user's language.
    static let flagNames = [
        "entryPrice": "--entry", "quantityBase": "--quantity", "leverage": "--leverage",
        "maintenanceMarginRate": "--mmr", "maintenanceAmountUSD": "--maint-amount", "extraMarginUSD": "--extra-margin",
        "fundingPaidUSD": "--funding-paid", "walletBalanceUSD": "--wallet-balance",
        "availableBalanceUSD": "--available",
    ]

    static func execute(_ arguments: [String], console: Console) throws(UsageError) -> ExitCode {
        let command = "liqprice"
        let parsed = try ParsedArguments(
            arguments, command: command,
            valued: [
                "side", "entry", "quantity", "leverage", "mmr", "maint-amount", "extra-margin", "funding-paid", "mode",
                "wallet-balance", "available",
            ],
            flags: ["json"], maxPositionals: 0)
        guard let sideText = parsed.values["side"] else {
            throw UsageError("missing required option '--side'", command: command)
        }
        guard let side = PositionSide(rawValue: sideText) else {
            throw UsageError("option '--side': expected long or short, got '\(sideText)'", command: command)
        }
        let modeText = parsed.values["mode"] ?? "isolated"
        guard let mode = LiquidationPriceMode(rawValue: modeText) else {
            throw UsageError(
                "option '--mode': expected isolated, binance or cross, got '\(modeText)'", command: command)
        }
        let input = LiquidationPriceInput(
            side: side, entryPrice: try parsed.requiredDecimal("entry", command: command),
            quantityBase: try parsed.requiredDecimal("quantity", command: command),
            leverage: try parsed.requiredDecimal("leverage", command: command),
            maintenanceMarginRate: try parsed.requiredDecimal("mmr", command: command),
            maintenanceAmountUSD: try parsed.decimal("maint-amount", command: command) ?? 0,
            extraMarginUSD: try parsed.decimal("extra-margin", command: command) ?? 0,
            fundingPaidUSD: try parsed.decimal("funding-paid", command: command) ?? 0,
            walletBalanceUSD: try parsed.decimal("wallet-balance", command: command),
            availableBalanceUSD: try parsed.decimal("available", command: command), mode: mode)
        let result: LiquidationPriceResult
        do {
            result = try LiquidationPriceCalculator().compute(input)
        } catch {
            var message = error.description
            for (name, flag) in flagNames { message = message.replacing(name, with: flag) }
            throw UsageError(message, command: command)
        }
        console.out(parsed.flags.contains("json") ? json(result) : text(result))
        return .success
    }

    static func json(_ result: LiquidationPriceResult) -> String {
        let object: JSONValue = .object([
            JSONMember(key: "liquidationPrice", value: .number(NumberFormat.computed(result.liquidationPrice))),
            JSONMember(key: "bankruptcyPrice", value: .number(NumberFormat.computed(result.bankruptcyPrice))),
            JSONMember(key: "mode", value: .string(result.mode.rawValue)),
            JSONMember(key: "side", value: .string(result.side.rawValue)),
        ])
        return String(decoding: JSONWriter.encode(object, pretty: false), as: UTF8.self)
    }

    static func text(_ result: LiquidationPriceResult) -> String {
        """
        \(result.mode.rawValue) \(result.side.rawValue)
          liquidation price  \(NumberFormat.computed(result.liquidationPrice))
          bankruptcy price   \(NumberFormat.computed(result.bankruptcyPrice))
          initial margin     \(NumberFormat.plain(result.initialMarginUSD, fractionDigits: 2)) USD
          maintenance margin \(NumberFormat.plain(result.maintenanceMarginUSD, fractionDigits: 2)) USD \
        (rate \(NumberFormat.plain(result.maintenanceMarginRate)), amount \(NumberFormat.plain(result.maintenanceAmountUSD)) USD)

        """
    }
}
