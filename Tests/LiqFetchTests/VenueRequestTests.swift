import LiqCore
import LiqFetch
import Testing

@Suite struct VenueRequestTests {
    static func request(_ query: [VenueRequest.QueryItem], path: String = "/fapi/v1/fundingRate") -> VenueRequest {
        VenueRequest(venue: .binanceUSDM, feed: .funding, path: path, query: query)
    }

    @Test(arguments: [
        ("BTC-USDT_SWAP.1~", "BTC-USDT_SWAP.1~"),  // RFC 3986 unreserved: kept
        ("AZaz09", "AZaz09"),
        ("a b", "a%20b"),
        ("x&y=z", "x%26y%3Dz"),
        ("!forceOrder@arr", "%21forceOrder%40arr"),
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
        ("+1%", "%2B1%25"),
        ("\n\u{1}", "%0A%01"),  // single hex digit padded to two
        ("é€", "%C3%A9%E2%82%AC"),  // UTF-8 bytes, upper-case hex
        ("", ""),
    ])
    func valuesArePercentEncoded(value: String, encoded: String) {
        #expect(Self.request([.init("v", value)]).queryString == "v=" + encoded)
    }

    @Test func namesAreEncodedAndOrderIsKept() {
        let request = Self.request([.init("symbol", "BTCUSDT"), .init("a b", "1"), .init("limit", "1000")])
        #expect(request.queryString == "symbol=BTCUSDT&a%20b=1&limit=1000")
    }

    @Test(arguments: ["https://fapi.binance.com", "https://fapi.binance.com/"])
    func urlJoinsBaseAndPathWithOneSlash(base: String) {
        #expect(
            Self.request([.init("symbol", "BTCUSDT"), .init("limit", "5")]).url(baseURL: base)
                == "https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&limit=5")
        #expect(Self.request([]).url(baseURL: base) == "https://fapi.binance.com/fapi/v1/fundingRate")
    }

    @Test func urlUnderAProxyPrefix() {
        #expect(
            Self.request([.init("instId", "BTC-USD-SWAP")], path: "/api/v5/public/funding-rate").url(
                baseURL: "http://127.0.0.1:8080/okx/")
                == "http://127.0.0.1:8080/okx/api/v5/public/funding-rate?instId=BTC-USD-SWAP")
    }
}
