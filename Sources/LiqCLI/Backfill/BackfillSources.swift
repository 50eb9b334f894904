import LiqCore
import LiqFetch

/// The registry of backfill sources: which history sources a venue of the spec has. A venue without any is
/// reported by `backfill` and left out.
enum BackfillSources {
    /// The sources of `venue`, configured from the spec (symbols are passed per plan, not here): the Binance
    /// public archive for Binance USDⓈ-M and COIN-M, with the datasets that carry the venue's feeds, and the
    /// venues' paginated REST history (`restHistoryQueries`) for the feeds they keep.
    static func make(for venue: VenueSpec, http: HTTPSettings) -> [any BackfillSource] {
        var sources: [any BackfillSource] = []
        if let market = BinanceArchiveMarket(venue: venue.venue) {
            let datasets = BinanceArchiveSource.datasets(for: venue.feeds)
            if !datasets.isEmpty {
                sources.append(
                    BinanceArchiveSource(
                        venue: venue.venue, market: market, datasets: datasets,
                        baseURL: venue.archiveURL ?? BinanceArchiveDataset.defaultBaseURL, http: http,
                        fetchState: VenueFetchState(venue: venue.venue, policy: nil, maxRequests: nil)))
            }
        }
        let queries = restHistoryQueries(for: venue)
        guard !queries.isEmpty else { return sources }
        // One runtime per venue: its fetch state paces every REST history source of the venue together, and its
        // reference data (instruments, loaded on first need) serves all of them.
        let runtime = VenueRuntime(spec: venue)
        let reference = RestHistoryReference(runtime: runtime, http: http)
        let fixtureTime = venue.fixtureTimeMs
        return sources
            + queries.map {
                RestHistorySource(
                    runtime: runtime, query: $0, reference: reference, http: http,
                    nowMs: { fixtureTime ?? WallClock.nowMs() })
            }
    }

    /// The REST history of `venue` for its feeds: Binance open interest (30 days; the archive's `metrics` holds
    /// older days, in its own file); Bybit funding and open interest; OKX funding and liquidation orders (recent
    /// days only); funding on BitMEX and Hyperliquid.
    static func restHistoryQueries(for venue: VenueSpec) -> [any RestHistoryQuery] {
        var queries: [any RestHistoryQuery] = []
        switch venue.venue {
        case .binanceUSDM, .binanceCOINM:
            if venue.feeds.contains(.openInterest) {
                queries.append(BinanceOpenInterestHistoryQuery(venue: venue.venue, period: venue.openInterestPeriod))
            }
        case .bybit:
            if venue.feeds.contains(.funding) { queries.append(BybitFundingHistoryQuery()) }
            if venue.feeds.contains(.openInterest) {
                queries.append(BybitOpenInterestHistoryQuery(period: venue.openInterestPeriod))
            }
        case .okx:
            if venue.feeds.contains(.funding) { queries.append(OKXFundingHistoryQuery()) }
            if venue.feeds.contains(.liquidations) { queries.append(OKXLiquidationHistoryQuery()) }
        case .bitmex:
            if venue.feeds.contains(.funding) { queries.append(BitMEXFundingHistoryQuery()) }
        case .hyperliquid:
            if venue.feeds.contains(.funding) { queries.append(HyperliquidFundingHistoryQuery()) }
        default:
            break
        }
        return queries
    }
}
