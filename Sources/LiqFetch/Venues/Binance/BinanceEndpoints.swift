public import LiqCore

/// The public Binance futures REST requests we make. USDⓈ-M lives under `/fapi` and `/futures/data`, COIN-M under
/// `/dapi`; only the paths differ, the payload shapes are shared.
public enum BinanceEndpoints {
    /// Default production base URL per venue; specs may override it (mirrors, proxies, loopback tests).
    public static func defaultBaseURL(_ venue: Venue) -> String {
        venue == .binanceCOINM ? "https://dapi.binance.com" : "https://fapi.binance.com"
    }

    static func prefix(_ venue: Venue) -> String { venue == .binanceCOINM ? "/dapi/v1" : "/fapi/v1" }

    /// All symbols with base/quote/margin assets and contract type (and COIN-M contract sizes).
    public static func exchangeInfo(_ venue: Venue) -> VenueRequest {
        VenueRequest(venue: venue, feed: nil, path: prefix(venue) + "/exchangeInfo", query: [])
    }

    /// Open interest history (`period` 5m…1d, at most 500 rows, only the last 30 days exist).
    public static func openInterestHistory(_ venue: Venue, symbol: String, period: String, limit: Int)
        -> VenueRequest
    {
        VenueRequest(
            venue: venue, feed: .openInterest, path: "/futures/data/openInterestHist",
            query: [.init("symbol", symbol), .init("period", period), .init("limit", String(limit))])
    }

    /// Settled funding rates, most recent `limit` (≤ 1000).
    public static func fundingRateHistory(_ venue: Venue, symbol: String, limit: Int) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: .funding, path: prefix(venue) + "/fundingRate",
            query: [.init("symbol", symbol), .init("limit", String(limit))])
    }

    /// Mark price and the running (predicted) funding rate of one symbol.
    public static func premiumIndex(_ venue: Venue, symbol: String) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: .funding, path: prefix(venue) + "/premiumIndex", query: [.init("symbol", symbol)])
    }

    /// Symbols whose funding interval differs from the default 8 hours.
    public static func fundingInfo(_ venue: Venue) -> VenueRequest {
        VenueRequest(venue: venue, feed: .funding, path: prefix(venue) + "/fundingInfo", query: [])
    }
}
