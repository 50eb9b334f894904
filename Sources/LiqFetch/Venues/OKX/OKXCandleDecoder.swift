public import LiqCore

/// Decodes `/api/v5/market/candles` and `/history-candles` rows, newest first:
/// `[ts, o, h, l, c, vol, volCcy, volCcyQuote, confirm]`. Rows carry no instrument: the request names it.
///
/// For derivatives `vol` counts contracts and `volCcy` is "the number of base currency" (OKX v5 docs, for linear
/// and inverse alike), so `volCcy` is kept: OKX summed it trade by trade. Candles have no taker-buy split.
/// `confirm` "0" marks the bar still forming (the newest one): it is skipped, because a later run would fetch
/// the finished bar for the same bucket and the first one seen is the one kept.
public enum OKXCandleDecoder {
    public static func decode(_ document: JSONNode, symbol: String, intervalMs: Int64) throws -> [VenuePriceBar] {
        var bars: [VenuePriceBar] = []
        for row in try OKXEnvelope.rows(document) {
            let confirm = try row.element(8)
            switch try confirm.string() {
            case "1": break
            case "0": continue
            default: throw confirm.error(expected: "\"0\" (forming) or \"1\" (complete)")
            }
            bars.append(
                VenuePriceBar(
                    venue: .okx, symbol: symbol, bucketStartMs: try row.element(0).timestampMs(),
                    intervalMs: intervalMs,
                    open: try row.element(1).decimal(), high: try row.element(2).decimal(),
                    low: try row.element(3).decimal(), close: try row.element(4).decimal(),
                    volume: try row.element(6).decimal(), volumeUnit: .base, takerBuyVolume: nil))
        }
        return bars
    }

    /// The open times of a page, forming bar included: the paging cursor.
    static func openTimes(_ document: JSONNode) throws -> [Int64] {
        try OKXEnvelope.rows(document).map { (row) throws -> Int64 in try row.element(0).timestampMs() }
    }
}
