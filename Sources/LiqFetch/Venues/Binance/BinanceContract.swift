/// What a Binance futures symbol says about its contract, by Binance's naming: perpetuals are `BTCUSDT`
/// (USDⓈ-M) or `<pair>_PERP` (COIN-M, `BTCUSD_PERP`); dated contracts end in their delivery date, `_YYMMDD`, on
/// both venues (`BTCUSDT_251226`, `BTCUSD_251226`).
///
/// Requests are planned from the spec's symbols before or without instrument metadata (quarterlies pay no
/// funding; COIN-M history is keyed by pair), so the naming is what they can go by.
enum BinanceContract {
    static let perpetualSuffix = "_PERP"

    /// Whether `symbol` is a dated (delivery) contract.
    static func isDated(_ symbol: String) -> Bool {
        guard let separator = symbol.lastIndex(of: "_") else { return false }
        let date = symbol[symbol.index(after: separator)...]
        return date.count == 6 && date.allSatisfy(\.isASCIIDigit)
    }

    /// The pair of a COIN-M perpetual (`BTCUSD_PERP` → `BTCUSD`), nil for any other symbol.
    static func coinMarginedPerpetualPair(_ symbol: String) -> String? {
        symbol.hasSuffix(perpetualSuffix) ? String(symbol.dropLast(perpetualSuffix.count)) : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
