public import LiqCore

/// Decodes `/v5/market/kline`: rows are arrays of strings `[startTime, open, high, low, close, volume,
/// turnover]`, newest first.
///
/// `volume` is in contracts (base coin for linear, USD for inverse, per the docs: "pieces of contract") and is
/// kept as such for the normaliser; `turnover` is the other currency and is not needed. Bybit reports no
/// taker-buy volume.
public enum BybitKlineDecoder {
    public static func decode(_ document: JSONNode, intervalMs: Int64) throws -> [VenuePriceBar] {
        let result = try BybitEnvelope.result(document)
        let symbol = try result.member("symbol").string()
        return try result.member("list").elements().map { (row) throws -> VenuePriceBar in
            VenuePriceBar(
                venue: .bybit, symbol: symbol, bucketStartMs: try row.element(0).timestampMs(),
                intervalMs: intervalMs, open: try row.element(1).decimal(), high: try row.element(2).decimal(),
                low: try row.element(3).decimal(), close: try row.element(4).decimal(),
                volume: try row.element(5).decimal(), volumeUnit: .contracts, takerBuyVolume: nil)
        }
    }
}
