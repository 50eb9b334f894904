import LiqCore
import Synchronization

/// Paces one venue's requests by weight so that a run stays under the venue's per-IP limit; one instance is shared
/// by every worker thread fetching from that venue.
///
/// Two mechanisms work together:
/// - A token bucket over the policy's capacity per window, in the policy's units (Binance weight, otherwise
///   requests). It plans to spend `safetyFraction` of the capacity per window and lets `burstFraction` of that go
///   out back to back after an idle spell; the refill rate is (plan − burst) / window, so burst plus one window of
///   refill equals the plan. That bounds the weight sent in ANY interval of the window's length, clock-aligned or
///   sliding (a request heavier than the burst may pass it by its excess, which the safety margin absorbs), and
///   leaves a steady rate of safety × (1 − burst) of the allowed one: 0.95 × 0.98 ≈ 93 %.
/// - The venue's usage headers, which also count other clients on the same IP. Each report is corrected for our
///   own requests still in flight when the venue wrote it. A `usedWeight` report (Binance) that leaves no room in
///   the plan holds requests until the clock window rolls over; a `remaining` report (BitMEX, Bybit) that would
///   drop below the reserve holds them until the venue's reset instant or, without one, until the quota has come
///   back at the allowed rate. A 429 pauses the whole venue through `pause(until:)`.
///
/// `acquire` blocks the calling thread; it is meant for Dispatch worker threads, never Swift-concurrency tasks. The
/// lock is never held while sleeping, and every wake-up checks again, so a pause or a header that arrives while a
/// worker waits applies to it as well.
final class VenueRateLimiter: Sendable {
    /// Tuning shared by every venue; the defaults are what the fake-clock tests prove.
    struct Settings: Sendable, Equatable {
        /// Share of the venue's capacity planned per window. The remaining 5 % absorbs requests in flight that a
        /// usage header does not count yet, arrival jitter, and requests heavier than the burst (which borrow).
        var safetyFraction = 0.95
        /// Share of the planned budget that may be sent back to back. Small, because every unit of burst is taken
        /// from the steady rate: burst plus one window of refill must stay within the plan.
        var burstFraction = 0.02
        /// Seconds to wait past a venue's window end or reset instant, for skew between our clock and the venue's.
        var rolloverMarginSeconds = 0.25
    }

    private struct State {
        /// Weight that may be sent now; negative after a request heavier than the burst borrowed ahead.
        var tokens: Double
        /// When `tokens` was last brought up to date (epoch seconds).
        var refilledAt: Double
        /// No request may start before this instant: the venue answered 429.
        var pausedUntil = 0.0
        /// Our own recent requests, oldest first, so a usage report can be corrected for the requests that were
        /// still in flight when the venue wrote it.
        var recentSends: [(time: Double, weight: Double)] = []
        /// Clock window (epoch seconds / window length, rounded down) that `usedWeight` belongs to.
        var usedWindow = -Double.infinity
        /// Weight known to be used in `usedWindow`: the venue's report plus what we sent since, or our own count.
        var usedWeight = 0.0
        /// What the venue said remains, corrected for our requests since; nil when unknown or past its reset.
        var remaining: Double?
        /// The instant `remaining` is valid at (epoch seconds).
        var remainingAsOf = 0.0
        /// When the send of the request behind `remaining` left; an older report that arrives later is ignored.
        var remainingSentAt = -Double.infinity
        /// The venue's reset instant for `remaining`, or nil when it gave none.
        var remainingResetAt: Double?
    }

    let policy: RateLimitPolicy
    let settings: Settings
    let clock: any FetchClock
    private let state: Mutex<State>

    /// Weight planned per window: capacity × safety.
    var plannedWeightPerWindow: Double { policy.capacity * settings.safetyFraction }
    /// Largest weight sent back to back.
    var burstWeight: Double { plannedWeightPerWindow * settings.burstFraction }
    /// Steady-state pace in weight per second.
    var refillPerSecond: Double { (plannedWeightPerWindow - burstWeight) / policy.windowSeconds }
    /// Remaining weight below which a `remaining` report holds requests: the capacity left out of the plan, kept
    /// for other clients' requests in flight and for clock skew.
    var remainingReserve: Double { policy.capacity - plannedWeightPerWindow }
    /// How far back our own sends are remembered: long enough for any request's round trip.
    private var sendMemorySeconds: Double { max(policy.windowSeconds, 120) }

    init(policy: RateLimitPolicy, clock: any FetchClock, settings: Settings = Settings()) {
        precondition(policy.capacity > 0 && policy.windowSeconds > 0, "rate limit needs a positive capacity and window")
        precondition(
            settings.safetyFraction > 0 && settings.safetyFraction <= 1 && settings.burstFraction > 0
                && settings.burstFraction < 1 && settings.rolloverMarginSeconds >= 0,
            "rate limiter settings out of range: \(settings)")
        self.policy = policy
        self.settings = settings
        self.clock = clock
        let planned = policy.capacity * settings.safetyFraction
        state = Mutex(State(tokens: planned * settings.burstFraction, refilledAt: clock.now()))
    }

    /// Blocks until a request of `weight` (policy units) may be sent, then counts it as sent.
    func acquire(weight: Double) {
        precondition(weight >= 0 && weight.isFinite, "request weight must be finite and not negative, got \(weight)")
        while true {
            let wait = state.withLock { state in reserve(weight, now: clock.now(), state: &state) }
            guard wait > 0 else {
                return
            }
            clock.sleep(seconds: wait)
        }
    }

    /// Holds every request of the venue until `instant` (epoch seconds), e.g. after a 429's `Retry-After`.
    func pause(until instant: Double) {
        state.withLock { $0.pausedUntil = max($0.pausedUntil, instant) }
    }

    /// Learns the venue's view of our usage from a response's headers. `sentAt` and `receivedAt` are when the
    /// request left and its response arrived (epoch seconds). Missing or unreadable headers are ignored: a usage
    /// report is advice, and the bucket alone keeps the pace safe.
    func record(_ headers: HTTPHeaders, sentAt: Double, receivedAt: Double) {
        switch policy.usageReport {
        case .none:
            return
        case .usedWeight(let header):
            guard let used = headers[header].flatMap(Double.init), used.isFinite, used >= 0 else {
                return
            }
            // Charged to the window the request left in. Had it reached the venue after the boundary, the figure
            // is the next window's, smaller one, which `max` below makes harmless to the old window.
            let window = (sentAt / policy.windowSeconds).rounded(.down)
            state.withLock { state in
                let estimate = used + Self.weightSent(after: sentAt, in: state)
                if window > state.usedWindow {
                    state.usedWindow = window
                    state.usedWeight = estimate
                } else if window == state.usedWindow {
                    state.usedWeight = max(state.usedWeight, estimate)
                }
            }
        case .remaining(let header, let resetHeader):
            guard let remaining = headers[header].flatMap(Double.init), remaining.isFinite else {
                return
            }
            // Reset instants come as epoch seconds (BitMEX) or milliseconds (Bybit), told apart by magnitude. Bybit
            // sends the current time while the limit is not reached, so an instant not after the response is no
            // reset at all.
            let reset = resetHeader.flatMap { headers[$0] }.flatMap(Timestamp.parseMilliseconds)
                .map { Double($0) / 1000 }
            state.withLock { state in
                guard sentAt >= state.remainingSentAt else {
                    return
                }
                state.remaining = remaining - Self.weightSent(after: sentAt, in: state)
                state.remainingAsOf = receivedAt
                state.remainingSentAt = sentAt
                state.remainingResetAt = reset.flatMap { $0 > receivedAt ? $0 : nil }
            }
        }
    }

    /// Our weight sent after `instant`: requests the venue had not counted yet when it answered one sent then.
    private static func weightSent(after instant: Double, in state: State) -> Double {
        var sum = 0.0
        for send in state.recentSends.reversed() {
            guard send.time > instant else {
                break
            }
            sum += send.weight
        }
        return sum
    }

    /// Counts a request of `weight` as sent and returns 0 when it may go at `now`; otherwise only brings the state
    /// up to date and returns the seconds to wait before asking again.
    private func reserve(_ weight: Double, now: Double, state: inout State) -> Double {
        // A clock stepped backwards re-bases the refill instead of stalling until it catches up.
        state.tokens = min(burstWeight, state.tokens + max(0, now - state.refilledAt) * refillPerSecond)
        state.refilledAt = now
        var ready = max(now, state.pausedUntil)
        // A request heavier than the burst goes once the bucket is full and borrows the rest from the refill.
        let needed = min(weight, burstWeight)
        if state.tokens < needed {
            ready = max(ready, now + (needed - state.tokens) / refillPerSecond)
        }
        if case .usedWeight = policy.usageReport {
            let window = (now / policy.windowSeconds).rounded(.down)
            if window > state.usedWindow {
                state.usedWindow = window
                state.usedWeight = 0
            }
            // An empty window always admits one request, however heavy, so nothing can wait forever.
            if state.usedWeight > 0 && state.usedWeight + weight > plannedWeightPerWindow {
                ready = max(ready, (window + 1) * policy.windowSeconds + settings.rolloverMarginSeconds)
            }
        }
        if let remaining = state.remaining {
            if let resetAt = state.remainingResetAt {
                if now >= resetAt {
                    state.remaining = nil
                } else if remaining - weight < remainingReserve {
                    ready = max(ready, resetAt + settings.rolloverMarginSeconds)
                }
            } else {
                // Without a reset instant, assume the quota comes back at capacity per window, as a rolling window
                // or a bucket frees it; the next report corrects the guess.
                let refillRate = policy.capacity / policy.windowSeconds
                let current = min(policy.capacity, remaining + max(0, now - state.remainingAsOf) * refillRate)
                state.remaining = current
                state.remainingAsOf = now
                if current - weight < remainingReserve {
                    ready = max(ready, now + (weight + remainingReserve - current) / refillRate)
                }
            }
        }
        guard ready <= now else {
            return ready - now
        }
        state.tokens -= weight
        state.usedWeight += weight
        state.remaining = state.remaining.map { $0 - weight }
        // Forget sends older than any round trip, half the list at a time, so that remembering stays O(1) amortised.
        let half = state.recentSends.count / 2
        if half > 0 && state.recentSends[half].time < now - sendMemorySeconds {
            state.recentSends.removeFirst(half)
        }
        state.recentSends.append((now, weight))
        return 0
    }
}
