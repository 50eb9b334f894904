import LiqCore
import Testing

@testable import LiqFetch

/// Long runs on the fake clock against a simulated venue that counts weight the way the real one does and answers
/// with its usage headers: the limiter must use at least 90 % of the allowed rate and never exceed the capacity
/// in any window, sliding or clock-aligned.
@Suite struct VenueRateLimiterSimulationTests {
    /// How a simulated venue reports usage, given the weight used in the current clock window (this request
    /// included), the window's end and the time the request arrived (epoch seconds).
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var policy: RateLimitPolicy
        /// Request weights, sent in this order over and over.
        var weights: [Double]
        var seconds: Double
        var headers: @Sendable (_ used: Double, _ windowEnd: Double, _ now: Double) -> HTTPHeaders

        var testDescription: String { name }
    }

    static let scenarios = [
        Scenario(
            name: "Binance used weight, 2400/min, mixed weights, 1 h",
            policy: RateLimitPolicy(
                capacity: 2400, windowSeconds: 60, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M")),
            weights: [1, 2, 5, 20, 1, 10, 2], seconds: 3600,
            headers: { used, _, _ in ["X-MBX-USED-WEIGHT-1M": "\(Int(used))"] }),
        Scenario(
            name: "BitMEX remaining + reset (s), 30/min, 1 h",
            policy: RateLimitPolicy(
                capacity: 30, windowSeconds: 60,
                usageReport: .remaining(header: "X-RateLimit-Remaining", resetHeader: "X-RateLimit-Reset")),
            weights: [1], seconds: 3600,
            headers: { used, windowEnd, _ in
                ["X-RateLimit-Remaining": "\(Int(30 - used))", "X-RateLimit-Reset": "\(Int(windowEnd))"]
            }),
        Scenario(
            name: "Bybit remaining + reset (ms, current time), 600/5 s, 10 min",
            policy: RateLimitPolicy(
                capacity: 600, windowSeconds: 5,
                usageReport: .remaining(header: "X-Bapi-Limit-Status", resetHeader: "X-Bapi-Limit-Reset-Timestamp")),
            weights: [1], seconds: 600,
            headers: { used, _, now in
                ["X-Bapi-Limit-Status": "\(Int(600 - used))", "X-Bapi-Limit-Reset-Timestamp": "\(Int(now * 1000))"]
            }),
        Scenario(
            name: "OKX no headers, 20/2 s, 10 min",
            policy: RateLimitPolicy(capacity: 20, windowSeconds: 2, usageReport: .none),
            weights: [1], seconds: 600, headers: { _, _, _ in [:] }),
    ]

    @Test(arguments: scenarios)
    func longRunUsesAtLeast90PercentAndNeverExceedsTheCapacity(scenario: Scenario) {
        let window = scenario.policy.windowSeconds
        // Deliberately not on a window boundary.
        let start = 1_760_073_617.3
        let end = start + scenario.seconds
        let clock = ManualFetchClock(start: start)
        let limiter = VenueRateLimiter(policy: scenario.policy, clock: clock)
        var sends: [(time: Double, weight: Double)] = []
        var countedWindow = -1.0
        var usedInWindow = 0.0
        while clock.now() < end {
            let weight = scenario.weights[sends.count % scenario.weights.count]
            limiter.acquire(weight: weight)
            let sentAt = clock.now()
            sends.append((sentAt, weight))
            let index = (sentAt / window).rounded(.down)
            if index != countedWindow {
                countedWindow = index
                usedInWindow = 0
            }
            usedInWindow += weight
            clock.advance(by: 0.004)  // loopback-like latency
            limiter.record(
                scenario.headers(usedInWindow, (index + 1) * window, sentAt), sentAt: sentAt, receivedAt: clock.now())
        }

        let sentInRun = sends.filter { $0.time < end }.reduce(0) { $0 + $1.weight }
        let allowed = scenario.seconds * scenario.policy.capacity / window
        let achieved = sentInRun / allowed
        // Design value: safety 0.95 × (1 − burst 0.02) = 0.931 of the allowed rate.
        #expect(achieved >= 0.90, "achieved \(achieved) of the allowed rate")
        #expect(achieved <= 0.95, "achieved \(achieved) of the allowed rate")
        #expect(Self.heaviestWindow(sends, seconds: window) <= scenario.policy.capacity)
    }

    /// The most weight sent within any interval of `seconds` (every clock-aligned window is one of them).
    static func heaviestWindow(_ sends: [(time: Double, weight: Double)], seconds: Double) -> Double {
        var heaviest = 0.0
        var sum = 0.0
        var first = 0
        for send in sends {
            sum += send.weight
            while send.time - sends[first].time >= seconds {
                sum -= sends[first].weight
                first += 1
            }
            heaviest = max(heaviest, sum)
        }
        return heaviest
    }
}
