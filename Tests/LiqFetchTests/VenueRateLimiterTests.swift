import LiqCore
import Testing

@testable import LiqFetch

/// The limiter on a fake clock: every wait is exact, so the tests assert instants, not ranges.
@Suite struct VenueRateLimiterTests {
    /// 2025-10-10 05:20:00 UTC, a whole minute (1_760_073_600 / 60 = 29_334_560); tests start 10 s into it.
    static let minute = 1_760_073_600.0
    static let start = minute + 10

    static let binance = RateLimitPolicy(
        capacity: 2400, windowSeconds: 60, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M"))
    static let bitmex = RateLimitPolicy(
        capacity: 30, windowSeconds: 60,
        usageReport: .remaining(header: "X-RateLimit-Remaining", resetHeader: "X-RateLimit-Reset"))
    static let bybit = RateLimitPolicy(
        capacity: 600, windowSeconds: 5,
        usageReport: .remaining(header: "X-Bapi-Limit-Status", resetHeader: "X-Bapi-Limit-Reset-Timestamp"))
    static let okx = RateLimitPolicy(capacity: 20, windowSeconds: 2, usageReport: .none)

    func makeLimiter(_ policy: RateLimitPolicy) -> (VenueRateLimiter, ManualFetchClock) {
        let clock = ManualFetchClock(start: Self.start)
        return (VenueRateLimiter(policy: policy, clock: clock), clock)
    }

    @Test func derivedRatesFollowFromCapacityWindowAndSettings() {
        let (limiter, _) = makeLimiter(Self.binance)
        // plan 2400 × 0.95 = 2280; burst 2280 × 0.02 = 45.6; refill (2280 − 45.6) / 60 = 37.24 weight/s, i.e.
        // 37.24 / 40 = 93.1 % of the allowed 2400 / 60 = 40 weight/s; reserve 2400 − 2280 = 120.
        #expect(abs(limiter.plannedWeightPerWindow - 2280) < 1e-9)
        #expect(abs(limiter.burstWeight - 45.6) < 1e-9)
        #expect(abs(limiter.refillPerSecond - 37.24) < 1e-9)
        #expect(abs(limiter.remainingReserve - 120) < 1e-9)
    }

    // MARK: Token bucket

    @Test func burstGoesAtOnceThenRequestsArePaced() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.acquire(weight: 45)  // within the 45.6 burst
        #expect(clock.sleeps.isEmpty)
        limiter.acquire(weight: 20)
        // 0.6 tokens left; 19.4 more at 37.24/s take 0.520945… s.
        #expect(clock.sleeps.count == 1)
        #expect(abs(clock.now() - (Self.start + 19.4 / 37.24)) < 1e-9)
    }

    @Test func requestHeavierThanTheBurstBorrowsFromTheRefill() {
        let (limiter, clock) = makeLimiter(Self.okx)
        // OKX: plan 19, burst 0.38, refill 18.62 / 2 = 9.31/s. Weight 5 goes on a full bucket, leaving −4.62;
        // the next request needs the bucket back at 0.38: 5 / 9.31 = 0.537057… s.
        limiter.acquire(weight: 5)
        #expect(clock.sleeps.isEmpty)
        limiter.acquire(weight: 1)
        #expect(abs(clock.now() - (Self.start + 5 / 9.31)) < 1e-9)
    }

    @Test func pauseHoldsEveryRequestUntilItsEnd() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.pause(until: Self.start + 3)
        limiter.pause(until: Self.start + 1)  // an earlier end never shortens a pause
        limiter.acquire(weight: 1)
        #expect(clock.now() == Self.start + 3)
    }

    // MARK: Binance X-MBX-USED-WEIGHT-1M

    @Test func usedWeightOverThePlanWaitsForTheNextClockMinute() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.record(["X-MBX-USED-WEIGHT-1M": "2250"], sentAt: Self.start - 0.1, receivedAt: Self.start)
        // 2250 + 40 = 2290 > 2280: wait for 05:21:00 plus the 0.25 s rollover margin.
        limiter.acquire(weight: 40)
        #expect(clock.now() == Self.minute + 60.25)
        #expect(clock.sleeps == [50.25])
    }

    @Test func usedWeightUpToThePlanStillGoes() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.record(["x-mbx-used-weight-1m": "2250"], sentAt: Self.start - 0.1, receivedAt: Self.start)
        limiter.acquire(weight: 30)  // 2250 + 30 = 2280, exactly the plan
        #expect(clock.sleeps.isEmpty)
    }

    @Test func ownRequestsCountTowardsTheMinuteBetweenReports() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.record(["X-MBX-USED-WEIGHT-1M": "2200"], sentAt: Self.start - 0.1, receivedAt: Self.start)
        limiter.acquire(weight: 40)  // 2240
        #expect(clock.sleeps.isEmpty)
        // A stale report from a request that overtook ours cannot lower the count.
        limiter.record(["X-MBX-USED-WEIGHT-1M": "2100"], sentAt: Self.start, receivedAt: Self.start + 0.01)
        limiter.acquire(weight: 41)  // 2281 > 2280
        #expect(clock.now() == Self.minute + 60.25)
    }

    @Test func usedWeightReportIsCorrectedForOwnRequestsInFlight() {
        let (limiter, clock) = makeLimiter(Self.binance)
        // Three requests of weight 10 leave; the venue answers the first with 2250 used, which does not count the
        // other two: 2270 are used, and weight 20 more would make 2290 > 2280.
        let firstSentAt = clock.now()
        for _ in 0..<3 {
            limiter.acquire(weight: 10)
            clock.advance(by: 0.001)
        }
        limiter.record(["X-MBX-USED-WEIGHT-1M": "2250"], sentAt: firstSentAt, receivedAt: clock.now())
        limiter.acquire(weight: 20)
        #expect(clock.now() == Self.minute + 60.25)
    }

    @Test func reportOfARequestStraddlingTheMinuteCountsForTheMinuteItLeftIn() {
        let (limiter, clock) = makeLimiter(Self.binance)
        clock.advance(by: 50.1)  // 05:21:00.1
        limiter.record(["X-MBX-USED-WEIGHT-1M": "2390"], sentAt: Self.minute + 59.9, receivedAt: Self.minute + 60.1)
        limiter.acquire(weight: 40)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func emptyMinuteAdmitsARequestHeavierThanThePlan() {
        let (limiter, clock) = makeLimiter(Self.binance)
        limiter.acquire(weight: 3000)
        #expect(clock.sleeps.isEmpty)
    }

    // MARK: BitMEX X-RateLimit-Remaining / X-RateLimit-Reset (epoch seconds)

    @Test func bitmexRemainingBelowTheReserveWaitsForTheReset() {
        let (limiter, clock) = makeLimiter(Self.bitmex)
        let reset = Int(Self.start) + 20
        limiter.record(
            ["X-RateLimit-Remaining": "4", "X-RateLimit-Reset": "\(reset)"], sentAt: Self.start - 0.1,
            receivedAt: Self.start)
        // Reserve 30 − 28.5 = 1.5. Remaining 4 → 3 → 2 go (each paced by the bucket, 1 / 0.4655 s apart); the third
        // would leave 1 < 1.5, so it waits for the reset plus the 0.25 s margin.
        limiter.acquire(weight: 1)
        limiter.acquire(weight: 1)
        #expect(abs(clock.now() - (Self.start + 1 / limiter.refillPerSecond)) < 1e-9)
        limiter.acquire(weight: 1)
        #expect(clock.now() == Double(reset) + 0.25)
    }

    @Test func bitmexRemainingAboveTheReserveGoes() {
        let (limiter, clock) = makeLimiter(Self.bitmex)
        limiter.record(
            ["X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "\(Int(Self.start) + 20)"], sentAt: Self.start,
            receivedAt: Self.start)
        limiter.acquire(weight: 1)  // 3 − 1 = 2 ≥ 1.5
        #expect(clock.sleeps.isEmpty)
    }

    // MARK: Bybit X-Bapi-Limit-Status / X-Bapi-Limit-Reset-Timestamp (epoch milliseconds)

    @Test func bybitRemainingBelowTheReserveWaitsForTheResetInMilliseconds() {
        let (limiter, clock) = makeLimiter(Self.bybit)
        let resetMs = (Int(Self.start) + 3) * 1000 + 500
        limiter.record(
            ["X-Bapi-Limit-Status": "20", "X-Bapi-Limit-Reset-Timestamp": "\(resetMs)"], sentAt: Self.start,
            receivedAt: Self.start)
        // Reserve 600 − 570 = 30; 20 − 1 < 30.
        limiter.acquire(weight: 1)
        #expect(clock.now() == Self.start + 3.5 + 0.25)
    }

    @Test func bybitResetAtTheCurrentTimeMeansTheQuotaRefillsAtTheAllowedRate() {
        let (limiter, clock) = makeLimiter(Self.bybit)
        // Bybit sends the current time as the reset while the limit is not reached, i.e. no reset instant. The
        // quota is then assumed to come back at 600 / 5 s = 120/s: remaining 20 must reach 1 + reserve 30 = 31,
        // which takes 11 / 120 s.
        limiter.record(
            ["X-Bapi-Limit-Status": "20", "X-Bapi-Limit-Reset-Timestamp": "\(Int(Self.start) * 1000)"],
            sentAt: Self.start, receivedAt: Self.start)
        limiter.acquire(weight: 1)
        #expect(abs(clock.now() - (Self.start + 11.0 / 120)) < 1e-9)
    }

    @Test func remainingReportIsCorrectedForOwnRequestsInFlight() {
        let (limiter, clock) = makeLimiter(Self.bybit)
        let resetMs = "\(Int(Self.start + 4) * 1000)"
        // Ten requests leave; the venue answers the first with remaining 40, which does not count the other nine:
        // 40 − 9 = 31 are left, and one more would leave 30 − … < 30 + 1.
        for _ in 0..<10 {
            limiter.acquire(weight: 1)
            clock.advance(by: 0.001)
        }
        limiter.record(
            ["X-Bapi-Limit-Status": "40", "X-Bapi-Limit-Reset-Timestamp": resetMs], sentAt: Self.start,
            receivedAt: clock.now())
        limiter.acquire(weight: 1)  // 31 − 1 = 30 ≥ 30
        #expect(clock.now() < Self.start + 1)
        limiter.acquire(weight: 1)  // 30 − 1 < 30
        #expect(clock.now() == Self.start + 4.25)
    }

    @Test func remainingReportOvertakenByANewerOneIsIgnored() {
        let (limiter, clock) = makeLimiter(Self.bybit)
        let resetMs = "\(Int(Self.start + 4) * 1000)"
        limiter.record(
            ["X-Bapi-Limit-Status": "200", "X-Bapi-Limit-Reset-Timestamp": resetMs], sentAt: Self.start,
            receivedAt: Self.start + 0.2)
        limiter.record(
            ["X-Bapi-Limit-Status": "20", "X-Bapi-Limit-Reset-Timestamp": resetMs], sentAt: Self.start - 1,
            receivedAt: Self.start + 0.3)
        limiter.acquire(weight: 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func bybitRemainingAboveTheReserveGoes() {
        let (limiter, clock) = makeLimiter(Self.bybit)
        limiter.record(
            ["X-Bapi-Limit-Status": "200", "X-Bapi-Limit-Reset-Timestamp": "\(Int(Self.start) * 1000)"],
            sentAt: Self.start, receivedAt: Self.start)
        limiter.acquire(weight: 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test(arguments: ["lots", "-5", "", "nan"])
    func unreadableReportLeavesTheLastReadableOneInForce(value: String) {
        let (binance, binanceClock) = makeLimiter(Self.binance)
        binance.record(["X-MBX-USED-WEIGHT-1M": "2250"], sentAt: Self.start, receivedAt: Self.start)
        binance.record(["X-MBX-USED-WEIGHT-1M": value], sentAt: Self.start, receivedAt: Self.start)
        binance.acquire(weight: 40)
        #expect(binanceClock.now() == Self.minute + 60.25)

        let (bybit, bybitClock) = makeLimiter(Self.bybit)
        let reset = "\(Int(Self.start + 3) * 1000)"
        bybit.record(
            ["X-Bapi-Limit-Status": "20", "X-Bapi-Limit-Reset-Timestamp": reset], sentAt: Self.start,
            receivedAt: Self.start)
        bybit.record(
            ["X-Bapi-Limit-Status": value, "X-Bapi-Limit-Reset-Timestamp": reset], sentAt: Self.start,
            receivedAt: Self.start)
        bybit.acquire(weight: 1)
        #expect(bybitClock.now() == Self.start + 3.25)
    }
}
