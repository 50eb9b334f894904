import LiqCore
import LiqFetch
import LiqTestSupport
import Synchronization
import Testing

/// The fetcher over the real libcurl client against a scripted server on 127.0.0.1, on the real clock. Delays are
/// tenths of a second so the suite stays fast.
@Suite struct ResilientFetcherLoopbackTests {
    static let timeouts = HTTPTimeouts(connectSeconds: 2, totalSeconds: 3)
    static let retry = RetryPolicy(baseDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalBackoffSeconds: 5)
    static let roomyPolicy = RateLimitPolicy(capacity: 1000, windowSeconds: 1, usageReport: .none)

    /// Serves its responses in order, repeating the last, and notes when each request arrived.
    final class Script: Sendable {
        private let responses: [CannedResponse]
        private let arrivals = Mutex<[Double]>([])

        init(_ responses: [CannedResponse]) {
            self.responses = responses
        }

        func respond(to _: ReceivedRequest) -> CannedResponse {
            let index = arrivals.withLock { arrivals in
                arrivals.append(SystemFetchClock().now())
                return arrivals.count - 1
            }
            return responses[min(index, responses.count - 1)]
        }

        var arrivalTimes: [Double] { arrivals.withLock { $0 } }
    }

    /// A server playing `responses`, a venue state for it, and a fetcher (one worker) over a fresh libcurl client.
    struct Setup {
        let script: Script
        let server: LoopbackHTTPServer
        let state = VenueFetchState(venue: .binanceUSDM, policy: ResilientFetcherLoopbackTests.roomyPolicy)

        init(_ responses: [CannedResponse]) throws {
            let script = Script(responses)
            self.script = script
            server = try LoopbackHTTPServer { script.respond(to: $0) }
        }

        func makeFetcher() -> ResilientFetcher {
            ResilientFetcher(
                transport: CurlHTTPClient(userAgent: "liqpipe/0.0.0-test", usesEnvironmentProxy: false),
                venueState: state, retryPolicy: ResilientFetcherLoopbackTests.retry)
        }

        func request(totalSeconds: Double = ResilientFetcherLoopbackTests.timeouts.totalSeconds) -> HTTPRequest {
            var timeouts = ResilientFetcherLoopbackTests.timeouts
            timeouts.totalSeconds = totalSeconds
            return HTTPRequest(url: server.baseURL + "/fapi/v1/openInterest?symbol=BTCUSDT", timeouts: timeouts)
        }
    }

    func fetchError(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> HTTPResponse
    ) -> ResilientFetchError? {
        #expect(throws: ResilientFetchError.self, sourceLocation: sourceLocation) { _ = try body() }
    }

    @Test func okIsReturnedAfterOneRequest() throws {
        let setup = try Setup([CannedResponse(text: #"{"openInterest":"10659.509"}"#)])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(), weight: 1)

        #expect(response.status == 200)
        #expect(response.body == Array(#"{"openInterest":"10659.509"}"#.utf8))
        #expect(setup.server.receivedRequests.count == 1)
    }

    @Test func tooManyRequestsIsRetriedAfterRetryAfter() throws {
        let setup = try Setup([
            CannedResponse(status: 429, headers: [("Retry-After", "0.3")], text: "slow down"),
            CannedResponse(text: "ok"),
        ])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(), weight: 1)

        #expect(response.body == Array("ok".utf8))
        let arrivals = setup.script.arrivalTimes
        #expect(arrivals.count == 2)
        // The wait counts from the 429's arrival at the client, a little after the first request reached the server.
        #expect(arrivals[1] - arrivals[0] >= 0.3)
    }

    @Test func banIsReportedAndTheNextRequestIsNotSent() throws {
        let setup = try Setup([CannedResponse(status: 418, headers: [("Retry-After", "60")]), CannedResponse()])
        defer { setup.server.stop() }

        let first = fetchError { try setup.makeFetcher().get(setup.request(), weight: 1) }
        let second = fetchError { try setup.makeFetcher().get(setup.request(), weight: 1) }

        guard case .banned(let until) = first?.kind else {
            Issue.record("expected a ban, got \(String(describing: first))")
            return
        }
        #expect(until > SystemFetchClock().now() + 55)
        #expect(first?.attempts == 1)
        #expect(second?.kind == .banned(untilEpochSeconds: until))
        #expect(second?.attempts == 0)
        #expect(setup.server.receivedRequests.count == 1)
    }

    @Test(arguments: [451, 403])
    func geoBlockIsReportedAfterOneRequest(status: Int) throws {
        let setup = try Setup([CannedResponse(status: status, text: "restricted location"), CannedResponse()])
        defer { setup.server.stop() }

        let error = fetchError { try setup.makeFetcher().get(setup.request(), weight: 1) }

        #expect(error?.kind == .geoBlocked(status: status, body: "restricted location"))
        #expect(error?.url == setup.request().url)
        #expect(setup.server.receivedRequests.count == 1)
    }

    @Test(arguments: [500, 503])
    func serverErrorIsRetriedUntilSuccess(status: Int) throws {
        let setup = try Setup([CannedResponse(status: status), CannedResponse(status: status), CannedResponse()])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(), weight: 1)

        #expect(response.status == 200)
        #expect(setup.server.receivedRequests.count == 3)
    }

    @Test func persistentServiceUnavailableGivesUpWithTheAttemptCount() throws {
        let setup = try Setup([CannedResponse(status: 503)])
        defer { setup.server.stop() }

        let error = fetchError { try setup.makeFetcher().get(setup.request(), weight: 1) }

        #expect(
            error
                == ResilientFetchError(
                    venue: .binanceUSDM, url: setup.request().url, attempts: 4, kind: .status(503, body: ""))
        )
        #expect(setup.server.receivedRequests.count == 4)
    }

    @Test func slowResponseTimesOutAndIsRetried() throws {
        let setup = try Setup([CannedResponse(body: Array("late".utf8), delaySeconds: 2), CannedResponse(text: "ok")])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(totalSeconds: 0.3), weight: 1)

        #expect(response.body == Array("ok".utf8))
        #expect(setup.server.receivedRequests.count == 2)
    }

    @Test func connectionResetMidBodyIsRetried() throws {
        let body = Array(#"[{"symbol":"BTCUSDT","sumOpenInterest":"86107.1"}]"#.utf8)
        let setup = try Setup([
            CannedResponse(body: body, fault: .closeMidBody(afterBytes: 10)), CannedResponse(body: body),
        ])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(), weight: 1)

        #expect(response.body == body)
        #expect(setup.server.receivedRequests.count == 2)
        #expect(setup.server.acceptedConnectionCount == 2)
    }

    @Test func gzipBodyIsDecoded() throws {
        let original = Array(String(repeating: #"{"fundingRate":"0.00010000"},"#, count: 100).utf8)
        let setup = try Setup([CannedResponse(headers: [("Content-Encoding", "gzip")], body: Gzip.compress(original))])
        defer { setup.server.stop() }

        let response = try setup.makeFetcher().get(setup.request(), weight: 1)

        #expect(response.body == original)
    }
}
