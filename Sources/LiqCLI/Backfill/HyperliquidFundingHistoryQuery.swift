import LiqCore
import LiqFetch

/// Hyperliquid `fundingHistory` (POST `/info`) for one day: `startTime` = the day's first ms and `endTime` = its
/// last (inclusive), at most 500 rows oldest first; a full page continues from its newest row + 1 ms (24 hourly
/// settlements a day, so paging only guards). Hyperliquid keeps funding since each coin's listing.
struct HyperliquidFundingHistoryQuery: RestHistoryQuery {
    let dataset = RestHistoryDataset.fundingHistory
    /// Rows per page (the venue's most): a page holding fewer was the last of the window.
    let pageLimit = HyperliquidEndpoints.fundingPageRows

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) -> RestHistoryStep {
        .fetch(
            HyperliquidEndpoints.fundingHistory(
                coin: symbol, startTime: window.lowerBound, endTime: window.upperBound - 1))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) -> VenueRequest? {
        guard page.records.count >= pageLimit, let newest = page.newestMs, newest + 1 < window.upperBound else {
            return nil
        }
        return HyperliquidEndpoints.fundingHistory(coin: symbol, startTime: newest + 1, endTime: window.upperBound - 1)
    }
}
