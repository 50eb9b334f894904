import LiqFetch
import Testing

@Suite struct ResilientFetchErrorTests {
    static let url = "https://fapi.binance.com/fapi/v1/openInterest?symbol=BTCUSDT"

    @Test(arguments: [
        (
            ResilientFetchError.Kind.banned(untilEpochSeconds: 1_760_073_720.4), 1,
            "venue banned this IP (HTTP 418) until 2025-10-10T05:22:01Z (1 attempt)"
        ),
        (
            .banned(untilEpochSeconds: 1_760_073_720), 0,
            "venue banned this IP (HTTP 418) until 2025-10-10T05:22:00Z (not sent)"
        ),
        (.geoBlocked(status: 451, body: ""), 1, "HTTP 451, requests from this region are refused (1 attempt)"),
        (.budgetExhausted(maxRequests: 500), 0, "request budget of 500 for this run is spent (not sent)"),
        (.status(503, body: ""), 4, "HTTP 503 (4 attempts)"),
        (
            .status(500, body: #"{"code":-1001,"msg":"Internal error"}"#), 2,
            #"HTTP 500: {"code":-1001,"msg":"Internal error"} (2 attempts)"#
        ),
        (
            .transport(HTTPError(url: url, kind: .timeout, detail: "Operation timed out after 300 milliseconds")), 4,
            "timed out (Operation timed out after 300 milliseconds) (4 attempts)"
        ),
    ])
    func descriptionNamesVenueURLWhatHappenedAndAttempts(kind: ResilientFetchError.Kind, attempts: Int, tail: String) {
        let error = ResilientFetchError(venue: .binanceUSDM, url: Self.url, attempts: attempts, kind: kind)
        #expect(error.description == "binance-usdm GET \(Self.url): \(tail)")
    }
}
