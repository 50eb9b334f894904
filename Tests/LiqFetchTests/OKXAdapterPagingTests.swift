import LiqCore
import LiqFetch
import Testing

/// `nextPage` cursors of the OKX adapter on pages in OKX's shapes (our own values).
@Suite struct OKXAdapterPagingTests {
    static let adapter = OKXAdapter(
        selection: VenueSelection(
            symbols: ["BTC-USDT-SWAP", "ETH-USDT-SWAP"], feeds: Set(Feed.allCases), maxPages: 10))

    static func next(_ request: VenueRequest, _ text: String) throws -> VenueRequest? {
        let document = try Payload.node(text, origin: request.url(baseURL: OKXEndpoints.defaultBaseURL))
        return try adapter.nextPage(after: request, document: document, records: [])
    }

    static func envelope(_ rows: [String]) -> String {
        #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    /// One liquidation row of `instID` with a detail at each time.
    static func liquidations(_ instID: String, _ times: [Int64]) -> String {
        let details = times.map {
            #"{"bkLoss":"0","bkPx":"110000","ccy":"","posSide":"long","side":"sell","sz":"3","ts":"\#($0)"}"#
        }
        return #"{"details":["# + details.joined(separator: ",") + #"],"instId":"\#(instID)","instType":"SWAP","#
            + #""totalLoss":"0","uly":"BTC-USDT"}"#
    }

    @Test func fullLiquidationPageRestartsAtItsOldestMillisecond() throws {
        // A page of 3 across two rows (one is a futures contract of the same underlying, not selected: its times
        // still count for the cursor). Oldest 1,760,130,000,100 → after = 1,760,130,000,101, so the other
        // liquidations of that millisecond come again on the next page (and are dropped by event id).
        let first = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 3)
        let page = Self.envelope([
            Self.liquidations("BTC-USDT-SWAP", [1_760_130_000_300, 1_760_130_000_100]),
            Self.liquidations("BTC-USDT-251226", [1_760_130_000_200]),
        ])
        let second = try #require(try Self.next(first, page))
        #expect(
            second.url(baseURL: OKXEndpoints.defaultBaseURL)
                == "https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled"
                + "&limit=3&after=1760130000101")
        #expect(second.feed == .liquidations)
        let third = try #require(
            try Self.next(
                second,
                Self.envelope([
                    Self.liquidations("BTC-USDT-SWAP", [1_760_130_000_100, 1_760_129_999_000, 1_760_129_998_000])
                ])))
        #expect(third.queryValue("after") == "1760129998001")
    }

    @Test func pageStuckInOneMillisecondStopsThePaging() throws {
        // More liquidations in one millisecond than a page holds: the cursor cannot move back, so paging ends
        // rather than asking for the same page forever.
        let request = OKXEndpoints.liquidationOrders(
            instType: "SWAP", underlying: "BTC-USDT", limit: 2, after: 1_760_130_000_101)
        let page = Self.envelope([Self.liquidations("BTC-USDT-SWAP", [1_760_130_000_100, 1_760_130_000_100])])
        #expect(try Self.next(request, page) == nil)
    }

    @Test func shortLiquidationPageIsTheLast() throws {
        let request = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 100)
        #expect(try Self.next(request, Self.envelope([Self.liquidations("BTC-USDT-SWAP", [1_760_130_000_100])])) == nil)
        #expect(try Self.next(request, Self.envelope([])) == nil)
    }

    @Test func fundingHistoryPagesBeforeItsOldestSettlement() throws {
        let first = OKXEndpoints.fundingRateHistory(instID: "BTC-USDT-SWAP", limit: 2)
        let rows = [1_760_112_000_000, 1_760_083_200_000].map {
            #"{"instType":"SWAP","instId":"BTC-USDT-SWAP","fundingRate":"0.0001","realizedRate":"0.0001","#
                + #""fundingTime":"\#($0)"}"#
        }
        let second = try #require(try Self.next(first, Self.envelope(rows)))
        #expect(
            second.url(baseURL: OKXEndpoints.defaultBaseURL)
                == "https://www.okx.com/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=2"
                + "&after=1760083200000"
        )
        #expect(second.weight == 2)
        #expect(try Self.next(second, Self.envelope(Array(rows.prefix(1)))) == nil)
    }

    static func candles(_ opens: [Int64], confirmNewest: String = "1") -> String {
        Self.envelope(
            opens.enumerated().map { index, open in
                #"["\#(open)","1","2","0.5","1.5","10","0.1","15","\#(index == 0 ? confirmNewest : "1")"]"#
            })
    }

    @Test func candlesContinueInTheHistoryEndpoint() throws {
        // The forming bar counts: the page is full, and the cursor is the oldest bar's open time.
        let first = OKXEndpoints.candles(instID: "ETH-USDT-SWAP", bar: "1m", limit: 3)
        let second = try #require(
            try Self.next(
                first, Self.candles([1_760_133_600_000, 1_760_133_540_000, 1_760_133_480_000], confirmNewest: "0")))
        #expect(
            second.url(baseURL: OKXEndpoints.defaultBaseURL)
                == "https://www.okx.com/api/v5/market/history-candles?instId=ETH-USDT-SWAP&bar=1m"
                + "&after=1760133480000&limit=100")
        #expect(second.weight == 1)
        #expect(second.feed == .priceBars)
        let full = (0..<100).map { 1_760_133_420_000 - Int64($0) * 60_000 }
        let third = try #require(try Self.next(second, Self.candles(full)))
        #expect(third.queryValue("after") == String(1_760_133_420_000 - 99 * 60_000))
        #expect(try Self.next(third, Self.candles(Array(full.prefix(99)))) == nil)
    }

    @Test func snapshotsAreNotPaged() throws {
        let request = OKXEndpoints.markPrice(instType: "SWAP")
        let page = Self.envelope([#"{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"1","ts":"1760133599500"}"#])
        #expect(try Self.next(request, page) == nil)
    }
}
