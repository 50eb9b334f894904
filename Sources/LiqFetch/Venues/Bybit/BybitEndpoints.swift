public import LiqCore

/// The public Bybit v5 market requests we make (all `GET`, no key). Every one needs a `category`; history pages
/// are at most 200 rows, newest first.
public enum BybitEndpoints {
    public static let defaultBaseURL = "https://api.bybit.com"

    /// Instruments per page: Bybit allows 1000 and defaults to 500, and the linear category has more than 500.
    public static let instrumentPageLimit = 1000
    /// The most rows a page of open interest, funding history or klines may hold.
    public static let historyPageLimit = 200

    /// Open-interest resolutions Bybit offers: our notation → `intervalTime`.
    static let openInterestIntervals: [(name: String, code: String)] = [
        ("5m", "5min"), ("15m", "15min"), ("30m", "30min"), ("1h", "1h"), ("4h", "4h"), ("1d", "1d"),
    ]

    /// Kline resolutions Bybit offers: our notation → `interval` code, and the bar length in ms.
    static let klineIntervals: [(name: String, code: String, milliseconds: Int64)] = [
        ("1m", "1", 60_000), ("3m", "3", 180_000), ("5m", "5", 300_000), ("15m", "15", 900_000),
        ("30m", "30", 1_800_000), ("1h", "60", 3_600_000), ("2h", "120", 7_200_000), ("4h", "240", 14_400_000),
        ("6h", "360", 21_600_000), ("12h", "720", 43_200_000), ("1d", "D", 86_400_000),
    ]

    /// Contract type, base/quote/settle coins and funding interval of every trading instrument of `category`.
    public static func instruments(category: BybitCategory) -> VenueRequest {
        VenueRequest(
            venue: .bybit, feed: nil, path: "/v5/market/instruments-info",
            query: [.init("category", category.rawValue), .init("limit", String(instrumentPageLimit))])
    }

    /// Mark and index price, running funding rate and current open interest of every instrument of `category`;
    /// `feed` is the one a failure is charged to.
    public static func tickers(category: BybitCategory, feed: Feed?) -> VenueRequest {
        VenueRequest(
            venue: .bybit, feed: feed, path: "/v5/market/tickers", query: [.init("category", category.rawValue)])
    }

    /// Open interest history of one symbol at `intervalTime` (`5min` …); older pages follow `cursor`.
    public static func openInterest(
        category: BybitCategory, symbol: String, intervalTime: String, limit: Int, cursor: String? = nil
    ) -> VenueRequest {
        var query: [VenueRequest.QueryItem] = [
            .init("category", category.rawValue), .init("symbol", symbol), .init("intervalTime", intervalTime),
            .init("limit", String(limit)),
        ]
        if let cursor { query.append(.init("cursor", cursor)) }
        return VenueRequest(venue: .bybit, feed: .openInterest, path: "/v5/market/open-interest", query: query)
    }

    /// Settled funding rates of one symbol, newest first, up to `endTime` (ms, inclusive) when given: Bybit pages
    /// this history backwards by `endTime` (a `startTime` alone is refused).
    public static func fundingHistory(category: BybitCategory, symbol: String, limit: Int, endTime: Int64? = nil)
        -> VenueRequest
    {
        var query: [VenueRequest.QueryItem] = [
            .init("category", category.rawValue), .init("symbol", symbol), .init("limit", String(limit)),
        ]
        if let endTime { query.append(.init("endTime", String(endTime))) }
        return VenueRequest(venue: .bybit, feed: .funding, path: "/v5/market/funding/history", query: query)
    }

    /// Trade-price klines of one symbol (`interval` is Bybit's code: `1`, `60`, `D`), newest first, starting at
    /// or before `end` (ms) when given.
    public static func kline(category: BybitCategory, symbol: String, interval: String, limit: Int, end: Int64? = nil)
        -> VenueRequest
    {
        var query: [VenueRequest.QueryItem] = [
            .init("category", category.rawValue), .init("symbol", symbol), .init("interval", interval),
            .init("limit", String(limit)),
        ]
        if let end { query.append(.init("end", String(end))) }
        return VenueRequest(venue: .bybit, feed: .priceBars, path: "/v5/market/kline", query: query)
    }
}
