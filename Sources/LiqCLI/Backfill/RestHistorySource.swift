import LiqCore
import LiqFetch

/// A venue's paginated REST history as a backfill source: one item per symbol and UTC day for one dataset
/// (`RestHistoryQuery`). An item asks for exactly that day's window, follows the venue's cursor page by page
/// inside it, and hands each page's records of the item's symbol over as they are decoded (an endpoint per
/// underlying answers for all its instruments); the store keeps those inside the day (the venue's own filtering is
/// not relied on).
///
/// Every request goes through one `VenueFetchState` per venue (the adapter's `rateLimitPolicy`, the spec's request
/// budget), shared by all workers and all of the venue's sources, so a backfill stays within the venue's limit.
struct RestHistorySource: BackfillSource {
    /// The venue's adapter, base URL and shared pacing state (built once per venue by the registry).
    let runtime: VenueRuntime
    let query: any RestHistoryQuery
    /// The venue's instrument metadata, loaded on a query's first need (shared by the venue's sources).
    let reference: RestHistoryReference
    let http: HTTPSettings
    /// Now, UTC epoch ms, for retention limits: the wall clock, or the spec's fixture time.
    let nowMs: @Sendable () -> Int64
    /// Pages one day may take: far more than any venue needs for a day at its page size, so reaching it means the
    /// cursor is not moving, and the item fails rather than loop or be recorded incomplete.
    static let maxPagesPerDay = 200

    var venue: Venue { runtime.spec.venue }

    func items(symbols: [String], from: UTCDate, to: UTCDate) -> [BackfillItem] {
        let days = BackfillPeriod.days(from: from, to: to)
        return symbols.flatMap { symbol in
            days.map { BackfillItem(venue: venue, dataset: query.dataset.rawValue, symbol: symbol, period: $0) }
        }
    }

    func run(_ item: BackfillItem, worker: BackfillWorkerClient, emit: ([VenueRecord]) throws -> Void) throws
        -> BackfillItemOutcome
    {
        let window = item.period.startMs..<item.period.endMs
        var request: VenueRequest
        do {
            switch try query.first(symbol: item.symbol, window: window, nowMs: nowMs(), reference: reference) {
            case .missing(let reason): return .missing(reason: reason)
            case .fetch(let first): request = first
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw BackfillSourceError(item: item, message: "\(error)")
        }
        let fetcher = runtime.makeFetcher(retry: http.retry, client: worker.client)
        for _ in 0..<Self.maxPagesPerDay {
            let page: RestHistoryPage
            let next: VenueRequest?
            do {
                let response = try IngestRun.get(request, baseURL: runtime.baseURL, fetcher: fetcher, http: http)
                let document = try JSONNode.parse(response.body, origin: response.url)
                page = RestHistoryPage(
                    request: request, document: document,
                    records: try runtime.adapter.decodeFeed(document, for: request),
                    adapter: runtime.adapter)
                next = try query.next(after: page, symbol: item.symbol, window: window)
            } catch let error as CancellationError {
                throw error
            } catch {
                throw BackfillSourceError(item: item, message: "\(error)")
            }
            try emit(page.records.filter { $0.symbol == item.symbol })
            guard let next else { return .done }
            request = next
        }
        throw BackfillSourceError(
            item: item,
            message: "\(Self.maxPagesPerDay) full pages without covering the day; last request "
                + request.url(baseURL: runtime.baseURL))
    }
}
