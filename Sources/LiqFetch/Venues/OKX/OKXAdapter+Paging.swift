public import LiqCore

extension OKXAdapter {
    /// Older pages with OKX's `after` cursor ("records earlier than the requested ts", exclusive); a page shorter
    /// than its `limit` was the oldest.
    /// - `liquidation-orders`: liquidations of one cascade share milliseconds, so a page may end in the middle of
    ///   one; the next page starts at the oldest millisecond again (`after` = oldest + 1) and the events seen
    ///   twice are dropped by their event id. A page that would not move the cursor back stops the paging.
    /// - `funding-rate-history`: `after` = the oldest settlement (one row per settlement time).
    /// - candles: the first page is `candles` (the freshest, latest 1,440 bars); older pages are
    ///   `history-candles` with `after` = the oldest bar's open time.
    public func nextPage(after request: VenueRequest, document: JSONNode, records: [VenueRecord]) throws
        -> VenueRequest?
    {
        guard let limit = request.queryValue("limit").flatMap({ Int($0) }) else { return nil }
        switch request.path {
        case OKXEndpoints.liquidationOrders(instType: "", underlying: "", limit: 0).path:
            let times = try OKXLiquidationDecoder.detailTimes(document)
            guard times.count >= limit, let oldest = times.min(), let instType = request.queryValue("instType"),
                let underlying = request.queryValue("uly")
            else { return nil }
            let cursor = oldest + 1
            if let previous = request.queryValue("after").flatMap({ Int64($0) }), cursor >= previous { return nil }
            return OKXEndpoints.liquidationOrders(
                instType: instType, underlying: underlying, limit: limit, after: cursor)
        case OKXEndpoints.fundingRateHistory(instID: "", limit: 0).path:
            let times = try OKXFundingDecoder.settlementTimes(document)
            guard times.count >= limit, let oldest = times.min(), let instID = request.queryValue("instId") else {
                return nil
            }
            return OKXEndpoints.fundingRateHistory(instID: instID, limit: limit, after: oldest)
        case OKXEndpoints.candles(instID: "", bar: "", limit: 0).path,
            OKXEndpoints.historyCandles(instID: "", bar: "", after: 0, limit: 0).path:
            let times = try OKXCandleDecoder.openTimes(document)
            guard times.count >= limit, let oldest = times.min(), let instID = request.queryValue("instId"),
                let bar = request.queryValue("bar")
            else { return nil }
            return OKXEndpoints.historyCandles(instID: instID, bar: bar, after: oldest, limit: historyCandleLimit)
        default:
            return nil
        }
    }
}
