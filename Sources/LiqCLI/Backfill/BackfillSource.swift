import LiqCore

/// Where history of one kind comes from for one venue (an archive of daily/monthly files, a paginated history
/// endpoint). The runner plans, shards, resumes, normalises and stores; a source only lists and fetches items.
///
/// `run` is called from pipeline worker threads, one item at a time per worker, possibly for several items of the
/// same source at once: per-request state (an HTTP handle) belongs inside `run` or behind a lock.
protocol BackfillSource: Sendable {
    var venue: Venue { get }
    /// The work items for these symbols over [from, to] (inclusive days; monthly datasets give one item per month
    /// touched).
    func items(symbols: [String], from: UTCDate, to: UTCDate) -> [BackfillItem]
    /// Fetches and decodes one item, handing records over in batches (never the whole item at once). Returns
    /// .missing(reason) when the venue has no such file/page (an archive 404) — reported, not fatal; throws for
    /// real failures. `worker` is the calling worker's HTTP client, for sources that fetch over the network.
    func run(_ item: BackfillItem, worker: BackfillWorkerClient, emit: ([VenueRecord]) throws -> Void) throws
        -> BackfillItemOutcome
}
