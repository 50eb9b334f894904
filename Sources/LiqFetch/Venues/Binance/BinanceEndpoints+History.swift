public import LiqCore

extension BinanceEndpoints {
    /// How far back `openInterestHist` answers: "only the data of the latest 30 days is available"; a window
    /// reaching past that is refused (`-1130`).
    public static let openInterestHistoryRetentionMs: Int64 = 30 * 86_400_000

    /// Open interest history of one symbol over one window (`startTime` and `endTime` in ms, both inclusive),
    /// oldest first, at most `limit` (≤ 500) rows counted from `startTime`, for backfill. COIN-M perpetuals are
    /// asked by pair (`BTCUSD_PERP` → `pair=BTCUSD&contractType=PERPETUAL`); nil for COIN-M dated contracts,
    /// whose history Binance keys by quarter rather than symbol.
    public static func openInterestHistory(
        _ venue: Venue, symbol: String, period: String, limit: Int, window: ClosedRange<Int64>
    ) -> VenueRequest? {
        var request: VenueRequest
        if venue == .binanceCOINM {
            guard let pair = BinanceContract.coinMarginedPerpetualPair(symbol) else { return nil }
            request = coinMarginedOpenInterestHistory(
                pair: pair, contractType: "PERPETUAL", period: period, limit: limit)
        } else {
            request = openInterestHistory(venue, symbol: symbol, period: period, limit: limit)
        }
        request.query += [
            .init("startTime", String(window.lowerBound)), .init("endTime", String(window.upperBound)),
        ]
        return request
    }
}
