import LiqCore
import LiqFetch

/// Binance USDⓈ-M / COIN-M `openInterestHist` for one day: `startTime` = the day's first ms and `endTime` = its
/// last (both inclusive), `limit` 500, rows oldest first counted from `startTime`; a full page continues from its
/// newest row + 1 ms (500 rows cover the whole day at 5 minutes, 288 rows, so paging only guards). Binance keeps
/// 30 days: an older day is missing without a request, since the venue would refuse the window (`-1130`).
struct BinanceOpenInterestHistoryQuery: RestHistoryQuery {
    let venue: Venue
    /// The spec's `openInterestPeriod` (`5m` … `1d`).
    let period: String
    let dataset = RestHistoryDataset.openInterestHistory
    /// Rows per page (the venue's most): a page holding fewer was the last of the window.
    let pageLimit = 500

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) -> RestHistoryStep {
        let oldestKept = nowMs - BinanceEndpoints.openInterestHistoryRetentionMs
        guard window.lowerBound >= oldestKept else {
            return .missing(
                reason: "\(venue.rawValue) keeps open interest history for 30 days only (since "
                    + "\(UTCDate(timestampMs: oldestKept)) now); the archive's metrics dataset covers older days")
        }
        return request(symbol: symbol, window: window.lowerBound...(window.upperBound - 1)).map(RestHistoryStep.fetch)
            ?? .missing(reason: "\(venue.rawValue) keeps no per-symbol open interest history for dated \(symbol)")
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) -> VenueRequest? {
        guard page.records.count >= pageLimit, let newest = page.newestMs, newest + 1 < window.upperBound else {
            return nil
        }
        return self.request(symbol: symbol, window: (newest + 1)...(window.upperBound - 1))
    }

    private func request(symbol: String, window: ClosedRange<Int64>) -> VenueRequest? {
        BinanceEndpoints.openInterestHistory(venue, symbol: symbol, period: period, limit: pageLimit, window: window)
    }
}
