/// How many times, and how patiently, one request is tried again after a failure that may pass.
///
/// Backoff is exponential with full jitter (a uniform draw between 0 and the doubling ceiling), which spreads the
/// retries of many workers instead of having them return in lockstep. Both the attempts and the total time spent
/// waiting are bounded, so one bad endpoint cannot stall a run; a server asking for a longer wait than the time
/// left ends the retries at once instead of being waited out.
public struct RetryPolicy: Sendable, Equatable {
    /// Most times one request is sent, the first try included.
    public var maxAttempts: Int
    /// Backoff ceiling before the first retry, in seconds; it doubles for every further retry.
    public var baseDelaySeconds: Double
    /// Largest backoff ceiling, in seconds.
    public var maxDelaySeconds: Double
    /// Most seconds one request may spend waiting between attempts (backoff and `Retry-After` together).
    public var maxTotalBackoffSeconds: Double
    /// How long a 418 without `Retry-After` bans the venue, in seconds. Binance bans for 2 minutes up to 3 days,
    /// growing for repeat offenders, and normally says how long; 5 minutes is a guess on the safe side of the
    /// shortest ban, since a request sent into a ban risks a longer one.
    public var defaultBanSeconds: Double

    /// Defaults: 4 attempts, backoff ceilings 0.5, 1, 2 s (capped at 8), at most 30 s of waiting, 5-minute bans.
    public init(
        maxAttempts: Int = 4,
        baseDelaySeconds: Double = 0.5,
        maxDelaySeconds: Double = 8,
        maxTotalBackoffSeconds: Double = 30,
        defaultBanSeconds: Double = 300
    ) {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1")
        precondition(
            baseDelaySeconds >= 0 && maxDelaySeconds >= baseDelaySeconds && maxTotalBackoffSeconds >= 0
                && defaultBanSeconds > 0,
            "retry delays must be non-negative, maxDelaySeconds ≥ baseDelaySeconds, and the default ban positive")
        self.maxAttempts = maxAttempts
        self.baseDelaySeconds = baseDelaySeconds
        self.maxDelaySeconds = maxDelaySeconds
        self.maxTotalBackoffSeconds = maxTotalBackoffSeconds
        self.defaultBanSeconds = defaultBanSeconds
    }

    /// Statuses that may pass on their own: the venue is overloaded or restarting (500, 502, 503, 504), its backend
    /// timed out (408, which Binance documents for exactly that), or we were too fast (429).
    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// The upper bound of the jittered wait after attempt `attempt` (1-based) failed.
    func backoffCeiling(afterAttempt attempt: Int) -> Double {
        min(maxDelaySeconds, baseDelaySeconds * Double(1 << min(attempt - 1, 30)))
    }

    /// Whether a request that got no response is worth sending again: timeouts, refused or unresolvable
    /// connections, and connections that broke while in use. A body or header block over the limit, or a local
    /// failure such as a missing fixture file, would fail the same way again.
    static func isRetryable(_ error: HTTPError) -> Bool {
        switch error.kind {
        case .timeout, .connectionFailed: true
        case .transport(let code, _): CurlCode.brokenConnection.contains(CurlCode(rawValue: code))
        case .bodyTooLarge, .headersTooLarge: false
        }
    }
}
