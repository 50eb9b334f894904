import LiqCore
import Testing

@testable import LiqFetch

/// Retry, ban and budget decisions on the fake clock with a scripted transport: every wait and every request
/// count is exact.
@Suite struct ResilientFetcherTests {
    static let start = 1_760_073_610.0
    static let url = "https://fapi.binance.com/fapi/v1/allForceOrders?symbol=BTCUSDT"
    /// Generous, so pacing never interferes unless a test wants it to.
    static let roomyPolicy = RateLimitPolicy(capacity: 10_000, windowSeconds: 1, usageReport: .none)

    struct Harness {
        let clock = ManualFetchClock(start: ResilientFetcherTests.start)
        let state: VenueFetchState

        init(policy: RateLimitPolicy? = ResilientFetcherTests.roomyPolicy, maxRequests: Int? = nil) {
            state = VenueFetchState(venue: .binanceUSDM, policy: policy, maxRequests: maxRequests, clock: clock)
        }

        func transport(_ steps: [ScriptedTransport.Step]) -> ScriptedTransport {
            ScriptedTransport(steps, clock: clock)
        }

        func fetcher(_ transport: ScriptedTransport, retry: RetryPolicy = RetryPolicy(), seed: UInt64 = 7)
            -> ResilientFetcher
        {
            ResilientFetcher(
                transport: transport, venueState: state, retryPolicy: retry, random: SplitMix64(seed: seed))
        }
    }

    func get(_ fetcher: ResilientFetcher, weight: Double = 1) throws -> HTTPResponse {
        try fetcher.get(HTTPRequest(url: Self.url), weight: weight)
    }

    /// The `ResilientFetchError` that `body` throws, or nil (recording a failure) when it throws nothing or
    /// something else.
    func fetchError(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> HTTPResponse
    ) -> ResilientFetchError? {
        #expect(throws: ResilientFetchError.self, sourceLocation: sourceLocation) { _ = try body() }
    }

    // MARK: Retries

    @Test func serverErrorIsRetriedAfterAJitteredBackoff() throws {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 500), .respond(status: 502), .respond(status: 200)])

        let response = try get(harness.fetcher(transport))

        #expect(response.status == 200)
        #expect(transport.callCount == 3)
        let sleeps = harness.clock.sleeps
        #expect(sleeps.count == 2)
        // Full jitter under ceilings 0.5 and 1 s.
        #expect(sleeps[0] >= 0 && sleeps[0] <= 0.5)
        #expect(sleeps[1] >= 0 && sleeps[1] <= 1)
    }

    @Test func persistentServerErrorGivesUpAfterMaxAttemptsNamingThem() {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 503)])

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(
            error
                == ResilientFetchError(
                    venue: .binanceUSDM, url: Self.url, attempts: 4, kind: .status(503, body: "status 503")))
        #expect(transport.callCount == 4)
        #expect(harness.state.requestsSent == 4)
        let ceilings = [0.5, 1, 2]
        #expect(harness.clock.sleeps.count == 3)
        for (sleep, ceiling) in zip(harness.clock.sleeps, ceilings) {
            #expect(sleep >= 0 && sleep <= ceiling)
        }
    }

    @Test func jitterRepeatsFromTheSeedAndDiffersBetweenSeeds() {
        func sleeps(seed: UInt64) -> [Double] {
            let harness = Harness()
            _ = try? get(harness.fetcher(harness.transport([.respond(status: 504)]), seed: seed))
            return harness.clock.sleeps
        }
        #expect(sleeps(seed: 1) == sleeps(seed: 1))
        #expect(sleeps(seed: 1) != sleeps(seed: 2))
    }

    @Test func backoffCeilingDoublesUpToTheCap() {
        let policy = RetryPolicy(baseDelaySeconds: 0.5, maxDelaySeconds: 3)
        #expect((1...5).map(policy.backoffCeiling(afterAttempt:)) == [0.5, 1, 2, 3, 3])
    }

    @Test func totalBackoffIsBounded() {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 500)])
        // Ceilings 10, 20, 40 → 40 with no jitter would overrun 15 s by the second wait at the latest.
        let retry = RetryPolicy(maxAttempts: 10, baseDelaySeconds: 10, maxDelaySeconds: 40, maxTotalBackoffSeconds: 15)

        let error = fetchError { try get(harness.fetcher(transport, retry: retry)) }

        #expect(error?.kind == .status(500, body: "status 500"))
        #expect(harness.clock.sleeps.reduce(0, +) <= 15)
        #expect(transport.callCount < 10)
        #expect(error?.attempts == transport.callCount)
    }

    @Test func serviceUnavailableHonoursRetryAfter() throws {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 503, headers: ["Retry-After": "2"]), .respond(status: 200)])

        _ = try get(harness.fetcher(transport))

        #expect(harness.clock.sleeps == [2])
        #expect(transport.callTimes == [Self.start, Self.start + 0.05 + 2])
    }

    @Test func retryAfterLongerThanTheBackoffBudgetGivesUpAtOnce() {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 503, headers: ["Retry-After": "120"])])

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(
            error
                == ResilientFetchError(
                    venue: .binanceUSDM, url: Self.url, attempts: 1, kind: .status(503, body: "status 503")))
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test(arguments: [HTTPError.Kind.timeout, .connectionFailed, .transport(code: 56, message: "recv failure")])
    func transientTransportFailureIsRetried(kind: HTTPError.Kind) throws {
        let harness = Harness()
        let transport = harness.transport([.fail(kind), .respond(status: 200)])

        let response = try get(harness.fetcher(transport))

        #expect(response.status == 200)
        #expect(transport.callCount == 2)
    }

    @Test func persistentTimeoutGivesUpWithTheTransportError() {
        let harness = Harness()
        let transport = harness.transport([.fail(.timeout)])

        let error = fetchError { try get(harness.fetcher(transport)) }

        let cause = HTTPError(url: Self.url, kind: .timeout, detail: "scripted")
        #expect(error == ResilientFetchError(venue: .binanceUSDM, url: Self.url, attempts: 4, kind: .transport(cause)))
    }

    @Test(arguments: [
        HTTPError.Kind.bodyTooLarge(limit: 10), .headersTooLarge(limit: 10),
        .transport(code: 60, message: "SSL peer certificate was not OK"), .transport(code: 0, message: "no fixture"),
    ])
    func failureThatWouldRepeatIsNotRetried(kind: HTTPError.Kind) {
        let harness = Harness()
        let transport = harness.transport([.fail(kind)])

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(error?.kind == .transport(HTTPError(url: Self.url, kind: kind, detail: "scripted")))
        #expect(error?.attempts == 1)
        #expect(transport.callCount == 1)
    }

    @Test(arguments: [200, 204, 304, 400, 401, 404, 410])
    func otherStatusesAreReturnedWithoutRetry(status: Int) throws {
        let harness = Harness()
        let transport = harness.transport([.respond(status: status)])

        let response = try get(harness.fetcher(transport))

        #expect(response.status == status)
        #expect(transport.callCount == 1)
    }

    // MARK: 429

    @Test func tooManyRequestsPausesTheWholeVenueForRetryAfter() throws {
        let harness = Harness()
        let first = harness.transport([.respond(status: 429, headers: ["Retry-After": "7"])])
        let other = harness.transport([.respond(status: 200)])

        let error = fetchError { try get(harness.fetcher(first, retry: RetryPolicy(maxAttempts: 1))) }
        _ = try get(harness.fetcher(other))

        #expect(error?.kind == .status(429, body: "status 429"))
        // The other worker's request waits out the pause, which started when the 429 arrived.
        #expect(other.callTimes == [Self.start + 0.05 + 7])
    }

    @Test func tooManyRequestsIsRetriedAfterRetryAfter() throws {
        let harness = Harness()
        let transport = harness.transport([
            .respond(status: 429, headers: ["Retry-After": "Fri, 10 Oct 2025 05:20:40 GMT"]), .respond(status: 200),
        ])

        _ = try get(harness.fetcher(transport))

        // The HTTP date is 05:20:40, 30 s after the start (05:20:10).
        #expect(transport.callTimes == [Self.start, Self.start + 30])
    }

    @Test func tooManyRequestsWithoutRetryAfterBacksOff() throws {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 429), .respond(status: 200)])

        _ = try get(harness.fetcher(transport))

        #expect(transport.callCount == 2)
        let pause = transport.callTimes[1] - transport.callTimes[0] - 0.05
        #expect(pause >= 0 && pause <= 0.5 + 1e-9)
    }

    // MARK: 418, 451, 403

    @Test func banFailsEveryLaterRequestWithoutTouchingTheNetworkUntilItEnds() throws {
        let harness = Harness()
        let transport = harness.transport([
            .respond(status: 418, headers: ["Retry-After": "120"]), .respond(status: 200),
        ])
        let fetcher = harness.fetcher(transport)
        let otherWorker = harness.transport([.respond(status: 200)])
        let banEnd = Self.start + 0.05 + 120

        let first = fetchError { try get(fetcher) }
        let second = fetchError { try get(fetcher) }
        let fromOtherWorker = fetchError { try get(harness.fetcher(otherWorker)) }

        let banned = ResilientFetchError.Kind.banned(untilEpochSeconds: banEnd)
        #expect(first == ResilientFetchError(venue: .binanceUSDM, url: Self.url, attempts: 1, kind: banned))
        #expect(second == ResilientFetchError(venue: .binanceUSDM, url: Self.url, attempts: 0, kind: banned))
        #expect(fromOtherWorker?.attempts == 0)
        #expect(transport.callCount == 1)
        #expect(otherWorker.callCount == 0)
        #expect(harness.state.bannedUntil == banEnd)

        harness.clock.advance(by: 120)
        #expect(harness.state.bannedUntil == nil)
        #expect(try get(fetcher).status == 200)
        #expect(transport.callCount == 2)
    }

    @Test func banThatArrivesWhileAWorkerWaitsStopsItsRequest() {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 200)])
        harness.state.limiter?.pause(until: Self.start + 5)
        // Another worker is banned while this one waits out the pause.
        harness.clock.onNextSleep { [state = harness.state] in state.ban(until: Self.start + 100) }

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(error?.kind == .banned(untilEpochSeconds: Self.start + 100))
        #expect(error?.attempts == 0)
        #expect(transport.callCount == 0)
    }

    @Test func banWithoutRetryAfterLastsTheDefault() {
        let harness = Harness()
        let transport = harness.transport([.respond(status: 418)])

        let error = fetchError { try get(harness.fetcher(transport, retry: RetryPolicy(defaultBanSeconds: 300))) }

        #expect(error?.kind == .banned(untilEpochSeconds: Self.start + 0.05 + 300))
    }

    @Test(arguments: [451, 403])
    func geoBlockIsReportedAfterOneRequest(status: Int) {
        let harness = Harness()
        let transport = harness.transport([.respond(status: status), .respond(status: 200)])

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(
            error
                == ResilientFetchError(
                    venue: .binanceUSDM, url: Self.url, attempts: 1,
                    kind: .geoBlocked(status: status, body: "status \(status)")))
        #expect(transport.callCount == 1)
    }

    // MARK: Budget

    @Test func budgetCountsEveryRequestAndRefusesBeyondIt() throws {
        let harness = Harness(maxRequests: 3)
        let transport = harness.transport([.respond(status: 500), .respond(status: 200)])
        let fetcher = harness.fetcher(transport)

        _ = try get(fetcher)  // 500, then 200: two requests
        _ = try get(fetcher)
        let error = fetchError { try get(fetcher) }

        #expect(
            error
                == ResilientFetchError(
                    venue: .binanceUSDM, url: Self.url, attempts: 0, kind: .budgetExhausted(maxRequests: 3)))
        #expect(transport.callCount == 3)
        #expect(harness.state.requestsSent == 3)
    }

    @Test func budgetEndsRetries() {
        let harness = Harness(maxRequests: 2)
        let transport = harness.transport([.respond(status: 500)])

        let error = fetchError { try get(harness.fetcher(transport)) }

        #expect(error?.kind == .budgetExhausted(maxRequests: 2))
        #expect(error?.attempts == 2)
        #expect(transport.callCount == 2)
    }

    // MARK: Pacing

    @Test func usageHeadersOfResponsesReachTheLimiter() throws {
        let policy = RateLimitPolicy(
            capacity: 2400, windowSeconds: 60, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M"))
        let harness = Harness(policy: policy)
        let transport = harness.transport([.respond(status: 200, headers: ["X-MBX-USED-WEIGHT-1M": "2270"])])
        let fetcher = harness.fetcher(transport)

        _ = try get(fetcher, weight: 5)
        _ = try get(fetcher, weight: 20)

        // 2270 + 20 > 2280: the second request waits for the next minute (05:21:00) plus the 0.25 s margin.
        #expect(transport.callTimes == [Self.start, 1_760_073_660.25])
    }

    @Test func unpacedVenueSendsWithoutWaitingAndItsWorkerWaitsOutA429Alone() throws {
        let harness = Harness(policy: nil)
        let transport = harness.transport([
            .respond(status: 200), .respond(status: 200), .respond(status: 429, headers: ["Retry-After": "3"]),
            .respond(status: 200),
        ])
        let fetcher = harness.fetcher(transport)

        for _ in 0..<3 {
            _ = try get(fetcher, weight: 1000)
        }

        #expect(harness.clock.sleeps == [3])
        #expect(transport.callCount == 4)
    }
}
