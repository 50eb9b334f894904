import LiqCore
import LiqFetch

/// OKX `funding-rate-history` for one day: `after` = the first ms of the next day and `before` = the last ms of the
/// previous one (OKX's cursors are exclusive: rows strictly between them), `limit` 100, newest first; a full page
/// continues with `after` = its oldest settlement. OKX serves funding history back about three months; an older
/// day is an empty answer and is stored as an empty day (OKX does not say it is beyond retention).
struct OKXFundingHistoryQuery: RestHistoryQuery {
    let dataset = RestHistoryDataset.fundingHistory
    /// Rows per page (the venue's most): a page holding fewer was the last of the window.
    let pageLimit = 100

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) -> RestHistoryStep {
        guard symbol.hasSuffix("-SWAP") else {
            return .missing(reason: "\(symbol) is a dated OKX future and pays no funding")
        }
        return .fetch(request(symbol: symbol, after: window.upperBound, window: window))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) -> VenueRequest? {
        guard page.records.count >= pageLimit, let oldest = page.oldestMs, oldest > window.lowerBound else {
            return nil
        }
        return self.request(symbol: symbol, after: oldest, window: window)
    }

    private func request(symbol: String, after: Int64, window: Range<Int64>) -> VenueRequest {
        OKXEndpoints.fundingRateHistory(instID: symbol, limit: pageLimit, after: after, before: window.lowerBound - 1)
    }
}
