import LiqCore

/// The public BitMEX REST requests we make (`/api/v1`). Answers are bare JSON arrays with ISO 8601 timestamps;
/// refusals are `{"error":{"message":…,"name":…}}`.
public enum BitMEXEndpoints {
    public static let defaultBaseURL = "https://www.bitmex.com"

    /// Every active instrument with its contract terms and live state (open interest, funding, mark) in one
    /// answer: with 30 requests a minute, one list beats a request per symbol.
    public static func activeInstruments() -> VenueRequest {
        VenueRequest(venue: .bitmex, feed: nil, path: "/api/v1/instrument/active", query: [])
    }

    /// Settled funding of one perpetual, newest first, `count` rows from offset `start`.
    public static func fundingHistory(symbol: String, count: Int, start: Int) -> VenueRequest {
        VenueRequest(
            venue: .bitmex, feed: .funding, path: "/api/v1/funding",
            query: [
                .init("symbol", symbol), .init("reverse", "true"), .init("count", String(count)),
                .init("start", String(start)),
            ])
    }

    /// Trade buckets of one instrument (`binSize` 1m, 5m, 1h or 1d), newest first, `count` rows from offset
    /// `start`; only completed buckets (BitMEX sends the running one only with `partial=true`).
    public static func tradeBuckets(symbol: String, binSize: String, count: Int, start: Int) -> VenueRequest {
        VenueRequest(
            venue: .bitmex, feed: .priceBars, path: "/api/v1/trade/bucketed",
            query: [
                .init("binSize", binSize), .init("symbol", symbol), .init("reverse", "true"),
                .init("count", String(count)), .init("start", String(start)),
            ])
    }
}
