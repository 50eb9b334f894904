import LiqCore
import LiqFetch
import Testing

@Suite struct BybitAdapterTests {
    static let base = BybitEndpoints.defaultBaseURL

    static func adapter(
        _ symbols: [String] = ["BTCUSDT", "BTCUSD"],
        feeds: Set<Feed> = [.liquidations, .openInterest, .funding, .markPrice, .priceBars], period: String = "5m",
        barInterval: String = "1m"
    ) -> BybitAdapter {
        BybitAdapter(
            selection: VenueSelection(
                symbols: symbols, feeds: feeds, openInterestPeriod: period, priceBarInterval: barInterval))
    }

    static func urls(_ requests: [VenueRequest]) -> [String] { requests.map { $0.url(baseURL: base) } }

    static func node(_ text: String, for request: VenueRequest) throws -> JSONNode {
        try Payload.node(text, origin: request.url(baseURL: base))
    }

    static func envelope(_ result: String, time: Int64 = 1_760_133_598_623) -> String {
        #"{"retCode":0,"retMsg":"OK","result":"# + result + #","retExtInfo":{},"time":\#(time)}"#
    }

    static func instrumentRow(_ symbol: String, type: String, base: String, quote: String, minutes: Int) -> String {
        """
        {"symbol":"\(symbol)","contractType":"\(type)","status":"Trading","baseCoin":"\(base)",\
        "quoteCoin":"\(quote)","settleCoin":"\(quote == "USD" ? base : quote)","fundingInterval":\(minutes)}
        """
    }

    /// Reference data as `absorbReference` builds it from the two instrument lists.
    static func reference(for adapter: BybitAdapter) throws -> ReferenceData {
        var reference = ReferenceData()
        let linear = [
            instrumentRow("BTCUSDT", type: "LinearPerpetual", base: "BTC", quote: "USDT", minutes: 480),
            instrumentRow("ETHUSDT", type: "LinearPerpetual", base: "ETH", quote: "USDT", minutes: 240),
            instrumentRow("BTCUSDT-26DEC25", type: "LinearFutures", base: "BTC", quote: "USDT", minutes: 0),
        ]
        let inverse = [instrumentRow("BTCUSD", type: "InversePerpetual", base: "BTC", quote: "USD", minutes: 480)]
        for request in adapter.referenceRequests() where request.path == "/v5/market/instruments-info" {
            let rows = request.queryValue("category") == "linear" ? linear : inverse
            let document = try node(
                envelope(#"{"category":"x","list":["# + rows.joined(separator: ",") + #"],"nextPageCursor":""}"#),
                for: request)
            try adapter.absorbReference(document, for: request, into: &reference)
        }
        return reference
    }

    // MARK: Requests

    @Test func referenceRequestsAreBothInstrumentListsThenBothTickerLists() {
        let requests = Self.adapter().referenceRequests()
        #expect(
            Self.urls(requests) == [
                "https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000",
                "https://api.bybit.com/v5/market/instruments-info?category=inverse&limit=1000",
                "https://api.bybit.com/v5/market/tickers?category=linear",
                "https://api.bybit.com/v5/market/tickers?category=inverse",
            ])
        // A tickers failure is charged to the first selected feed they serve.
        #expect(requests.map(\.feed) == [nil, nil, .markPrice, .markPrice])
        #expect(
            Self.adapter(feeds: [.openInterest]).referenceRequests().map(\.feed) == [
                nil, nil, .openInterest, .openInterest,
            ])
        #expect(Self.adapter(feeds: [.liquidations]).referenceRequests().count == 2)
        #expect(requests.allSatisfy { $0.weight == 1 && $0.body == nil })
    }

    @Test func feedRequestsUseEachSymbolsCategory() throws {
        let adapter = Self.adapter(["BTCUSDT", "BTCUSD", "BTCUSDT-26DEC25"])
        let requests = try adapter.feedRequests(reference: try Self.reference(for: adapter))
        let market = "https://api.bybit.com/v5/market"
        #expect(
            Self.urls(requests) == [
                market + "/open-interest?category=linear&symbol=BTCUSDT&intervalTime=5min&limit=200",
                market + "/funding/history?category=linear&symbol=BTCUSDT&limit=200",
                market + "/kline?category=linear&symbol=BTCUSDT&interval=1&limit=200",
                market + "/open-interest?category=inverse&symbol=BTCUSD&intervalTime=5min&limit=200",
                market + "/funding/history?category=inverse&symbol=BTCUSD&limit=200",
                market + "/kline?category=inverse&symbol=BTCUSD&interval=1&limit=200",
                // A dated future pays no funding: no funding history for it.
                market + "/open-interest?category=linear&symbol=BTCUSDT-26DEC25&intervalTime=5min&limit=200",
                market + "/kline?category=linear&symbol=BTCUSDT-26DEC25&interval=1&limit=200",
            ])
        #expect(
            requests.map(\.feed) == [
                .openInterest, .funding, .priceBars, .openInterest, .funding, .priceBars, .openInterest, .priceBars,
            ])
    }

    @Test(arguments: [
        ("5m", "5min", "1m", "1"), ("15m", "15min", "5m", "5"), ("30m", "30min", "15m", "15"), ("1h", "1h", "1h", "60"),
        ("4h", "4h", "4h", "240"), ("1d", "1d", "1d", "D"),
    ])
    func intervalsAreMappedToBybitsCodes(period: String, intervalTime: String, bars: String, code: String) throws {
        let adapter = Self.adapter(["BTCUSDT"], feeds: [.openInterest, .priceBars], period: period, barInterval: bars)
        let requests = try adapter.feedRequests(reference: try Self.reference(for: adapter))
        #expect(requests.map { $0.queryValue("intervalTime") } == [intervalTime, nil])
        #expect(requests.map { $0.queryValue("interval") } == [nil, code])
    }

    @Test func openInterestPeriodBybitLacksIsAnError() throws {
        let adapter = Self.adapter(["BTCUSDT"], feeds: [.openInterest], period: "2h")
        let error = #expect(throws: UnsupportedIntervalError.self) {
            try adapter.feedRequests(reference: try Self.reference(for: adapter))
        }
        #expect(
            error?.description == "bybit: openInterest interval 2h is not offered; use one of 5m, 15m, 30m, 1h, 4h, 1d")
    }

    @Test func symbolNeitherListHasIsAnError() throws {
        let adapter = Self.adapter(["BTCUSDT", "DOGEUSDT"], feeds: [.liquidations])
        let error = #expect(throws: UnlistedSymbolError.self) {
            try adapter.feedRequests(reference: try Self.reference(for: adapter))
        }
        #expect(error == UnlistedSymbolError(venue: .bybit, symbol: "DOGEUSDT"))
    }

    @Test func pageLimitIsConfigurable() throws {
        var adapter = Self.adapter(["BTCUSD"], feeds: [.funding])
        adapter.pageLimit = 50
        #expect(
            Self.urls(try adapter.feedRequests(reference: try Self.reference(for: adapter))) == [
                "https://api.bybit.com/v5/market/funding/history?category=inverse&symbol=BTCUSD&limit=50"
            ])
    }

    // MARK: Reference data

    @Test func instrumentListsGiveTheSelectedInstrumentsAndTheirFundingIntervals() throws {
        let reference = try Self.reference(for: Self.adapter(["BTCUSD", "ETHUSDT"]))
        #expect(reference.instruments.map(\.symbol) == ["ETHUSDT", "BTCUSD"])
        #expect(
            reference.instrument(venue: .bybit, symbol: "BTCUSD")?.contractSize == ContractSize(value: 1, unit: .usd))
        #expect(
            reference.fundingIntervalHours == [
                InstrumentKey(venue: .bybit, symbol: "ETHUSDT"): 4, InstrumentKey(venue: .bybit, symbol: "BTCUSD"): 8,
            ])
    }

    @Test func tickersGiveMarksAndRecordsOfTheSelectedFeeds() throws {
        let adapter = Self.adapter(["BTCUSD"], feeds: [.openInterest, .funding])
        let request = BybitEndpoints.tickers(category: .inverse, feed: .funding)
        var reference = ReferenceData()
        try adapter.absorbReference(
            try Self.node(
                Self.envelope(
                    """
                    {"category":"inverse","list":[\
                    {"symbol":"BTCUSD","lastPrice":"60010.00","indexPrice":"60020.00","markPrice":"60000.00",\
                    "openInterest":"600000000","openInterestValue":"10000.00","singleOpenInterest":"300000000",\
                    "fundingRate":"-0.0002","nextFundingTime":"1760140800000","fundingIntervalHour":"8"},\
                    {"symbol":"ETHUSD","markPrice":"4000.00","openInterest":"1","fundingRate":"0.0001"}]}
                    """, time: 1_760_133_598_623), for: request), for: request, into: &reference)
        let key = InstrumentKey(venue: .bybit, symbol: "BTCUSD")
        #expect(reference.markPrices == [key: 60_000])
        #expect(reference.fundingIntervalHours == [key: 8])
        // Stamped with the envelope's `time`; no mark records (feed not selected); one side of the USD interest.
        #expect(
            reference.records == [
                .funding(
                    VenueFunding(
                        venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_133_598_623, rate: -0.0002,
                        intervalHours: 8, kind: .predicted)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_133_598_623, quantity: 300_000_000,
                        quantityUnit: .contracts, valueUSD: nil)),
            ])
    }

    @Test func unknownReferencePathIsAnError() throws {
        let request = BybitEndpoints.fundingHistory(category: .linear, symbol: "BTCUSDT", limit: 200)
        var reference = ReferenceData()
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().absorbReference(
                try Self.node(Self.envelope(#"{"list":[]}"#), for: request), for: request, into: &reference)
        }
        #expect(error == UnknownRequestError(venue: .bybit, path: "/v5/market/funding/history"))
    }

    // MARK: Feeds

    @Test func feedPagesAreDecodedAndFilteredToTheSelection() throws {
        let adapter = Self.adapter(["BTCUSDT"])
        let funding = BybitEndpoints.fundingHistory(category: .linear, symbol: "BTCUSDT", limit: 200)
        let records = try adapter.decodeFeed(
            try Self.node(
                Self.envelope(
                    """
                    {"category":"linear","list":[\
                    {"symbol":"BTCUSDT","fundingRate":"0.0001","fundingRateTimestamp":"1760112000000"},\
                    {"symbol":"ETHUSDT","fundingRate":"0.0001","fundingRateTimestamp":"1760112000000"}]}
                    """), for: funding), for: funding)
        #expect(records.map(\.symbol) == ["BTCUSDT"])

        let kline = BybitEndpoints.kline(category: .linear, symbol: "BTCUSDT", interval: "5", limit: 200)
        let bars = try adapter.decodeFeed(
            try Self.node(
                Self.envelope(
                    #"{"symbol":"BTCUSDT","category":"linear","list":"#
                        + #"[["1760130000000","1","2","0.5","1.5","10","15"]]}"#), for: kline), for: kline)
        // Interval code 5 → 300,000 ms bars.
        guard case .priceBar(let bar) = try #require(bars.first) else {
            Issue.record("expected a price bar")
            return
        }
        #expect(bar.intervalMs == 300_000)
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = BybitEndpoints.tickers(category: .linear, feed: .markPrice)
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().decodeFeed(try Self.node(Self.envelope(#"{"list":[]}"#), for: request), for: request)
        }
        #expect(error == UnknownRequestError(venue: .bybit, path: "/v5/market/tickers"))
    }

    // MARK: Paging

    static func openInterestPage(rows: Int, cursor: String) -> String {
        let row = #"{"openInterest":"2","singleOpenInterest":"1","timestamp":"1760133300000"}"#
        return envelope(
            #"{"symbol":"BTCUSD","category":"inverse","list":["#
                + Array(repeating: row, count: rows).joined(separator: ",") + #"],"nextPageCursor":"\#(cursor)"}"#)
    }

    @Test func openInterestFollowsTheCursorByteForByte() throws {
        let adapter = Self.adapter(["BTCUSD"])
        let first = BybitEndpoints.openInterest(category: .inverse, symbol: "BTCUSD", intervalTime: "5min", limit: 3)
        let cursor = "lastid%3D19408935%26lasttime%3D1780617600"
        let next = try #require(
            try adapter.nextPage(
                after: first, document: try Self.node(Self.openInterestPage(rows: 3, cursor: cursor), for: first),
                records: []))
        // The URL carries the cursor exactly as Bybit sent it (already percent-encoded), like pybit and ccxt.
        #expect(
            next.url(baseURL: Self.base)
                == "https://api.bybit.com/v5/market/open-interest?category=inverse&symbol=BTCUSD&intervalTime=5min"
                + "&limit=3&cursor=lastid%3D19408935%26lasttime%3D1780617600")
        #expect(next.feed == .openInterest)
        // The next answer with another cursor replaces it rather than adding a second one.
        let third = try #require(
            try adapter.nextPage(
                after: next, document: try Self.node(Self.openInterestPage(rows: 3, cursor: "lastid%3D7"), for: next),
                records: []))
        #expect(third.queryString == "category=inverse&symbol=BTCUSD&intervalTime=5min&limit=3&cursor=lastid%3D7")
        // The same cursor again would fetch the same page forever: stop.
        #expect(
            try adapter.nextPage(
                after: third, document: try Self.node(Self.openInterestPage(rows: 3, cursor: "lastid%3D7"), for: third),
                records: []) == nil)
    }

    @Test(arguments: [(2, "lastid%3D1"), (3, ""), (0, "lastid%3D1")])
    func openInterestStopsOnAShortPageOrWithoutACursor(rows: Int, cursor: String) throws {
        let first = BybitEndpoints.openInterest(category: .inverse, symbol: "BTCUSD", intervalTime: "5min", limit: 3)
        #expect(
            try Self.adapter().nextPage(
                after: first, document: try Self.node(Self.openInterestPage(rows: rows, cursor: cursor), for: first),
                records: []) == nil)
    }

    @Test func malformedCursorIsAnError() throws {
        let first = BybitEndpoints.openInterest(category: .inverse, symbol: "BTCUSD", intervalTime: "5min", limit: 1)
        let error = #expect(throws: JSONError.self) {
            try Self.adapter().nextPage(
                after: first, document: try Self.node(Self.openInterestPage(rows: 1, cursor: "lastid%3"), for: first),
                records: [])
        }
        #expect(
            error?.description
                == first.url(baseURL: Self.base)
                + #": result.nextPageCursor: expected a percent-encoded cursor, found string "lastid%3""#)
    }

    @Test func fundingHistoryPagesBackFromTheOldestSettlement() throws {
        let adapter = Self.adapter(["BTCUSDT"])
        let first = BybitEndpoints.fundingHistory(category: .linear, symbol: "BTCUSDT", limit: 2)
        let page = Self.envelope(
            """
            {"category":"linear","list":[\
            {"symbol":"BTCUSDT","fundingRate":"0.0001","fundingRateTimestamp":"1760112000000"},\
            {"symbol":"BTCUSDT","fundingRate":"0.0001","fundingRateTimestamp":"1760083200000"}]}
            """)
        let next = try #require(
            try adapter.nextPage(after: first, document: try Self.node(page, for: first), records: []))
        // endTime = oldest 1,760,083,200,000 − 1.
        #expect(next.queryString == "category=linear&symbol=BTCUSDT&limit=2&endTime=1760083199999")
        // A venue that ignored endTime would answer the same page again: no further page.
        #expect(try adapter.nextPage(after: next, document: try Self.node(page, for: next), records: []) == nil)
        // A short page is the last.
        let short = BybitEndpoints.fundingHistory(category: .linear, symbol: "BTCUSDT", limit: 3)
        #expect(try adapter.nextPage(after: short, document: try Self.node(page, for: short), records: []) == nil)
    }

    @Test func klinesPageBackFromTheOldestBar() throws {
        let first = BybitEndpoints.kline(category: .linear, symbol: "BTCUSDT", interval: "1", limit: 2)
        let page = Self.envelope(
            #"{"symbol":"BTCUSDT","category":"linear","list":[["1760130060000","1","1","1","1","1","1"],"#
                + #"["1760130000000","1","1","1","1","1","1"]]}"#)
        let next = try #require(
            try Self.adapter().nextPage(after: first, document: try Self.node(page, for: first), records: []))
        #expect(next.queryString == "category=linear&symbol=BTCUSDT&interval=1&limit=2&end=1760129999999")
    }

    @Test func tickersAreNotPaginated() throws {
        let request = BybitEndpoints.tickers(category: .linear, feed: .markPrice)
        #expect(
            try Self.adapter().nextPage(
                after: request, document: try Self.node(Self.envelope(#"{"list":[{"symbol":"A"}]}"#), for: request),
                records: []) == nil)
    }

    // MARK: Venue facts

    @Test func liquidationsHaveNoRESTSourceAndTheStreamIsComplete() {
        let adapter = Self.adapter()
        #expect(adapter.restUnavailability(of: .liquidations)?.contains("allLiquidation.{symbol}") == true)
        for feed in Feed.allCases where feed != .liquidations {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .complete)
        #expect(adapter.venue == .bybit)
        #expect(
            adapter.rateLimitPolicy
                == RateLimitPolicy(
                    capacity: 600, windowSeconds: 5,
                    usageReport: .remaining(header: "X-Bapi-Limit-Status", resetHeader: "X-Bapi-Limit-Reset-Timestamp"))
        )
    }

    @Test func streamDecoderKeepsTheSelectionAndItsTickerFeeds() throws {
        var decoder = Self.adapter(["BTCUSDT"], feeds: [.liquidations, .openInterest]).makeStreamDecoder()
        let records = try decoder.decode(
            try Payload.node(
                """
                {"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","markPrice":"1",\
                "openInterest":"10","fundingRate":"0.0001"},"cs":1,"ts":1760130000000}
                """, origin: "capture"))
        #expect(records.map(\.feed) == [.openInterest])
    }
}
