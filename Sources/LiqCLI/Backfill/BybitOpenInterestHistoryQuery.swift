import LiqCore
import LiqFetch

/// Bybit `open-interest` history for one day: `intervalTime` from the spec's `openInterestPeriod` (`5m` →
/// `5min`), `startTime` = the day's first ms and `endTime` = its last (both inclusive), `limit` 200, newest first;
/// a full page continues with Bybit's `nextPageCursor` as `cursor` (the adapter's paging, as `run` follows it),
/// the window kept, until a page reaches the day's first row (288 rows a day at 5 minutes: two pages). The
/// `category` (linear, inverse) comes from the venue's instruments. Bybit keeps a row count, not a date range:
/// back to listing per its docs, so an older day answers empty rather than missing.
struct BybitOpenInterestHistoryQuery: RestHistoryQuery {
    /// The spec's `openInterestPeriod` (`5m` … `1d`).
    let period: String
    let dataset = RestHistoryDataset.openInterestHistory
    /// Rows per page (Bybit's most).
    let pageLimit = BybitEndpoints.historyPageLimit

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) throws
        -> RestHistoryStep
    {
        let intervalTime = try BybitEndpoints.openInterestIntervalTime(for: period)
        let instrument = try reference.instrument(symbol)
        return .fetch(
            BybitEndpoints.openInterest(
                category: BybitCategory(of: instrument), symbol: symbol, intervalTime: intervalTime, limit: pageLimit,
                window: window.lowerBound...(window.upperBound - 1)))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) throws -> VenueRequest? {
        guard let oldest = page.oldestMs, oldest > window.lowerBound else { return nil }
        return try page.venueNextPage()
    }
}
