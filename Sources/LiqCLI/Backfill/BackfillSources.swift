import Foundation
import LiqCore
import LiqFetch

/// The registry of backfill sources: which history sources a venue of the spec has. A venue without any is
/// reported by `backfill` and left out.
enum BackfillSources {
    /// The sources of `venue`, configured from the spec (symbols are passed per plan, not here): today the Binance
    /// public archive for Binance USDⓈ-M and COIN-M, with the datasets that carry the venue's feeds. The other
    /// venues' paginated REST history is not wired into backfill yet.
    static func make(for venue: VenueSpec, http: HTTPSettings) -> [any BackfillSource] {
        guard let market = BinanceArchiveMarket(venue: venue.venue) else { return [] }
        let datasets = BinanceArchiveSource.datasets(for: venue.feeds)
        guard !datasets.isEmpty else { return [] }
        return [
            BinanceArchiveSource(
                venue: venue.venue, market: market, datasets: datasets,
                baseURL: venue.archiveURL ?? BinanceArchiveDataset.defaultBaseURL, http: http,
                temporaryDirectory: FileManager.default.temporaryDirectory.path,
                fetchState: VenueFetchState(venue: venue.venue, policy: nil, maxRequests: nil))
        ]
    }
}
