import LiqCore
import LiqFetch

/// OKX `liquidation-orders` (filled) for one day of one instrument: asked per underlying and instrument type
/// (`uly`, `instType` from the venue's instruments), `after` = the first ms of the next day ("earlier than",
/// exclusive), `limit` 100, newest first; a full page continues with `after` = its oldest detail + 1 ms (the
/// adapter's paging, as `run` follows it: a cascade's details share milliseconds, the repeats are dropped by event
/// id in the store) until the cursor reaches the day's start. Only the item's instrument is kept: the answer holds
/// every instrument of the underlying (the dated futures of one `uly`).
///
/// OKX keeps only the most recent days of liquidation orders (about a week, undocumented) and says nothing when
/// asked for older ones: an old day answers empty and is stored as an empty day, not missing.
struct OKXLiquidationHistoryQuery: RestHistoryQuery {
    let dataset = RestHistoryDataset.liquidationHistory
    /// Liquidation details per page (OKX's most).
    let pageLimit = 100

    func first(symbol: String, window: Range<Int64>, nowMs: Int64, reference: RestHistoryReference) throws
        -> RestHistoryStep
    {
        .fetch(
            OKXEndpoints.liquidationOrders(
                for: try reference.instrument(symbol), limit: pageLimit, after: window.upperBound))
    }

    func next(after page: RestHistoryPage, symbol: String, window: Range<Int64>) throws -> VenueRequest? {
        guard let next = try page.venueNextPage(),
            let after = next.queryValue("after").flatMap({ Int64($0) }), after > window.lowerBound
        else { return nil }
        return next
    }
}
