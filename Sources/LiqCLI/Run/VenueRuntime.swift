import LiqCore
import LiqFetch
import LiqNormalise

/// Everything a run needs about one venue of the spec: its adapter, how to reach it, and — after the reference
/// phase — its reference data and the normaliser built from it.
struct VenueRuntime: Sendable {
    var spec: VenueSpec
    var adapter: any VenueAdapter
    var reference = ReferenceData()
    /// Sources that failed before the pipeline started (reference data, planning), charged to their feeds.
    var failures: [SourceFailure] = []
    /// Pacing, ban and request budget shared by every worker fetching from this venue (a class: copies of the
    /// runtime share it). Fixture directories are unpaced.
    let fetchState: VenueFetchState

    init(spec: VenueSpec) {
        self.spec = spec
        let selection = VenueSelection(
            symbols: spec.symbols, feeds: spec.feeds, openInterestPeriod: spec.openInterestPeriod,
            priceBarInterval: spec.priceBarInterval, maxPages: spec.maxPages)
        let fixtureTime = spec.fixtureTimeMs
        let adapter = VenueCatalog.adapter(
            for: spec.venue, selection: selection, nowMs: { fixtureTime ?? WallClock.nowMs() })
        self.adapter = adapter
        let policy: RateLimitPolicy?
        switch spec.source {
        case .network: policy = adapter.rateLimitPolicy
        case .fixtures: policy = nil
        }
        fetchState = VenueFetchState(venue: spec.venue, policy: policy, maxRequests: spec.requestBudget)
    }

    var normaliser: Normaliser {
        Normaliser(
            registry: InstrumentRegistry(reference.instruments), fundingIntervalHours: reference.fundingIntervalHours,
            markPrices: reference.markPrices)
    }

    /// The base URL requests are built under: the venue's (or its override) or the fixture pseudo-URL.
    var baseURL: String {
        switch spec.source {
        case .network(let baseURL): baseURL
        case .fixtures: FixtureDirectoryTransport.baseURL
        }
    }

    /// A fetcher for one worker thread: paced, retrying, and never shared between threads (it owns a curl
    /// handle, which is not thread-safe). `client` is the worker's own, kept across its requests so connections
    /// are reused; without it a new one is made.
    func makeFetcher(retry: RetryPolicy, client: CurlHTTPClient? = nil) -> ResilientFetcher {
        let transport: any HTTPFetching
        switch spec.source {
        case .network: transport = client ?? CurlHTTPClient(userAgent: "liqpipe/\(Usage.version)")
        case .fixtures(let directory): transport = FixtureDirectoryTransport(rootDirectory: directory)
        }
        return ResilientFetcher(transport: transport, venueState: fetchState, retryPolicy: retry)
    }

    /// A failure of `request` (or of planning, when nil), charged to the feeds it serves: its own feed, or every
    /// selected feed for reference data such as instruments.
    func failures(of request: VenueRequest?, origin: String, error: any Error) -> [SourceFailure] {
        let feeds = request?.feed.map { [$0] } ?? spec.feeds.sorted()
        return feeds.filter(spec.feeds.contains).map {
            SourceFailure(venue: spec.venue, feed: $0, origin: origin, message: "\(error)")
        }
    }

    mutating func fail(_ request: VenueRequest?, origin: String, error: any Error) {
        failures += failures(of: request, origin: origin, error: error)
    }
}
