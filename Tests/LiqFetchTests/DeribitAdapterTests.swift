import LiqCore
import LiqFetch
import Testing

@Suite struct DeribitAdapterTests {
    static let base = DeribitEndpoints.defaultBaseURL
    static let allFeeds: Set<Feed> = [.liquidations, .openInterest, .funding, .markPrice, .priceBars]

    static func adapter(
        _ symbols: [String] = ["BTC-PERPETUAL", "ETH-PERPETUAL"], feeds: Set<Feed> = allFeeds, interval: String = "1m"
    ) -> DeribitAdapter {
        DeribitAdapter(selection: VenueSelection(symbols: symbols, feeds: feeds, priceBarInterval: interval))
    }

    static func urls(_ requests: [VenueRequest]) -> [String] { requests.map { $0.url(baseURL: base) } }

    static let listings = [
        "BTC": [
            DeribitPayloads.instrument("BTC-PERPETUAL"), DeribitPayloads.instrument("BTC-26DEC25", period: "quarter"),
        ],
        "ETH": [DeribitPayloads.instrument("ETH-PERPETUAL", size: "1.0")],
    ]

    /// Reference data from the instrument lists; the ETH answer left the server 20 ms earlier than the BTC one.
    static func reference(for adapter: DeribitAdapter) throws -> ReferenceData {
        var reference = ReferenceData()
        for request in adapter.referenceRequests() {
            let currency = try #require(request.queryValue("currency"))
            let usOut: Int64 = currency == "BTC" ? 1_760_133_600_400_215 : 1_760_133_600_380_000
            let body = DeribitPayloads.envelope(
                "[" + (listings[currency] ?? []).joined(separator: ",") + "]", usOut: usOut)
            try adapter.absorbReference(
                try Payload.node(body, origin: request.url(baseURL: base)), for: request, into: &reference)
        }
        return reference
    }

    // MARK: Reference data

    @Test func instrumentListsPerCurrencyInSelectionOrder() {
        let requests = Self.adapter(["ETH-PERPETUAL", "BTC-PERPETUAL", "BTC-26DEC25", "BTC_USDC-PERPETUAL"])
            .referenceRequests()
        #expect(
            Self.urls(requests) == [
                "https://www.deribit.com/api/v2/public/get_instruments?currency=ETH&kind=future",
                "https://www.deribit.com/api/v2/public/get_instruments?currency=BTC&kind=future",
                "https://www.deribit.com/api/v2/public/get_instruments?currency=USDC&kind=future",
            ])
        #expect(requests.map(\.feed) == [nil, nil, nil])
    }

    @Test func instrumentsAndTheLatestServerTime() throws {
        let reference = try Self.reference(for: Self.adapter(["BTC-PERPETUAL", "ETH-PERPETUAL", "BTC-26DEC25"]))
        // BTC's list absorbs its two selected symbols first, then ETH's.
        #expect(reference.instruments.map(\.symbol) == ["BTC-PERPETUAL", "BTC-26DEC25", "ETH-PERPETUAL"])
        #expect(reference.instruments.map(\.contractSize.value) == [10, 10, 1])
        // usOut 1,760,133,600,400,215 µs → 1,760,133,600,400 ms, the later of the two answers.
        #expect(reference.venueTimeMs == 1_760_133_600_400)
        #expect(reference.records.isEmpty)
    }

    @Test func unlistedSymbolIsAnError() throws {
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.reference(for: Self.adapter(["BTC-PERPETUAL", "BTC-27MAR26"]))
        }
        #expect(error == UnlistedSymbolError(venue: .deribit, symbol: "BTC-27MAR26"))
    }

    @Test func answerWithoutServerTimeIsAnError() throws {
        let adapter = Self.adapter(["BTC-PERPETUAL"])
        let request = DeribitEndpoints.instruments(currency: "BTC")
        var reference = ReferenceData()
        let error = #expect(throws: JSONError.self) {
            try adapter.absorbReference(
                try Payload.node(
                    #"{"jsonrpc":"2.0","result":[\#(DeribitPayloads.instrument("BTC-PERPETUAL"))]}"#, origin: "x"),
                for: request, into: &reference)
        }
        #expect(error?.description == "x: usOut: expected a value, found nothing")
    }

    // MARK: Feed requests

    @Test func feedRequestsWithWindowsAnchoredToTheServerTime() throws {
        let adapter = Self.adapter(["BTC-PERPETUAL", "BTC-26DEC25"])
        let requests = try adapter.feedRequests(reference: try Self.reference(for: adapter))
        let api = "https://www.deribit.com/api/v2/public"
        // Funding: (1,760,133,600,400 − 168 × 3,600,000, 1,760,133,600,400] = [1,759,528,800,401, …400].
        // Bars: up to the last complete minute, 1,760,133,600,400 → 1,760,133,600,000 − 1 = …599,999; 1,000
        // bars back: 1,760,133,600,000 − 60,000,000 = 1,760,073,600,000.
        #expect(
            Self.urls(requests) == [
                api + "/get_last_trades_by_currency?currency=BTC&kind=future&count=1000&sorting=desc",
                api + "/ticker?instrument_name=BTC-PERPETUAL",
                api + "/ticker?instrument_name=BTC-PERPETUAL",
                api + "/ticker?instrument_name=BTC-PERPETUAL",
                api + "/get_funding_rate_history?instrument_name=BTC-PERPETUAL&start_timestamp=1759528800401"
                    + "&end_timestamp=1760133600400",
                api + "/get_tradingview_chart_data?instrument_name=BTC-PERPETUAL&start_timestamp=1760073600000"
                    + "&end_timestamp=1760133599999&resolution=1",
                api + "/ticker?instrument_name=BTC-26DEC25",
                api + "/ticker?instrument_name=BTC-26DEC25",
                api + "/get_tradingview_chart_data?instrument_name=BTC-26DEC25&start_timestamp=1760073600000"
                    + "&end_timestamp=1760133599999&resolution=1",
            ])
        // One ticker per feed, so a failure starves only its own feed; the dated future pays no funding.
        #expect(
            requests.map(\.feed) == [
                .liquidations, .openInterest, .markPrice, .funding, .funding, .priceBars, .openInterest, .markPrice,
                .priceBars,
            ])
    }

    @Test func hourBarsEndAtTheLastCompleteHour() throws {
        var adapter = Self.adapter(["BTC-PERPETUAL"], feeds: [.priceBars], interval: "1h")
        adapter.priceBarLimit = 24
        // 1,760,133,600,400 → the hour starting 1,760,133,600,000 is running; end 1,760,133,599,999; 24 hours back.
        #expect(
            Self.urls(try adapter.feedRequests(reference: try Self.reference(for: adapter))) == [
                "https://www.deribit.com/api/v2/public/get_tradingview_chart_data?instrument_name=BTC-PERPETUAL"
                    + "&start_timestamp=1760047200000&end_timestamp=1760133599999&resolution=60"
            ])
    }

    @Test func fourHourBarsAreAPlanningError() throws {
        let adapter = Self.adapter(["BTC-PERPETUAL"], feeds: [.priceBars], interval: "4h")
        let error = #expect(throws: UnplannableFeedError.self) {
            try adapter.feedRequests(reference: try Self.reference(for: adapter))
        }
        #expect(
            error?.description
                == "deribit: cannot request priceBars: Deribit charts 1m, 5m, 15m, 1h and 1d bars, not 4h")
    }

    @Test func windowsNeedTheServerTime() throws {
        let adapter = Self.adapter(["BTC-PERPETUAL"], feeds: [.funding])
        var reference = try Self.reference(for: adapter)
        reference.venueTimeMs = nil
        let error = #expect(throws: UnplannableFeedError.self) { try adapter.feedRequests(reference: reference) }
        #expect(
            error?.description
                == "deribit: cannot request funding: its history needs a time window and the reference data has no "
                + "server time (usOut of the instruments answer)")
    }

    // MARK: Decoding

    @Test func tradesPageKeepsTheSelectedLiquidations() throws {
        let request = DeribitEndpoints.lastTrades(currency: "BTC", count: 1000, endTimestampMs: nil)
        let trades = [
            DeribitPayloads.trade("3", direction: "sell", liquidation: "T"),
            DeribitPayloads.trade("2", direction: "buy", liquidation: "M", instrument: "BTC-26DEC25"),
            DeribitPayloads.trade("1", direction: "buy", liquidation: nil),
        ]
        let document = try Payload.node(
            DeribitPayloads.envelope(#"{"trades":["# + trades.joined(separator: ",") + #"],"has_more":false}"#),
            origin: request.url(baseURL: Self.base))
        let records = try Self.adapter().decodeFeed(document, for: request)
        #expect(records.map(\.symbol) == ["BTC-PERPETUAL"])
        #expect(records.map(\.feed) == [.liquidations])
    }

    @Test(arguments: [Feed.openInterest, .funding, .markPrice])
    func tickerRequestYieldsItsOwnFeedOnly(feed: Feed) throws {
        let request = DeribitEndpoints.ticker(instrument: "BTC-PERPETUAL", feed: feed)
        let document = try Payload.node(DeribitPayloads.envelope(DeribitPayloads.ticker()), origin: "ticker")
        #expect(try Self.adapter().decodeFeed(document, for: request).map(\.feed) == [feed])
    }

    @Test func historyAndBarsTakeTheInstrumentFromTheRequest() throws {
        let adapter = Self.adapter()
        let history = DeribitEndpoints.fundingRateHistory(instrument: "ETH-PERPETUAL", startMs: 1, endMs: 2)
        let rows = DeribitPayloads.envelope(
            #"[{"timestamp":1760133600000,"interest_8h":0.0000161,"interest_1h":-0.000052}]"#)
        #expect(
            try adapter.decodeFeed(try Payload.node(rows, origin: "h"), for: history).map(\.symbol) == ["ETH-PERPETUAL"]
        )
        let chart = DeribitEndpoints.chartData(instrument: "ETH-PERPETUAL", startMs: 1, endMs: 2, resolution: "5")
        let columns = DeribitPayloads.envelope(
            #"{"volume":[5.1],"ticks":[1760126400000],"status":"ok","open":[4365.0],"low":[4360.0],"high":[4370.0],"#
                + #""cost":[22300.0],"close":[4368.0]}"#)
        let bars = try adapter.decodeFeed(try Payload.node(columns, origin: "c"), for: chart)
        #expect(
            bars == [
                .priceBar(
                    VenuePriceBar(
                        venue: .deribit, symbol: "ETH-PERPETUAL", bucketStartMs: 1_760_126_400_000, intervalMs: 300_000,
                        open: 4365, high: 4370, low: 4360, close: 4368, volume: 5.1, volumeUnit: .base,
                        takerBuyVolume: nil))
            ])
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = DeribitEndpoints.instruments(currency: "BTC")
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().decodeFeed(try Payload.node(DeribitPayloads.envelope("[]"), origin: "x"), for: request)
        }
        #expect(error == UnknownRequestError(venue: .deribit, path: "/api/v2/public/get_instruments"))
    }

    // MARK: Paging

    static func tradesPage(_ timestamps: [Int64], hasMore: Bool) throws -> JSONNode {
        let trades = timestamps.enumerated().map {
            DeribitPayloads.trade(String($0.offset), direction: "sell", liquidation: nil, timestamp: $0.element)
        }
        return try Payload.node(
            DeribitPayloads.envelope(#"{"trades":["# + trades.joined(separator: ",") + #"],"has_more":\#(hasMore)}"#),
            origin: "trades")
    }

    @Test func tradesPageBackFromTheOldestTradeWhileThereIsMore() throws {
        let adapter = Self.adapter()
        let first = DeribitEndpoints.lastTrades(currency: "BTC", count: 1000, endTimestampMs: nil)
        let second = try #require(
            try adapter.nextPage(
                after: first, document: try Self.tradesPage([1_760_133_500_000, 1_760_133_400_000], hasMore: true),
                records: []))
        // Inclusive of the oldest millisecond, so trades sharing it are not skipped.
        #expect(
            second.url(baseURL: Self.base)
                == "https://www.deribit.com/api/v2/public/get_last_trades_by_currency?currency=BTC&kind=future"
                + "&count=1000&sorting=desc&end_timestamp=1760133400000")
        // A page entirely within that millisecond must still move back.
        let third = try #require(
            try adapter.nextPage(
                after: second, document: try Self.tradesPage([1_760_133_400_000], hasMore: true), records: []))
        #expect(third.queryValue("end_timestamp") == "1760133399999")
        #expect(
            try adapter.nextPage(
                after: third, document: try Self.tradesPage([1_760_133_300_000], hasMore: false), records: [])
                == nil)
    }

    @Test func windowsPageBackWhileTheyHoldData() throws {
        let adapter = Self.adapter()
        let window = DeribitEndpoints.fundingRateHistory(
            instrument: "BTC-PERPETUAL", startMs: 1_759_528_800_401, endMs: 1_760_133_600_400)
        let record = VenueRecord.funding(
            VenueFunding(
                venue: .deribit, symbol: "BTC-PERPETUAL", timestampMs: 1_760_133_600_000, rate: 0, intervalHours: 1,
                kind: .settled))
        let document = try Payload.node(DeribitPayloads.envelope("[]"), origin: "h")
        let previous = try #require(try adapter.nextPage(after: window, document: document, records: [record]))
        // The 604,800,000 ms before 1,759,528,800,401.
        #expect(previous.queryValue("start_timestamp") == "1758924000401")
        #expect(previous.queryValue("end_timestamp") == "1759528800400")
        #expect(try adapter.nextPage(after: previous, document: document, records: []) == nil)
        let ticker = DeribitEndpoints.ticker(instrument: "BTC-PERPETUAL", feed: .markPrice)
        #expect(try adapter.nextPage(after: ticker, document: document, records: [record]) == nil)
    }

    // MARK: Venue facts

    @Test func everyFeedHasARESTSourceAndLiquidationsAreComplete() {
        let adapter = Self.adapter()
        for feed in Feed.allCases {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .complete)
        #expect(adapter.venue == .deribit)
        #expect(adapter.rateLimitPolicy == RateLimitPolicy(capacity: 20, windowSeconds: 1, usageReport: .none))
    }
}
