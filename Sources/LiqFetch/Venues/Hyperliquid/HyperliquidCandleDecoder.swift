public import LiqCore

/// Decodes candles, the same object from `candleSnapshot` (an array, oldest first) and the `candle` stream:
/// `{t, T, s, i, o, c, h, l, v, n}` with `t` the open time, `s` the coin, `i` the interval, prices as strings and
/// `v` the volume in coin units. No taker-buy volume is given. A `null` answer is no candles.
public enum HyperliquidCandleDecoder {
    public static func decode(_ document: JSONNode) throws(JSONError) -> [VenuePriceBar] {
        guard document.value != .null else { return [] }
        return try document.elements().map(decodeCandle)
    }

    public static func decodeCandle(_ candle: JSONNode) throws(JSONError) -> VenuePriceBar {
        let intervalNode = try candle.member("i")
        let name = try intervalNode.string()
        guard let interval = HyperliquidEndpoints.candleIntervals.first(where: { $0.name == name }) else {
            throw intervalNode.error(
                expected:
                    "a candle interval (\(HyperliquidEndpoints.candleIntervals.map(\.name).joined(separator: ", ")))")
        }
        return VenuePriceBar(
            venue: .hyperliquid, symbol: try candle.member("s").string(),
            bucketStartMs: try candle.member("t").timestampMs(), intervalMs: interval.milliseconds,
            open: try candle.member("o").decimal(), high: try candle.member("h").decimal(),
            low: try candle.member("l").decimal(), close: try candle.member("c").decimal(),
            volume: try candle.member("v").decimal(), volumeUnit: .base, takerBuyVolume: nil)
    }
}
