import LiqFetch
import LiqTestSupport
import Testing

/// Every request goes to a `LoopbackHTTPServer` on 127.0.0.1 (or a refusing loopback port), with environment
/// proxies switched off, so no test can reach another address.
@Suite struct CurlHTTPClientTests {
    static let userAgent = "liqpipe/0.0.0-test"
    /// Generous for loopback, yet short enough that a hang fails the test quickly.
    static let timeouts = HTTPTimeouts(connectSeconds: 2, totalSeconds: 5)

    func makeClient(maxRedirects: Int = 0) -> CurlHTTPClient {
        CurlHTTPClient(userAgent: Self.userAgent, maxRedirects: maxRedirects, usesEnvironmentProxy: false)
    }

    func request(_ url: String, maxBodyBytes: Int = 1024 * 1024, maxHeaderBytes: Int = 64 * 1024) -> HTTPRequest {
        HTTPRequest(url: url, timeouts: Self.timeouts, maxBodyBytes: maxBodyBytes, maxHeaderBytes: maxHeaderBytes)
    }

    /// Runs `body` and returns the `HTTPError` it throws, or nil (recording a failure at the caller) when it throws
    /// nothing or something else.
    func httpError(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> HTTPResponse
    ) -> HTTPError? {
        #expect(throws: HTTPError.self, sourceLocation: sourceLocation) { _ = try body() }
    }

    @Test func returnsStatusHeadersAndBody() throws {
        let server = try LoopbackHTTPServer { request in
            CannedResponse(
                headers: [("Content-Type", "application/json"), ("X-Echo-Target", request.target)],
                text: #"{"ok":true}"#)
        }
        defer { server.stop() }
        let url = server.baseURL + "/fapi/v1/ping?symbol=BTCUSDT"
        var get = request(url)
        get.headers = ["X-MBX-APIKEY": "key-1", "X-Empty": ""]

        let response = try makeClient().get(get)

        #expect(response.status == 200)
        #expect(response.url == url)
        #expect(response.body == Array(#"{"ok":true}"#.utf8))
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["X-Echo-Target"] == "/fapi/v1/ping?symbol=BTCUSDT")
        #expect(response.headers["Content-Length"] == "11")
        #expect(response.elapsedSeconds > 0 && response.elapsedSeconds < Self.timeouts.totalSeconds)
        let received = try #require(server.receivedRequests.first)
        #expect(server.receivedRequests.count == 1)
        #expect(received.method == "GET")
        #expect(received.target == "/fapi/v1/ping?symbol=BTCUSDT")
        #expect(received.header("User-Agent") == Self.userAgent)
        #expect(received.header("X-MBX-APIKEY") == "key-1")
        #expect(received.header("X-Empty") == "")
        #expect(received.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test(arguments: [404, 418, 429, 500, 503])
    func returnsErrorStatusesInsteadOfThrowing(status: Int) throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(status: status, text: "status \(status)") }
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/status"))

        #expect(response.status == status)
        #expect(response.body == Array("status \(status)".utf8))
    }

    @Test(arguments: ["Retry-After", "retry-after", "RETRY-AFTER", "rEtRy-aFtEr"])
    func readsRetryAfterInAnyCase(name: String) throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(status: 429, headers: [("retry-AFTER", "7")], text: "slow down")
        }
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/limited"))

        #expect(response.status == 429)
        #expect(response.headers[name] == "7")
    }

    @Test func keepsRepeatedHeadersInOrderWithTheirSpelling() throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(
                headers: [
                    ("X-Multi", "a"), ("x-multi", "b"), ("X-Other", "o"), ("X-MULTI", "c"), ("X-Padded", "  v w  "),
                ]
            )
        }
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/headers"))

        #expect(response.headers.values(for: "x-MULTI") == ["a", "b", "c"])
        #expect(response.headers["X-MULTI"] == "a")
        #expect(
            response.headers.fields.filter { $0.name.lowercased() == "x-multi" }.map(\.name) == [
                "X-Multi", "x-multi", "X-MULTI",
            ])
        #expect(
            response.headers.fields.map(\.name).prefix(5) == ["X-Multi", "x-multi", "X-Other", "X-MULTI", "X-Padded"])
        #expect(response.headers["x-padded"] == "v w")
        #expect(response.headers["X-Missing"] == nil)
    }

    @Test func decodesGzipBody() throws {
        let original = Array(
            String(repeating: #"{"symbol":"BTCUSDT","price":"64000.10","qty":"0.002"},"#, count: 200).utf8)
        let compressed = Gzip.compress(original)
        #expect(compressed.starts(with: [0x1f, 0x8b]))  // gzip magic (RFC 1952)
        #expect(compressed.count < original.count / 10)
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
        }
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/archive"))

        #expect(response.body == original)
    }

    @Test func refusedConnectionIsConnectionFailedNamingTheURL() throws {
        let refusing = try RefusingLoopbackPort()
        let url = "http://127.0.0.1:\(refusing.port)/fapi/v1/ping"

        let error = httpError { try makeClient().get(request(url)) }

        #expect(error?.kind == .connectionFailed)
        #expect(error?.url == url)
        #expect(error?.description.contains(url) == true)
        #expect(error?.detail.isEmpty == false)
    }

    @Test func slowServerTimesOut() throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(body: Array("late".utf8), delaySeconds: 3) }
        defer { server.stop() }
        var get = request(server.baseURL + "/slow")
        get.timeouts.totalSeconds = 0.3
        let clock = ContinuousClock()
        let started = clock.now

        let error = httpError { try makeClient().get(get) }

        #expect(error?.kind == .timeout)
        #expect(error?.url == get.url)
        #expect(clock.now - started < .seconds(2))
    }

    /// The body is 100 bytes in one piece, or 1,000,000 bytes that arrive in many write callbacks.
    @Test(arguments: [(100, 99), (100, 100), (1_000_000, 65_536), (1_000_000, 1_000_000)])
    func enforcesBodyLimit(bodyBytes: Int, limit: Int) throws {
        let body = (0..<bodyBytes).map { UInt8(truncatingIfNeeded: $0) }
        let server = try LoopbackHTTPServer { _ in CannedResponse(body: body) }
        defer { server.stop() }
        let get = request(server.baseURL + "/big", maxBodyBytes: limit)

        if bodyBytes > limit {
            let error = httpError { try makeClient().get(get) }
            #expect(error?.kind == .bodyTooLarge(limit: limit))
        } else {
            #expect(try makeClient().get(get).body == body)
        }
    }

    /// 40 headers of about 100 bytes each: roughly 4 KiB of header lines.
    @Test(arguments: [1024, 8192])
    func enforcesHeaderLimit(limit: Int) throws {
        let headers = (0..<40).map { (name: "X-Filler-\($0)", value: String(repeating: "f", count: 86)) }
        let server = try LoopbackHTTPServer { _ in CannedResponse(headers: headers, text: "ok") }
        defer { server.stop() }
        let get = request(server.baseURL + "/headers", maxHeaderBytes: limit)

        if limit < 4000 {
            let error = httpError { try makeClient().get(get) }
            #expect(error?.kind == .headersTooLarge(limit: limit))
        } else {
            #expect(try makeClient().get(get).headers.values(for: "X-Filler-39").count == 1)
        }
    }

    /// CURLE_PARTIAL_FILE is 18 (libcurl-errors(3)): the connection ended before `Content-Length` bytes arrived.
    @Test(arguments: [CannedResponse.Fault.closeMidBody(afterBytes: 40), .contentLength(150)])
    func brokenTransferIsTransportError(fault: CannedResponse.Fault) throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(body: [UInt8](repeating: 0x41, count: 100), fault: fault)
        }
        defer { server.stop() }
        let url = server.baseURL + "/broken"

        let error = httpError { try makeClient().get(request(url)) }

        guard case .transport(let code, let message) = error?.kind else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(code == 18)
        #expect(!message.isEmpty)
        #expect(error?.description.contains(url) == true)
    }

    /// A `Content-Length` shorter than the body is indistinguishable from a short body at this layer: the client
    /// returns exactly the declared bytes, so payload decoders must validate what they get.
    @Test func shortContentLengthTruncatesBody() throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(body: Array("0123456789".utf8), fault: .contentLength(5))
        }
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/short"))

        #expect(response.body == Array("01234".utf8))
    }

    /// One client keeps its connection across requests; when the server closes after each response, the same client
    /// must open a new connection and still succeed.
    @Test(arguments: [(false, 1, [0, 0]), (true, 2, [0, 1])])
    func reusesItsConnection(serverCloses: Bool, expectedConnections: Int, expectedIndexes: [Int]) throws {
        let server = try LoopbackHTTPServer { request in
            CannedResponse(status: 200, body: Array(request.target.utf8), closesConnection: serverCloses)
        }
        defer { server.stop() }
        let client = makeClient()

        let first = try client.get(request(server.baseURL + "/first"))
        let second = try client.get(request(server.baseURL + "/second"))

        #expect(first.body == Array("/first".utf8))
        #expect(second.body == Array("/second".utf8))
        #expect(server.acceptedConnectionCount == expectedConnections)
        #expect(server.receivedRequests.map(\.connectionIndex) == expectedIndexes)
    }

    @Test func separateClientsUseSeparateConnections() throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(text: "ok") }
        defer { server.stop() }

        _ = try makeClient().get(request(server.baseURL + "/a"))
        _ = try makeClient().get(request(server.baseURL + "/b"))

        #expect(server.acceptedConnectionCount == 2)
    }

    @Test func returnsRedirectsUnfollowedByDefault() throws {
        let server = try LoopbackHTTPServer(handler: Self.redirectingHandler)
        defer { server.stop() }

        let response = try makeClient().get(request(server.baseURL + "/start"))

        #expect(response.status == 302)
        #expect(response.headers["Location"] == "/final")
        #expect(server.receivedRequests.map(\.target) == ["/start"])
    }

    @Test func followsBoundedRedirectsKeepingOnlyTheFinalHeaders() throws {
        let server = try LoopbackHTTPServer(handler: Self.redirectingHandler)
        defer { server.stop() }

        let response = try makeClient(maxRedirects: 2).get(request(server.baseURL + "/start"))

        #expect(response.status == 200)
        #expect(response.url == server.baseURL + "/final")
        #expect(response.body == Array("done".utf8))
        #expect(response.headers["X-Hop"] == nil)
        #expect(response.headers["X-Final"] == "yes")
        #expect(server.receivedRequests.map(\.target) == ["/start", "/final"])
    }

    /// CURLE_TOO_MANY_REDIRECTS is 47 (libcurl-errors(3)).
    @Test func stopsAfterMaxRedirects() throws {
        let server = try LoopbackHTTPServer(handler: Self.redirectingHandler)
        defer { server.stop() }

        let error = httpError { try makeClient(maxRedirects: 3).get(request(server.baseURL + "/loop")) }

        #expect(error?.kind == .transport(code: 47, message: "Number of redirects hit maximum amount"))
        #expect(server.receivedRequests.count == 4)
    }

    /// CURLE_UNSUPPORTED_PROTOCOL is 1: only http and https may be fetched, so a URL taken from a payload can never
    /// read a local file.
    @Test func refusesNonHTTPSchemes() {
        let error = httpError { try makeClient().get(request("file:///etc/hostname")) }

        guard case .transport(let code, _) = error?.kind else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(code == 1)
    }

    @Sendable static func redirectingHandler(_ request: ReceivedRequest) -> CannedResponse {
        switch request.target {
        case "/start": CannedResponse(status: 302, headers: [("Location", "/final"), ("X-Hop", "1")])
        case "/loop": CannedResponse(status: 302, headers: [("Location", "/loop")])
        default: CannedResponse(headers: [("X-Final", "yes")], text: "done")
        }
    }
}
