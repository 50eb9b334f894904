import Dispatch
import LiqCore
import LiqFetch
import LiqTestSupport
import Synchronization
import Testing

/// Two worker threads share one venue state against a loopback server that enforces a weight budget the way
/// Binance does: weight counted per clock window, 429 past the capacity, usage reported in a header.
@Suite struct WeightBudgetLoopbackTests {
    /// 60 weight per 2-second window, i.e. 30 weight/s allowed.
    static let policy = RateLimitPolicy(
        capacity: 60, windowSeconds: 2, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M"))
    static let requestWeight = 2.0
    static let runSeconds = 4.0

    /// The venue side: charges `?weight=` per request in clock-aligned windows and refuses with 429 past the
    /// capacity, reporting the weight used in the current window like `X-MBX-USED-WEIGHT-1M`.
    final class WeightBudget: Sendable {
        struct Counts {
            var window = -1.0
            var used = 0.0
            var accepted = 0
            var acceptedWeight = 0.0
            var refused = 0
        }

        let counts = Mutex(Counts())

        func respond(to request: ReceivedRequest) -> CannedResponse {
            let weight = request.target.split(separator: "=").last.flatMap { Double($0) } ?? 1
            let window = (SystemFetchClock().now() / WeightBudgetLoopbackTests.policy.windowSeconds).rounded(.down)
            return counts.withLock { counts in
                if window != counts.window {
                    counts.window = window
                    counts.used = 0
                }
                guard counts.used + weight <= WeightBudgetLoopbackTests.policy.capacity else {
                    counts.refused += 1
                    return CannedResponse(
                        status: 429, headers: [("X-MBX-USED-WEIGHT-1M", "\(Int(counts.used))"), ("Retry-After", "1")])
                }
                counts.used += weight
                counts.accepted += 1
                counts.acceptedWeight += weight
                return CannedResponse(headers: [("X-MBX-USED-WEIGHT-1M", "\(Int(counts.used))")], text: "{}")
            }
        }
    }

    /// The limiter's design rate is 93 % of the allowed one (proven on the fake clock). This test only has to show
    /// that pacing across threads really holds the live server under its limit (zero 429s) and does not starve
    /// (waiting out whole windows needlessly would land near or below 50 %). The floor of 50 % leaves room for a
    /// loaded 2-core machine descheduling the workers for hundreds of milliseconds, and for the 0.25 s rollover
    /// margins; the run is 4 s, two whole windows, so the first window's burst counts for little.
    @Test func twoWorkersStayUnderTheLimitAtASaneRate() async throws {
        let budget = WeightBudget()
        let server = try LoopbackHTTPServer { budget.respond(to: $0) }
        defer { server.stop() }
        let clock = SystemFetchClock()
        let state = VenueFetchState(venue: .binanceUSDM, policy: Self.policy, clock: clock)
        let url = server.baseURL + "/fapi/v1/ticker?weight=\(Int(Self.requestWeight))"
        let failures = Mutex<[String]>([])
        let started = clock.now()
        let deadline = started + Self.runSeconds
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let fetcher = ResilientFetcher(
                    transport: CurlHTTPClient(userAgent: "liqpipe/0.0.0-test", usesEnvironmentProxy: false),
                    venueState: state, retryPolicy: RetryPolicy(maxAttempts: 1))
                let request = HTTPRequest(url: url, timeouts: HTTPTimeouts(connectSeconds: 2, totalSeconds: 3))
                while clock.now() < deadline {
                    do {
                        _ = try fetcher.get(request, weight: Self.requestWeight)
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        // Awaited rather than waited for, so the test does not hold one of Swift Testing's few threads for 4 s.
        await withCheckedContinuation { finished in group.notify(queue: .global()) { finished.resume() } }
        let elapsed = clock.now() - started

        let counts = budget.counts.withLock { $0 }
        let achieved = counts.acceptedWeight / (elapsed * Self.policy.capacity / Self.policy.windowSeconds)
        #expect(counts.refused == 0)
        #expect(failures.withLock { $0 }.isEmpty)
        // How close to the allowed rate it gets is proven on the fake clock (VenueRateLimiterSimulationTests) and
        // measured by the benchmark; here, on a real clock shared with the rest of the suite, only liveness and the
        // ceiling are asserted: a rate floor would make this a timed test that flakes under load.
        #expect(counts.acceptedWeight > 0, "made no progress in \(elapsed) s")
        #expect(achieved <= 1, "achieved \(achieved) of the allowed rate in \(elapsed) s")
    }
}
