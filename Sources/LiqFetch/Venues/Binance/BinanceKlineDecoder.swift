public import LiqCore

/// Decodes `klines` (and `markPriceKlines`, whose volume columns are zero): arrays of 12 columns
/// `[openTime, open, high, low, close, volume, closeTime, quoteOrBaseVolume, trades, takerBuyVolume,
/// takerBuyQuoteOrBaseVolume, ignore]`, ascending by open time. Rows carry no symbol: the request names it.
///
/// The volume columns mean different things per venue (developers.binance.com "Kline/Candlestick Data"):
/// USDⓈ-M column 5 is base units and 9 the taker-buy base volume (7 and 10 are quote); COIN-M column 5 counts
/// contracts and 7 is the base-asset volume, 9 taker-buy contracts and 10 the taker-buy base volume
/// (binance-public-data #267; the recorded `BTCUSD_PERP` 1h bar of 409,953 contracts has 1,202.97 BTC at about
/// 34,000 USD, 409,953 × 100 / 34,000 ≈ 1,206). So both venues are read in base units, which Binance summed
/// trade by trade, rather than converting contracts at a price the bar does not carry.
public enum BinanceKlineDecoder {
    public static func decode(_ document: JSONNode, venue: Venue, symbol: String) throws(JSONError) -> [VenuePriceBar] {
        let volumeColumn = venue == .binanceCOINM ? 7 : 5
        let takerBuyColumn = venue == .binanceCOINM ? 10 : 9
        return try document.elements().map { (row) throws(JSONError) in
            let openTime = try row.element(0).timestampMs()
            let closeNode = try row.element(6)
            let closeTime = try closeNode.timestampMs()
            // The close time is the last millisecond of the bar: the bar lasts closeTime + 1 − openTime.
            guard closeTime >= openTime else { throw closeNode.error(expected: "a close time after the open time") }
            return VenuePriceBar(
                venue: venue, symbol: symbol, bucketStartMs: openTime, intervalMs: closeTime + 1 - openTime,
                open: try row.element(1).decimal(), high: try row.element(2).decimal(),
                low: try row.element(3).decimal(), close: try row.element(4).decimal(),
                volume: try row.element(volumeColumn).decimal(), volumeUnit: .base,
                takerBuyVolume: try row.element(takerBuyColumn).decimal())
        }
    }

    /// The open times of a page, oldest first as Binance sends them: the paging cursor.
    static func openTimes(_ document: JSONNode) throws(JSONError) -> [Int64] {
        try document.elements().map { (row) throws(JSONError) in try row.element(0).timestampMs() }
    }
}
