public import LiqCore
import Synchronization

/// Everything the workers fetching from one venue must agree on: the rate limiter, a ban, and the run's request
/// budget. Create one per venue per run and hand it to every worker's `ResilientFetcher`.
public final class VenueFetchState: Sendable {
    public let venue: Venue
    /// Most requests sent to the venue in one run, retries included; nil for no limit.
    public let maxRequests: Int?
    /// Nil for an unpaced source.
    let limiter: VenueRateLimiter?
    let clock: any FetchClock
    private let counters = Mutex(Counters())

    private struct Counters {
        /// Epoch seconds until which the venue has banned us; 0 when never banned.
        var bannedUntil = 0.0
        var requestsSent = 0
    }

    /// - Parameters:
    ///   - policy: the venue adapter's `rateLimitPolicy`; nil paces nothing, for fixture directories and other local
    ///     sources, which then still share every line of the live path.
    ///   - maxRequests: the run's request budget for this venue (spec `requestBudget`), nil for none.
    ///   - clock: the real clock unless a test substitutes one.
    public init(
        venue: Venue, policy: RateLimitPolicy?, maxRequests: Int? = nil, clock: any FetchClock = SystemFetchClock()
    ) {
        precondition(maxRequests.map { $0 >= 0 } ?? true, "maxRequests must not be negative")
        self.venue = venue
        self.maxRequests = maxRequests
        self.clock = clock
        self.limiter = policy.map { VenueRateLimiter(policy: $0, clock: clock) }
    }

    /// Requests sent to the venue so far, retries included.
    public var requestsSent: Int {
        counters.withLock { $0.requestsSent }
    }

    /// The end of the current ban in epoch seconds, or nil when the venue is not banning us now.
    public var bannedUntil: Double? {
        let now = clock.now()
        return counters.withLock { $0.bannedUntil > now ? $0.bannedUntil : nil }
    }

    /// Refuses every request until `instant` (epoch seconds); an earlier instant never shortens a ban.
    func ban(until instant: Double) {
        counters.withLock { $0.bannedUntil = max($0.bannedUntil, instant) }
    }

    /// Waits until a request of `weight` may be sent and counts it against the budget, or returns why it may not:
    /// a ban or a spent budget. Both are checked before waiting, so a refused request never waits, and again after,
    /// since another worker may have been banned while this one waited.
    func admit(weight: Double) -> ResilientFetchError.Kind? {
        if let refusal = refusal(counting: false) {
            return refusal
        }
        limiter?.acquire(weight: weight)
        return refusal(counting: true)
    }

    private func refusal(counting: Bool) -> ResilientFetchError.Kind? {
        let now = clock.now()
        return counters.withLock { counters in
            if counters.bannedUntil > now {
                return .banned(untilEpochSeconds: counters.bannedUntil)
            }
            if let maxRequests, counters.requestsSent >= maxRequests {
                return .budgetExhausted(maxRequests: maxRequests)
            }
            if counting {
                counters.requestsSent += 1
            }
            return nil
        }
    }
}
