import LiqCore
import LiqFetch

/// How one venue's history endpoint covers one UTC day of one symbol: the first request bounded to the window, and
/// the next page inside it. Requests come from the venue's `…Endpoints` builders, and their answers are decoded by
/// the venue's adapter (`decodeFeed`), so backfilled records are exactly the ones `run` decodes.
protocol RestHistoryQuery: Sendable {
    var dataset: RestHistoryDataset { get }

    /// The first request for `symbol` over `window` (epoch ms, end exclusive), or why the day is missing; `nowMs`
    /// places retention limits. A query that needs the symbol's instrument (a request parameter only the venue's
    /// metadata tells) asks `reference`, which loads it on first use; one that does not leaves it untouched.
    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) throws
        -> RestHistoryStep

    /// The request for the rest of the window after `page`, or nil when the window is covered (the page was the
    /// last one of the window: short, or reaching back past the window's start).
    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) throws -> VenueRequest?
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
