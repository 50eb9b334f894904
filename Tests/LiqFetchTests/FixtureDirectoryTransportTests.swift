import LiqCore
import LiqFetch
import Testing

@Suite struct FixtureDirectoryTransportTests {
    static let body = #"{"code":"0","msg":"","data":[]}"#

    @Test func queryBecomesTheFileName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.body, to: "root/a/b/x=1&y=2.json")
        try directory.write("wrong file", to: "root/a/b/index.json")
        let transport = FixtureDirectoryTransport(rootDirectory: directory.path + "/root")

        let response = try transport.get(HTTPRequest(url: "fixtures:/a/b?x=1&y=2"))

        #expect(response.status == 200)
        #expect(response.url == "fixtures:/a/b?x=1&y=2")
        #expect(response.body == Array(Self.body.utf8))
        #expect(response.headers["content-type"] == "application/json")
    }

    @Test(arguments: ["fixtures:/a/b", "fixtures:/a/b?"])
    func noQueryIsTheIndexFile(url: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.body, to: "a/b/index.json")
        let response = try FixtureDirectoryTransport(rootDirectory: directory.path).get(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(response.body == Array(Self.body.utf8))
    }

    @Test func venueRequestsMapOntoTheDocumentedLayout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            Self.body, to: "api/v5/public/liquidation-orders/instType=SWAP&uly=BTC-USDT&state=filled&limit=100.json")
        let request = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 100)
        let url = request.url(baseURL: FixtureDirectoryTransport.baseURL)
        #expect(url == "fixtures:/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled&limit=100")
        let response = try FixtureDirectoryTransport(rootDirectory: directory.path).get(HTTPRequest(url: url))
        #expect(response.status == 200)
    }

    @Test func missingFileIsA404() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.body, to: "a/b/x=1.json")
        let response = try FixtureDirectoryTransport(rootDirectory: directory.path).get(
            HTTPRequest(url: "fixtures:/a/b?x=2"))
        #expect(response.status == 404)
        #expect(response.body.isEmpty)
    }

    @Test func fileOverTheBodyLimitIsBodyTooLarge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write([UInt8](repeating: 0x20, count: 100), to: "big/index.json")
        let transport = FixtureDirectoryTransport(rootDirectory: directory.path)

        #expect(try transport.get(HTTPRequest(url: "fixtures:/big", maxBodyBytes: 100)).body.count == 100)
        let error = #expect(throws: HTTPError.self) {
            try transport.get(HTTPRequest(url: "fixtures:/big", maxBodyBytes: 99))
        }
        #expect(error == HTTPError(url: "fixtures:/big", kind: .bodyTooLarge(limit: 99), detail: file))
    }

    /// With the root at `<tmp>/root`, each URL would resolve to a file under `<tmp>` that exists.
    @Test(arguments: ["fixtures:/a/../../outside", "fixtures:/../outside?x=1", "fixtures:/a?/../../outside"])
    func pathsClimbingOutOfTheRootAreRefused(url: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("secret", to: "outside/index.json")
        try directory.write("secret", to: "outside/x=1.json")
        try directory.write("secret", to: "outside.json")
        try directory.write("inside", to: "root/a/index.json")  // so `root/a/..` resolves
        let transport = FixtureDirectoryTransport(rootDirectory: directory.path + "/root")
        let error = #expect(throws: HTTPError.self) { try transport.get(HTTPRequest(url: url)) }
        #expect(error?.kind == .transport(code: 0, message: "path climbs out of the fixture directory"))
    }

    @Test func urlsOutsideThePseudoBaseAreRefused() throws {
        let transport = FixtureDirectoryTransport(rootDirectory: "/nonexistent")
        let error = #expect(throws: HTTPError.self) {
            try transport.get(HTTPRequest(url: "https://www.okx.com/api/v5/public/instruments"))
        }
        #expect(error?.kind == .transport(code: 0, message: "not a fixtures: URL"))
    }
}
