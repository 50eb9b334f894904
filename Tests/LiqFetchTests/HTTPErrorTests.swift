import LiqFetch
import Testing

@Suite struct HTTPErrorTests {
    static let url = "https://fapi.binance.com/fapi/v1/allForceOrders?symbol=BTCUSDT"

    @Test(arguments: [
        (HTTPError.Kind.timeout, "timed out"),
        (.connectionFailed, "could not connect"),
        (.bodyTooLarge(limit: 1024), "body larger than 1024 bytes"),
        (.headersTooLarge(limit: 512), "headers larger than 512 bytes"),
        (.transport(code: 18, message: "Transferred a partial file"), "libcurl error 18, Transferred a partial file"),
    ])
    func descriptionNamesURLAndKind(kind: HTTPError.Kind, summary: String) {
        let error = HTTPError(url: Self.url, kind: kind)
        #expect(error.description == "GET \(Self.url) failed: \(summary)")
    }

    @Test func descriptionAddsLibcurlDetail() {
        let error = HTTPError(url: Self.url, kind: .timeout, detail: "Operation timed out after 300 milliseconds")
        #expect(error.description == "GET \(Self.url) failed: timed out (Operation timed out after 300 milliseconds)")
    }
}
