import LiqCore
import LiqFetch

/// BitMEX `funding` for one day: `startTime` = the day's first ms and `endTime` = its last (inclusive, ISO 8601),
/// `count` 500, oldest first; a full page continues at offset `start` + 500 inside the same window (three
/// settlements a day at 8 hours, so paging only guards). BitMEX keeps funding since each contract's launch.
struct BitMEXFundingHistoryQuery: RestHistoryQuery {
    let dataset = RestHistoryDataset.fundingHistory
    /// Rows per page (the venue's most): a page holding fewer was the last of the window.
    let pageLimit = 500

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) -> RestHistoryStep {
        .fetch(request(symbol: symbol, start: 0, window: window))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) -> VenueRequest? {
        guard page.records.count >= pageLimit, let start = page.request.queryValue("start").flatMap({ Int($0) }) else {
            return nil
        }
        return self.request(symbol: symbol, start: start + pageLimit, window: window)
    }

    private func request(symbol: String, start: Int, window: Range<Int64>) -> VenueRequest {
        BitMEXEndpoints.fundingHistory(
            symbol: symbol, count: pageLimit, start: start, window: window.lowerBound...(window.upperBound - 1))
    }
}
