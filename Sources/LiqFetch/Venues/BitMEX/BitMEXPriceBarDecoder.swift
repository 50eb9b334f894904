public import LiqCore

/// Decodes `/api/v1/trade/bucketed` rows into bars.
///
/// BitMEX stamps a bucket with its CLOSE time (the 1-minute bucket 20:00–20:01 is `"20:01:00.000Z"`; ccxt issue
/// #4446), so the bar starts one interval earlier. `volume` counts contracts (USD for XBTUSD). A bucket whose
/// `open` is null had no price to report and yields nothing rather than a zero bar.
public enum BitMEXPriceBarDecoder {
    /// BitMEX `binSize` values and their length in milliseconds.
    public static let binSizes: [String: Int64] = [
        "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000,
    ]

    public static func decode(_ document: JSONNode, intervalMs: Int64) throws -> [VenuePriceBar] {
        var bars: [VenuePriceBar] = []
        for row in try BitMEXEnvelope.rows(document) {
            guard let open = try row.optionalMember("open") else { continue }
            let closeTimeNode = try row.member("timestamp")
            let closeTimeMs = try closeTimeNode.timestampMs()
            guard closeTimeMs % intervalMs == 0 else {
                throw closeTimeNode.error(expected: "a bucket close time on a \(intervalMs) ms boundary")
            }
            bars.append(
                VenuePriceBar(
                    venue: .bitmex, symbol: try row.member("symbol").string(), bucketStartMs: closeTimeMs - intervalMs,
                    intervalMs: intervalMs, open: try open.decimal(), high: try row.member("high").decimal(),
                    low: try row.member("low").decimal(), close: try row.member("close").decimal(),
                    volume: try row.member("volume").decimal(), volumeUnit: .contracts, takerBuyVolume: nil))
        }
        return bars
    }
}
