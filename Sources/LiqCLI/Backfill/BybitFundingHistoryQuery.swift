import LiqCore
import LiqFetch

/// Bybit `funding/history` for one day: `startTime` = the day's first ms and `endTime` = its last (both
/// inclusive; Bybit refuses a `startTime` alone but takes both), `limit` 200, newest first; a full page continues
/// backwards with `endTime` = its oldest settlement − 1 ms (the adapter's paging, as `run` follows it) until that
/// reaches before the day (24 settlements a day at most, hourly, so paging only guards). The `category` (linear,
/// inverse) comes from the venue's instruments. Bybit keeps funding since each contract's listing.
struct BybitFundingHistoryQuery: RestHistoryQuery {
    let dataset = RestHistoryDataset.fundingHistory
    /// Rows per page (Bybit's most).
    let pageLimit = BybitEndpoints.historyPageLimit

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) throws
        -> RestHistoryStep
    {
        let instrument = try reference.instrument(symbol)
        guard instrument.kind == .perpetual else {
            return .missing(reason: "\(symbol) is a dated Bybit future and pays no funding")
        }
        return .fetch(
            BybitEndpoints.fundingHistory(
                category: BybitCategory(of: instrument), symbol: symbol, limit: pageLimit,
                window: window.lowerBound...(window.upperBound - 1)))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) throws -> VenueRequest? {
        guard let next = try page.venueNextPage(),
            let endTime = next.queryValue("endTime").flatMap({ Int64($0) }), endTime >= window.lowerBound
        else { return nil }
        return next
    }
}
