import LiqCore
import LiqFetch

/// How one venue's history endpoint covers one UTC day of one symbol: the first request bounded to the window, and
/// the next page inside it. Requests come from the venue's `…Endpoints` builders, and their answers are decoded by
/// the venue's adapter (`decodeFeed`), so backfilled records are exactly the ones `run` decodes.
protocol RestHistoryQuery: Sendable {
    var dataset: RestHistoryDataset { get }
    /// Rows the venue returns at most per page: a page holding fewer was the last of the window.
    var pageLimit: Int { get }

    /// The first request for `symbol` over `window` (epoch ms, end exclusive), or why the day is missing; `nowMs`
    /// places retention limits.
    func first(symbol: String, window: Range<Int64>, nowMs: Int64) -> RestHistoryStep

    /// The request for the rest of the window after `request` answered records at `times`, or nil when the window
    /// is covered. Only called for a full page (`times.count >= pageLimit`).
    func next(after request: VenueRequest, symbol: String, window: Range<Int64>, times: [Int64]) -> VenueRequest?
}

extension VenueRecord {
    /// When the record happened (a bar: when it opened), UTC epoch ms: the paging cursor.
    var timestampMs: Int64 {
        switch self {
        case .liquidation(let value): value.timestampMs
        case .openInterest(let value): value.timestampMs
        case .funding(let value): value.timestampMs
        case .markPrice(let value): value.timestampMs
        case .priceBar(let value): value.bucketStartMs
        }
    }
}
