import LiqCore
import LiqFetch
import Testing

/// `nextPage` cursors of the Binance adapter on pages in Binance's shapes (our own values).
@Suite struct BinanceFuturesAdapterPagingTests {
    static let adapter = BinanceFuturesAdapter(
        venue: .binanceUSDM,
        selection: VenueSelection(symbols: ["BTCUSDT"], feeds: [.funding, .priceBars, .openInterest], maxPages: 5))

    static func next(_ request: VenueRequest, _ text: String, adapter: BinanceFuturesAdapter = adapter) throws
        -> VenueRequest?
    {
        let document = try Payload.node(text, origin: request.url(baseURL: "https://fapi.binance.com"))
        return try adapter.nextPage(
            after: request, document: document, records: try adapter.decodeFeed(document, for: request))
    }

    /// `count` one-minute kline rows opening at `firstOpen`, ascending as Binance sends them.
    static func klines(count: Int, firstOpen: Int64) -> String {
        let rows = (0..<Int64(count)).map { index in
            let open = firstOpen + index * 60_000
            return #"[\#(open),"1","2","0.5","1.5","10",\#(open + 59_999),"15",3,"4","6","0"]"#
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    @Test func fullKlinePageAsksForTheBarsBeforeItsOldest() throws {
        let first = BinanceEndpoints.klines(.binanceUSDM, symbol: "BTCUSDT", interval: "1m", limit: 3)
        let second = try #require(try Self.next(first, Self.klines(count: 3, firstOpen: 1_760_130_000_000)))
        // Oldest open 1,760,130,000,000 → endTime 1,760,129,999,999 (the previous bar's close time).
        #expect(
            second.url(baseURL: "https://fapi.binance.com")
                == "https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3&endTime=1760129999999")
        #expect(second.feed == .priceBars)
        #expect(second.weight == 1)
        let third = try #require(try Self.next(second, Self.klines(count: 3, firstOpen: 1_760_129_820_000)))
        #expect(third.queryValue("endTime") == "1760129819999")
    }

    @Test func shortOrEmptyKlinePageIsTheLast() throws {
        let request = BinanceEndpoints.klines(.binanceUSDM, symbol: "BTCUSDT", interval: "1m", limit: 3)
        #expect(try Self.next(request, Self.klines(count: 2, firstOpen: 1_760_130_000_000)) == nil)
        #expect(try Self.next(request, "[]") == nil)
    }

    static func funding(_ times: [Int64]) -> String {
        "["
            + times.map { #"{"symbol":"BTCUSDT","fundingTime":\#($0),"fundingRate":"0.0001","markPrice":"1"}"# }
            .joined(separator: ",") + "]"
    }

    @Test func fullFundingPageAsksForAWindowThatCannotOverflow() throws {
        // Three 8-hourly settlements fill a page of 3; the next page is the closed window of (3 − 1) hours
        // before the oldest: [1,760,083,200,000 − 7,200,000, 1,760,083,200,000 − 1].
        let first = BinanceEndpoints.fundingRateHistory(.binanceUSDM, symbol: "BTCUSDT", limit: 3)
        let second = try #require(
            try Self.next(first, Self.funding([1_760_083_200_000, 1_760_112_000_000, 1_760_140_800_000])))
        #expect(
            second.url(baseURL: "https://fapi.binance.com")
                == "https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=1760076000000"
                + "&endTime=1760083199999&limit=3")
        #expect(second.weight == 24)
        // A window page walks on whether or not it is full: 8-hourly settlements leave most windows short.
        let third = try #require(try Self.next(second, Self.funding([1_760_083_200_000 - 3_600_000])))
        #expect(third.queryValue("startTime") == "1760072400000")
        #expect(third.queryValue("endTime") == "1760079599999")
        // An empty window is the start of the history.
        #expect(try Self.next(third, "[]") == nil)
    }

    @Test func shortFirstFundingPageIsTheWholeHistory() throws {
        let first = BinanceEndpoints.fundingRateHistory(.binanceUSDM, symbol: "BTCUSDT", limit: 1000)
        #expect(try Self.next(first, Self.funding([1_760_083_200_000, 1_760_112_000_000])) == nil)
    }

    @Test func openInterestHistoryIsNotPaged() throws {
        let request = BinanceEndpoints.openInterestHistory(.binanceUSDM, symbol: "BTCUSDT", period: "5m", limit: 1)
        let page = #"[{"symbol":"BTCUSDT","sumOpenInterest":"1","sumOpenInterestValue":"1","timestamp":1760126400000}]"#
        #expect(try Self.next(request, page) == nil)
    }

    @Test func coinMarginedKlinesPageOnDapi() throws {
        let adapter = BinanceFuturesAdapter(
            venue: .binanceCOINM, selection: VenueSelection(symbols: ["ETHUSD_PERP"], feeds: [.priceBars]))
        let first = BinanceEndpoints.klines(.binanceCOINM, symbol: "ETHUSD_PERP", interval: "1m", limit: 2)
        let next = try #require(
            try Self.next(first, Self.klines(count: 2, firstOpen: 1_760_126_400_000), adapter: adapter))
        #expect(
            next.url(baseURL: "https://dapi.binance.com")
                == "https://dapi.binance.com/dapi/v1/klines?symbol=ETHUSD_PERP&interval=1m&limit=2"
                + "&endTime=1760126399999"
        )
    }
}
