import LiqCore
import LiqFetch
import Synchronization

/// A venue's reference data (instrument metadata) for the REST history queries that need it — Bybit's `category`,
/// OKX's `instType` and `uly` come only from the instruments — loaded through the venue's runtime (its pacing
/// state) on first use, once per backfill, and shared by every worker and every source of the venue.
///
/// Lazily, because the source registry is built before any reference load, and a backfill with nothing left to
/// run (or only queries needing no metadata) must not touch the venue. A failed load is kept too: every item asking
/// afterwards fails with the same reason instead of asking the venue again.
final class RestHistoryReference: Sendable {
    let runtime: VenueRuntime
    let http: HTTPSettings
    /// The load's outcome once asked; the lock is held during the load, so workers asking at once wait for one.
    private let loaded = Mutex<Result<ReferenceData, LoadError>?>(nil)

    /// The venue's reference requests failed: the first failure (request URL and error).
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    init(runtime: VenueRuntime, http: HTTPSettings) {
        self.runtime = runtime
        self.http = http
    }

    /// The instrument of `symbol` from the venue's instrument lists; an `UnlistedSymbolError` naming it when the
    /// venue does not list it, the load's failure when the reference could not be fetched.
    func instrument(_ symbol: String) throws -> Instrument {
        let reference = try loaded.withLock { state in
            if let state { return try state.get() }
            var runtime = runtime
            runtime.loadReference(http: http)
            let result: Result<ReferenceData, LoadError> =
                if let failure = runtime.failures.first {
                    .failure(LoadError(description: "reference data: \(failure.origin): \(failure.message)"))
                } else {
                    .success(runtime.reference)
                }
            state = result
            return try result.get()
        }
        guard let instrument = reference.instrument(venue: runtime.spec.venue, symbol: symbol) else {
            throw UnlistedSymbolError(venue: runtime.spec.venue, symbol: symbol)
        }
        return instrument
    }
}
