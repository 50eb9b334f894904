import LiqCore
import LiqFetch
import Testing

@Suite struct HyperliquidAdapterTests {
    static let base = HyperliquidEndpoints.defaultBaseURL
    /// 2025-10-10T22:00:00Z, the adapter's "now" in these tests.
    static let now: Int64 = 1_760_133_600_000

    static func adapter(
        _ symbols: [String] = ["BTC", "ETH"], feeds: Set<Feed> = [.openInterest, .funding, .markPrice, .priceBars],
        barInterval: String = "1m", maxPages: Int = 1
    ) -> HyperliquidAdapter {
        HyperliquidAdapter(
            selection: VenueSelection(
                symbols: symbols, feeds: feeds, priceBarInterval: barInterval, maxPages: maxPages),
            clock: { now })
    }

    static func node(_ text: String, for request: VenueRequest) throws -> JSONNode {
        try Payload.node(text, origin: request.url(baseURL: base))
    }

    // MARK: Requests

    @Test func referenceIsOneMetaAndAssetContextsPost() {
        let requests = Self.adapter().referenceRequests()
        #expect(
            requests.map { $0.url(baseURL: Self.base) } == ["https://api.hyperliquid.xyz/info?type=metaAndAssetCtxs"])
        #expect(requests.map(\.body) == [#"{"type":"metaAndAssetCtxs"}"#])
        #expect(requests.map(\.weight) == [20])
        #expect(requests.map(\.feed) == [nil])
    }

    @Test func fundingStartsMaxPagesTimes500HoursBackAndCandlesEndNow() throws {
        let requests = try Self.adapter(["BTC"], feeds: [.funding, .priceBars]).feedRequests(reference: ReferenceData())
        // 500 h = 1,800,000,000 ms: 1,760,133,600,000 − 1,800,000,000 = 1,758,333,600,000.
        // 500 one-minute candles opening in (now − 30,000,000 ms, now]: startTime 1,760,103,600,001.
        #expect(
            requests.map { $0.url(baseURL: Self.base) } == [
                "https://api.hyperliquid.xyz/info?type=fundingHistory&coin=BTC&startTime=1758333600000",
                "https://api.hyperliquid.xyz/info?type=candleSnapshot&coin=BTC&interval=1m&startTime=1760103600001"
                    + "&endTime=1760133600000",
            ])
        #expect(
            requests.map(\.body) == [
                #"{"type":"fundingHistory","coin":"BTC","startTime":1758333600000}"#,
                #"{"type":"candleSnapshot","req":{"coin":"BTC","interval":"1m","startTime":1760103600001,"#
                    + #""endTime":1760133600000}}"#,
            ])
        // 20 + 500 rows / 20 = 45; 20 + ⌈500 candles / 60⌉ = 29.
        #expect(requests.map(\.weight) == [45, 29])
        #expect(requests.map(\.feed) == [.funding, .priceBars])
        // Three pages of funding start 1,500 h back: 1,760,133,600,000 − 5,400,000,000.
        let deeper = try Self.adapter(["BTC"], feeds: [.funding], maxPages: 3).feedRequests(reference: ReferenceData())
        #expect(deeper.map { $0.queryValue("startTime") } == ["1754733600000"])
    }

    @Test func openInterestAndMarksNeedNoFeedRequest() throws {
        #expect(
            try Self.adapter(feeds: [.openInterest, .markPrice, .liquidations]).feedRequests(reference: ReferenceData())
                .isEmpty)
    }

    @Test func candleIntervalHyperliquidLacksIsAnError() throws {
        let error = #expect(throws: UnsupportedIntervalError.self) {
            try Self.adapter(feeds: [.priceBars], barInterval: "1w").feedRequests(reference: ReferenceData())
        }
        #expect(
            error?.description
                == "hyperliquid: priceBars interval 1w is not offered; use one of "
                + "1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 12h, 1d")
    }

    @Test func coinNamesAreEscapedInTheBody() {
        let request = HyperliquidEndpoints.fundingHistory(coin: "a\"b\\c\u{1}", startTime: 1)
        #expect(request.body == #"{"type":"fundingHistory","coin":"a\"b\\c\u0001","startTime":1}"#)
    }

    // MARK: Reference data

    static let metaAndContexts = """
        [{"universe":[{"szDecimals":5,"name":"BTC","maxLeverage":40},{"szDecimals":4,"name":"ETH","maxLeverage":25},\
        {"szDecimals":2,"name":"SOL","maxLeverage":20}]},[\
        {"funding":"0.0000125","openInterest":"27353.17682","oraclePx":"77605.0","markPx":"77562.0"},\
        {"funding":"-0.00003","openInterest":"605822.2558","oraclePx":"2124.6","markPx":"2123.7"},\
        {"funding":"0.00002","openInterest":"3928422.46","oraclePx":"86.19","markPx":"86.148"}]]
        """

    @Test func contextsGiveInstrumentsMarksIntervalsAndStampedRecords() throws {
        let adapter = Self.adapter(["SOL", "BTC"], feeds: [.openInterest, .liquidations])
        let request = HyperliquidEndpoints.metaAndAssetContexts()
        var reference = ReferenceData()
        try adapter.absorbReference(try Self.node(Self.metaAndContexts, for: request), for: request, into: &reference)
        #expect(reference.instruments.map(\.symbol) == ["SOL", "BTC"])
        let sol = InstrumentKey(venue: .hyperliquid, symbol: "SOL")
        let btc = InstrumentKey(venue: .hyperliquid, symbol: "BTC")
        // universe[2] is SOL: its mark is assetCtxs[2].markPx, 86.148; universe[0] is BTC, 77,562.
        #expect(reference.markPrices == [btc: 77_562, sol: 86.148])
        #expect(reference.fundingIntervalHours == [btc: 1, sol: 1])
        // Only open interest was selected; in universe order, stamped with the clock.
        #expect(
            reference.records == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .hyperliquid, symbol: "BTC", timestampMs: Self.now, quantity: 27_353.17682,
                        quantityUnit: .base, valueUSD: nil)),
                .openInterest(
                    VenueOpenInterest(
                        venue: .hyperliquid, symbol: "SOL", timestampMs: Self.now, quantity: 3_928_422.46,
                        quantityUnit: .base, valueUSD: nil)),
            ])
    }

    @Test func coinTheUniverseLacksIsAnError() throws {
        let request = HyperliquidEndpoints.metaAndAssetContexts()
        var reference = ReferenceData()
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.adapter(["BTC", "DOGE"]).absorbReference(
                try Self.node(Self.metaAndContexts, for: request), for: request, into: &reference)
        }
        #expect(error == UnlistedSymbolError(venue: .hyperliquid, symbol: "DOGE"))
    }

    @Test func unknownRequestTypesAreErrors() throws {
        let request = VenueRequest(venue: .hyperliquid, feed: nil, path: "/info", query: [.init("type", "meta")])
        var reference = ReferenceData()
        let absorbError = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().absorbReference(try Self.node("[]", for: request), for: request, into: &reference)
        }
        #expect(absorbError?.description == "hyperliquid: no decoder for /info?type=meta")
        let feedError = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().decodeFeed(try Self.node("[]", for: request), for: request)
        }
        #expect(feedError == UnknownRequestError(venue: .hyperliquid, path: "/info?type=meta"))
    }

    // MARK: Feeds and paging

    @Test func fundingPagesAreFilteredToTheSelection() throws {
        let request = HyperliquidEndpoints.fundingHistory(coin: "BTC", startTime: 1)
        let records = try Self.adapter(["BTC"]).decodeFeed(
            try Self.node(
                #"[{"coin":"BTC","fundingRate":"0.0000125","time":1760126400000},"#
                    + #"{"coin":"ETH","fundingRate":"0.0000125","time":1760130000000}]"#, for: request), for: request)
        #expect(records.map(\.symbol) == ["BTC"])
    }

    static func fundingRows(_ count: Int, from start: Int64) -> String {
        "["
            + (0..<Int64(count)).map {
                #"{"coin":"BTC","fundingRate":"0.0000125","time":\#(start + $0 * 3_600_000 + 17)}"#
            }.joined(separator: ",") + "]"
    }

    @Test func fundingPagesMoveForwardFromTheLastRow() throws {
        let adapter = Self.adapter(["BTC"])
        let start = Self.now - 1_000 * 3_600_000
        let first = HyperliquidEndpoints.fundingHistory(coin: "BTC", startTime: start)
        let next = try #require(
            try adapter.nextPage(
                after: first, document: try Self.node(Self.fundingRows(500, from: start), for: first), records: []))
        // The last row is at start + 499 h + 17 ms; the next page starts 1 ms after it.
        #expect(next == HyperliquidEndpoints.fundingHistory(coin: "BTC", startTime: start + 499 * 3_600_000 + 18))
        // A short page is the last.
        #expect(
            try adapter.nextPage(
                after: first, document: try Self.node(Self.fundingRows(499, from: start), for: first), records: [])
                == nil)
        // A full page reaching now is the last too.
        let recent = HyperliquidEndpoints.fundingHistory(coin: "BTC", startTime: Self.now - 499 * 3_600_000)
        #expect(
            try adapter.nextPage(
                after: recent,
                document: try Self.node(Self.fundingRows(500, from: Self.now - 499 * 3_600_000), for: recent),
                records: []) == nil)
    }

    @Test func candlePagesMoveBackFromTheOldestCandle() throws {
        var adapter = Self.adapter(["BTC"], feeds: [.priceBars])
        adapter.candlesPerPage = 2
        let first = try #require(try adapter.feedRequests(reference: ReferenceData()).first)
        // 2 candles opening in (now − 120,000, now].
        #expect(first.queryValue("startTime") == "1760133480001")
        let page = """
            [{"t":1760133540000,"T":1760133599999,"s":"BTC","i":"1m","o":"1","c":"1","h":"1","l":"1","v":"1","n":1},\
            {"t":1760133600000,"T":1760133659999,"s":"BTC","i":"1m","o":"1","c":"1","h":"1","l":"1","v":"1","n":1}]
            """
        let next = try #require(
            try adapter.nextPage(after: first, document: try Self.node(page, for: first), records: []))
        // End 1 ms before the oldest candle (21:59), start so that 2 more candles fit: 21:57 and 21:58.
        #expect(
            next
                == HyperliquidEndpoints.candleSnapshot(
                    coin: "BTC", interval: "1m", startTime: 1_760_133_420_000, endTime: 1_760_133_539_999,
                    expectedCandles: 2))
        // A short page is where the venue's candles end.
        let short =
            #"[{"t":1760133600000,"T":1760133659999,"s":"BTC","i":"1m","o":"1","c":"1","h":"1","l":"1","#
            + #""v":"1","n":1}]"#
        #expect(try adapter.nextPage(after: first, document: try Self.node(short, for: first), records: []) == nil)
        #expect(try adapter.nextPage(after: first, document: try Self.node("null", for: first), records: []) == nil)
    }

    // MARK: Venue facts

    @Test func noLiquidationsAnywhere() throws {
        let adapter = Self.adapter()
        #expect(
            adapter.restUnavailability(of: .liquidations)?.hasPrefix("Hyperliquid publishes no market-wide") == true)
        for feed in Feed.allCases where feed != .liquidations {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .sampled)
        #expect(adapter.venue == .hyperliquid)
        #expect(adapter.rateLimitPolicy == RateLimitPolicy(capacity: 1200, windowSeconds: 60, usageReport: .none))
        var decoder = adapter.makeStreamDecoder()
        #expect(
            try decoder.decode(
                try Payload.node(
                    #"{"channel":"trades","data":[{"coin":"BTC","side":"A","px":"1","sz":"1","time":1,"tid":1}]}"#,
                    origin: "c")
            ).isEmpty)
    }
}
