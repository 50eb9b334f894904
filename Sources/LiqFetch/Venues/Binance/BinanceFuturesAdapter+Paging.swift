public import LiqCore

extension BinanceFuturesAdapter {
    /// The shortest funding interval Binance uses (`fundingIntervalHours` 1), in ms.
    static let shortestFundingIntervalMs: Int64 = 3_600_000

    /// Older pages, walking back from the newest:
    /// - `klines`: `endTime` = oldest open time − 1, so the next page ends just before this one (both venues
    ///   document "the most recent `limit` up to `endTime`"); a page shorter than `limit` was the oldest.
    /// - `fundingRate`: Binance returns at most `limit` rows counted *from `startTime`* and never documents what
    ///   `endTime` alone returns, so each older page is a closed window `[oldest − (limit − 1) h, oldest − 1]`: at
    ///   one settlement per hour at most (settlement times jitter by milliseconds, not seconds) it holds at most
    ///   `limit` rows, so none is cut off. A first page shorter than `limit` is the whole history; an empty
    ///   window is the start of it.
    /// - Open interest history is not paged: it keeps only 30 days, and a window reaching past them is refused
    ///   (`-1130`), which would turn a complete run into a partial one; 500 rows cover 41 hours at 5 minutes.
    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        guard let symbol = request.queryValue("symbol"), let limit = request.queryValue("limit").flatMap({ Int($0) })
        else { return nil }
        switch request.path {
        case BinanceEndpoints.klines(venue, symbol: "", interval: "", limit: 0).path:
            let openTimes = try BinanceKlineDecoder.openTimes(document)
            guard openTimes.count >= limit, let oldest = openTimes.min(), let interval = request.queryValue("interval")
            else { return nil }
            return BinanceEndpoints.klines(venue, symbol: symbol, interval: interval, limit: limit, endTime: oldest - 1)
        case BinanceEndpoints.fundingRateHistory(venue, symbol: "", limit: 0).path:
            let settlements = try BinanceFundingDecoder.fundingTimes(document)
            guard let oldest = settlements.min() else { return nil }
            if request.queryValue("endTime") == nil && settlements.count < limit { return nil }
            let start = oldest - Int64(limit - 1) * Self.shortestFundingIntervalMs
            return BinanceEndpoints.fundingRateHistory(
                venue, symbol: symbol, limit: limit, window: start...(oldest - 1))
        default:
            return nil
        }
    }
}
