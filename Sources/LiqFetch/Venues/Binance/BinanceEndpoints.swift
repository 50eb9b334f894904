public import LiqCore

/// The public Binance futures REST requests we make. USDⓈ-M lives under `/fapi` and `/futures/data`, COIN-M under
/// `/dapi` and its own `/futures/data`; the payload shapes are shared except where noted. Every request carries
/// its documented weight (`BinanceRequestWeight`).
public enum BinanceEndpoints {
    /// Default production base URL per venue; specs may override it (mirrors, proxies, loopback tests).
    public static func defaultBaseURL(_ venue: Venue) -> String {
        venue == .binanceCOINM ? "https://dapi.binance.com" : "https://fapi.binance.com"
    }

    static func prefix(_ venue: Venue) -> String { venue == .binanceCOINM ? "/dapi/v1" : "/fapi/v1" }

    /// All symbols with base/quote/margin assets and contract type (and COIN-M contract sizes).
    public static func exchangeInfo(_ venue: Venue) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: nil, path: prefix(venue) + "/exchangeInfo", query: [],
            weight: BinanceRequestWeight.exchangeInfo)
    }

    /// USDⓈ-M open interest history of one symbol (`period` 5m…1d, at most 500 rows, only the last 30 days).
    public static func openInterestHistory(_ venue: Venue, symbol: String, period: String, limit: Int)
        -> VenueRequest
    {
        VenueRequest(
            venue: venue, feed: .openInterest, path: "/futures/data/openInterestHist",
            query: [.init("symbol", symbol), .init("period", period), .init("limit", String(limit))],
            weight: BinanceRequestWeight.openInterestHistory(venue))
    }

    /// COIN-M open interest history, keyed by `pair` (`BTCUSD`) and `contractType` (`PERPETUAL`, …) instead of a
    /// symbol; rows count contracts and value them in the base coin.
    public static func coinMarginedOpenInterestHistory(pair: String, contractType: String, period: String, limit: Int)
        -> VenueRequest
    {
        VenueRequest(
            venue: .binanceCOINM, feed: .openInterest, path: "/futures/data/openInterestHist",
            query: [
                .init("pair", pair), .init("contractType", contractType), .init("period", period),
                .init("limit", String(limit)),
            ], weight: BinanceRequestWeight.openInterestHistory(.binanceCOINM))
    }

    /// Current open interest of one symbol (base units on USDⓈ-M, contracts on COIN-M).
    public static func openInterest(_ venue: Venue, symbol: String) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: .openInterest, path: prefix(venue) + "/openInterest", query: [.init("symbol", symbol)],
            weight: BinanceRequestWeight.openInterest)
    }

    /// Settled funding rates of one symbol, ascending. Without a window Binance returns the newest `limit`
    /// (≤ 1000); with `startTime` and `endTime` (both inclusive, ms) the rows between them, at most `limit` from
    /// `startTime` on.
    public static func fundingRateHistory(
        _ venue: Venue, symbol: String, limit: Int, window: ClosedRange<Int64>? = nil
    ) -> VenueRequest {
        var query: [VenueRequest.QueryItem] = [.init("symbol", symbol)]
        if let window {
            query += [.init("startTime", String(window.lowerBound)), .init("endTime", String(window.upperBound))]
        }
        query.append(.init("limit", String(limit)))
        return VenueRequest(
            venue: venue, feed: .funding, path: prefix(venue) + "/fundingRate", query: query,
            weight: BinanceRequestWeight.funding(venue))
    }

    /// Mark and index price with the running (predicted) funding rate: of one symbol, or of every symbol when
    /// `symbol` is nil (an object for one symbol on USDⓈ-M, an array otherwise).
    public static func premiumIndex(_ venue: Venue, symbol: String?, feed: Feed) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: feed, path: prefix(venue) + "/premiumIndex",
            query: symbol.map { [.init("symbol", $0)] } ?? [], weight: BinanceRequestWeight.premiumIndex(venue))
    }

    /// Symbols whose funding interval differs from the default 8 hours.
    public static func fundingInfo(_ venue: Venue) -> VenueRequest {
        VenueRequest(
            venue: venue, feed: .funding, path: prefix(venue) + "/fundingInfo", query: [],
            weight: BinanceRequestWeight.funding(venue))
    }

    /// Trade klines of one symbol at `interval` (`1m` … `1d`), ascending. Without `endTime` the newest `limit`
    /// (≤ 1500); with it the newest `limit` whose open time is at or before it.
    public static func klines(_ venue: Venue, symbol: String, interval: String, limit: Int, endTime: Int64? = nil)
        -> VenueRequest
    {
        var query: [VenueRequest.QueryItem] = [
            .init("symbol", symbol), .init("interval", interval), .init("limit", String(limit)),
        ]
        if let endTime { query.append(.init("endTime", String(endTime))) }
        return VenueRequest(
            venue: venue, feed: .priceBars, path: prefix(venue) + "/klines", query: query,
            weight: BinanceRequestWeight.klines(limit: limit))
    }
}
