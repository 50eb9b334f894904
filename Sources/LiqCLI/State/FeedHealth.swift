/// How one venue feed has fared across runs: what `snapshot.json`'s `sources` and `liquidations.prom` report.
struct FeedHealth: Sendable, Equatable {
    /// The last run that covered the feed without a failure, UTC epoch ms.
    var lastSuccessMs: Int64?
    /// The last run in which the feed failed, and the failure.
    var lastErrorMs: Int64?
    var lastError: String?
    /// Runs in a row that failed the feed (0 after a success): one blip is noise, five are an outage.
    var consecutiveFailures = 0
    /// Records merged into the store since the state was created (new keys only) and failed runs so far: counters
    /// for Prometheus's `rate()`.
    var recordsTotal = 0
    var errorsTotal = 0
}
