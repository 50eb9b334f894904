import LiqFetch

/// One backfill worker's HTTP client, kept across its items so the connection (and TLS session) to the archive is
/// reused instead of opened for every item: per-item connections were the largest cost of a backfill of small daily
/// files (`.ci/bench-backfill.sh`). libcurl handles must stay on one thread, so each worker has its own.
final class BackfillWorkerClient {
    private var made: CurlHTTPClient?

    /// The worker's client, created on first use.
    var client: CurlHTTPClient {
        if let made { return made }
        let client = CurlHTTPClient(userAgent: "liqpipe/\(Usage.version)")
        made = client
        return client
    }
}
