/// GETs for one worker thread that pace themselves by the venue's limit, retry what may pass, and stop at once
/// where retrying would hurt.
///
/// Per response status:
/// - 429: pauses the whole venue (every worker) for `Retry-After`, or a jittered backoff without it, then retries.
/// - 418: bans the venue until `Retry-After` (or `RetryPolicy.defaultBanSeconds`); this and every later request
///   to it fails with `.banned` without touching the network. Never retried.
/// - 451, 403: `.geoBlocked`, not retried.
/// - 500, 502, 503, 504, 408, and timeouts or broken connections: retried after a jittered exponential backoff
///   (503 honours `Retry-After`), within `RetryPolicy`'s attempt and waiting-time bounds.
/// - Anything else, other 4xx included, is returned for the caller to judge.
///
/// Owns its transport, which must not be shared between threads (a curl handle), so the fetcher is not `Sendable`:
/// create one per worker and venue, all sharing the venue's `VenueFetchState`.
public final class ResilientFetcher {
    public let venueState: VenueFetchState
    public let retryPolicy: RetryPolicy
    private let transport: any HTTPFetching
    /// Source of backoff jitter; tests pass a seeded generator.
    private var random: any RandomNumberGenerator

    /// What one attempt came to: a response to hand back, or a failure that may be retried after `waitSeconds`.
    private enum Outcome {
        case response(HTTPResponse)
        /// `venueWaits` when the venue is paused (a 429), so the limiter holds the retry and this worker must not
        /// sleep on top of it.
        case retry(ResilientFetchError.Kind, waitSeconds: Double, venueWaits: Bool)
    }

    public init(
        transport: any HTTPFetching,
        venueState: VenueFetchState,
        retryPolicy: RetryPolicy = RetryPolicy(),
        random: any RandomNumberGenerator = SystemRandomNumberGenerator()
    ) {
        self.transport = transport
        self.venueState = venueState
        self.retryPolicy = retryPolicy
        self.random = random
    }

    /// Sends `request`, costing `weight` in the venue's rate-limit units (`VenueRequest.weight`), and returns the
    /// first response that is not retried. Throws `ResilientFetchError` for bans, geo-blocks, a spent budget and
    /// exhausted retries; an error a transport throws that is not an `HTTPError` passes through unchanged.
    public func get(_ request: HTTPRequest, weight: Double) throws -> HTTPResponse {
        var attempts = 0
        var waitedSeconds = 0.0
        while true {
            if let refusal = venueState.admit(weight: weight) {
                throw failure(refusal, request, attempts)
            }
            attempts += 1
            switch try attempt(request, number: attempts) {
            case .response(let response):
                return response
            case .retry(let kind, let waitSeconds, let venueWaits):
                guard attempts < retryPolicy.maxAttempts,
                    waitedSeconds + waitSeconds <= retryPolicy.maxTotalBackoffSeconds
                else {
                    throw failure(kind, request, attempts)
                }
                waitedSeconds += waitSeconds
                if !venueWaits {
                    venueState.clock.sleep(seconds: waitSeconds)
                }
            }
        }
    }

    /// Sends once and judges the result; throws the failures that end the request at once.
    private func attempt(_ request: HTTPRequest, number: Int) throws -> Outcome {
        let clock = venueState.clock
        let sentAt = clock.now()
        let response: HTTPResponse
        do {
            response = try transport.get(request)
        } catch let error as HTTPError {
            guard RetryPolicy.isRetryable(error) else {
                throw failure(.transport(error), request, number)
            }
            return .retry(.transport(error), waitSeconds: backoff(afterAttempt: number), venueWaits: false)
        }
        let receivedAt = clock.now()
        venueState.limiter?.record(response.headers, sentAt: sentAt, receivedAt: receivedAt)
        let retryAfter = response.headers["Retry-After"].flatMap { RetryAfter.seconds($0, now: receivedAt) }
        switch response.status {
        case 418:
            venueState.ban(until: receivedAt + (retryAfter ?? retryPolicy.defaultBanSeconds))
            throw failure(.banned(untilEpochSeconds: venueState.bannedUntil ?? receivedAt), request, number)
        case 403, 451:
            throw failure(.geoBlocked(status: response.status, body: response.bodyExcerpt()), request, number)
        case 429:
            let wait = retryAfter ?? backoff(afterAttempt: number)
            // The pause holds every worker of the venue, this one included; an unpaced venue's worker waits alone.
            venueState.limiter?.pause(until: receivedAt + wait)
            return .retry(
                .status(429, body: response.bodyExcerpt()), waitSeconds: wait, venueWaits: venueState.limiter != nil)
        case 503:
            return .retry(
                .status(503, body: response.bodyExcerpt()), waitSeconds: retryAfter ?? backoff(afterAttempt: number),
                venueWaits: false)
        case let status where RetryPolicy.retryableStatuses.contains(status):
            return .retry(
                .status(status, body: response.bodyExcerpt()), waitSeconds: backoff(afterAttempt: number),
                venueWaits: false)
        default:
            return .response(response)
        }
    }

    /// Full jitter: uniform between 0 and the attempt's ceiling.
    private func backoff(afterAttempt attempt: Int) -> Double {
        Double.random(in: 0...retryPolicy.backoffCeiling(afterAttempt: attempt), using: &random)
    }

    private func failure(_ kind: ResilientFetchError.Kind, _ request: HTTPRequest, _ attempts: Int)
        -> ResilientFetchError
    {
        ResilientFetchError(venue: venueState.venue, url: request.url, attempts: attempts, kind: kind)
    }
}

@available(*, unavailable)
extension ResilientFetcher: Sendable {}
