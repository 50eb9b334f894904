import LiqCore

/// The public OKX v5 REST requests we make. Timestamps and numbers come back as strings inside the envelope
/// `{"code":"0","msg":"","data":[…]}`.
///
/// OKX limits each endpoint on its own (requests per 2 seconds per IP); the adapter paces one budget of 20 per
/// 2 seconds, so each request weighs 20 / its endpoint's limit: 1 at 20, 2 at 10, 0.5 at 40.
public enum OKXEndpoints {
    public static let defaultBaseURL = "https://www.okx.com"

    /// The budget the weights are fractions of: 20 requests per 2 seconds, the limit of most public endpoints.
    static let budgetPerWindow = 20.0

    static func weight(requestsPerTwoSeconds: Double) -> Double { budgetPerWindow / requestsPerTwoSeconds }

    /// Contract value, multiplier and type of every instrument of `instType` (`SWAP`, `FUTURES`); 20 per 2 s.
    public static func instruments(instType: String) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: nil, path: "/api/v5/public/instruments", query: [.init("instType", instType)])
    }

    /// Filled liquidation orders of one underlying (`BTC-USDT`), newest first, up to 100 per page; `after` asks
    /// for those strictly older than a time (ms). Third parties quote 20 or 40 per 2 s: 20 is assumed.
    public static func liquidationOrders(instType: String, underlying: String, limit: Int, after: Int64? = nil)
        -> VenueRequest
    {
        var query: [VenueRequest.QueryItem] = [
            .init("instType", instType), .init("uly", underlying), .init("state", "filled"),
            .init("limit", String(limit)),
        ]
        if let after { query.append(.init("after", String(after))) }
        return VenueRequest(venue: .okx, feed: .liquidations, path: "/api/v5/public/liquidation-orders", query: query)
    }

    /// Current open interest of every instrument of `instType`; 20 per 2 s.
    public static func openInterest(instType: String) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .openInterest, path: "/api/v5/public/open-interest", query: [.init("instType", instType)]
        )
    }

    /// The running funding rate of one instrument, with the current and next settlement times; 20 per 2 s.
    public static func fundingRate(instID: String) -> VenueRequest {
        VenueRequest(venue: .okx, feed: .funding, path: "/api/v5/public/funding-rate", query: [.init("instId", instID)])
    }

    /// Settled funding rates of one instrument, newest first, at most 100; `after` asks for settlements strictly
    /// older than a time (ms). 10 per 2 s.
    public static func fundingRateHistory(instID: String, limit: Int, after: Int64? = nil) -> VenueRequest {
        var query: [VenueRequest.QueryItem] = [.init("instId", instID), .init("limit", String(limit))]
        if let after { query.append(.init("after", String(after))) }
        return VenueRequest(
            venue: .okx, feed: .funding, path: "/api/v5/public/funding-rate-history", query: query,
            weight: weight(requestsPerTwoSeconds: 10))
    }

    /// The mark price of every instrument of `instType` (`markPx`, `ts`); 10 per 2 s.
    public static func markPrice(instType: String) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .markPrice, path: "/api/v5/public/mark-price", query: [.init("instType", instType)],
            weight: weight(requestsPerTwoSeconds: 10))
    }

    /// The newest candles of one instrument (at most 300, from the latest 1,440), newest first; 40 per 2 s.
    public static func candles(instID: String, bar: String, limit: Int) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .priceBars, path: "/api/v5/market/candles",
            query: [.init("instId", instID), .init("bar", bar), .init("limit", String(limit))],
            weight: weight(requestsPerTwoSeconds: 40))
    }

    /// Older candles of one instrument (years back), strictly before `after` (ms), newest first; 20 per 2 s. At
    /// most 100 per page: OKX documents 100 in older and 300 in newer versions, and asking for more than the
    /// venue serves would make a full page look like the last one.
    public static func historyCandles(instID: String, bar: String, after: Int64, limit: Int) -> VenueRequest {
        VenueRequest(
            venue: .okx, feed: .priceBars, path: "/api/v5/market/history-candles",
            query: [
                .init("instId", instID), .init("bar", bar), .init("after", String(after)),
                .init("limit", String(limit)),
            ])
    }

    /// OKX's bar name and length for a spec interval (`1m` … `1d`): hours and days are upper case, and the day bar
    /// is the UTC one (`1Dutc`; plain `1D` opens at UTC+8), so every bar starts on a UTC boundary like Binance's.
    /// Nil for an interval OKX has no UTC-aligned bar for.
    public static func bar(forInterval interval: String) -> (bar: String, milliseconds: Int64)? {
        switch interval {
        case "1m": ("1m", 60_000)
        case "3m": ("3m", 180_000)
        case "5m": ("5m", 300_000)
        case "15m": ("15m", 900_000)
        case "30m": ("30m", 1_800_000)
        case "1h": ("1H", 3_600_000)
        case "2h": ("2H", 7_200_000)
        case "4h": ("4H", 14_400_000)
        case "6h": ("6Hutc", 21_600_000)
        case "12h": ("12Hutc", 43_200_000)
        case "1d": ("1Dutc", 86_400_000)
        default: nil
        }
    }
}
