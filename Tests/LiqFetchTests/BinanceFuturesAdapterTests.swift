import LiqCore
import LiqFetch
import Testing

@Suite struct BinanceFuturesAdapterTests {
    static let base = BinanceEndpoints.defaultBaseURL(.binanceUSDM)

    static func adapter(
        _ symbols: [String] = ["BTCUSDT", "ETHUSDT"], feeds: Set<Feed> = [.liquidations, .openInterest, .funding],
        period: String = "5m", venue: Venue = .binanceUSDM
    ) -> BinanceFuturesAdapter {
        BinanceFuturesAdapter(
            venue: venue, selection: VenueSelection(symbols: symbols, feeds: feeds, openInterestPeriod: period))
    }

    static func urls(_ requests: [VenueRequest], base: String = base) -> [String] {
        requests.map { $0.url(baseURL: base) }
    }

    static let exchangeInfo = """
        {"timezone":"UTC","serverTime":1700000000000,"symbols":[\
        {"symbol":"ETHUSDT","pair":"ETHUSDT","contractType":"PERPETUAL","baseAsset":"ETH","quoteAsset":"USDT",\
        "marginAsset":"USDT"},\
        {"symbol":"SOLUSDT","pair":"SOLUSDT","contractType":"PERPETUAL","baseAsset":"SOL","quoteAsset":"USDT",\
        "marginAsset":"USDT"},\
        {"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","baseAsset":"BTC","quoteAsset":"USDT",\
        "marginAsset":"USDT"}]}
        """

    static func absorb(
        _ text: String, for request: VenueRequest, into reference: inout ReferenceData,
        adapter: BinanceFuturesAdapter = adapter()
    ) throws {
        let document = try Payload.node(text, origin: request.url(baseURL: base))
        try adapter.absorbReference(document, for: request, into: &reference)
    }

    // MARK: Requests

    @Test func referenceRequestsForAllFeeds() {
        let requests = Self.adapter().referenceRequests()
        #expect(
            Self.urls(requests) == [
                "https://fapi.binance.com/fapi/v1/exchangeInfo",
                "https://fapi.binance.com/fapi/v1/fundingInfo",
                "https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT",
                "https://fapi.binance.com/fapi/v1/premiumIndex?symbol=ETHUSDT",
            ])
        #expect(requests.map(\.feed) == [nil, .funding, .funding, .funding])
    }

    @Test func referenceRequestsForOpenInterestOnlyStillFetchMarks() {
        #expect(
            Self.urls(Self.adapter(["BTCUSDT"], feeds: [.openInterest]).referenceRequests()) == [
                "https://fapi.binance.com/fapi/v1/exchangeInfo",
                "https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT",
            ])
    }

    @Test func referenceRequestsForLiquidationsOnlyAreJustInstruments() {
        #expect(
            Self.urls(Self.adapter(feeds: [.liquidations]).referenceRequests()) == [
                "https://fapi.binance.com/fapi/v1/exchangeInfo"
            ])
    }

    @Test func coinMarginedRequestsUseDapi() {
        let adapter = Self.adapter(["BTCUSD_PERP"], feeds: [.funding], venue: .binanceCOINM)
        let base = BinanceEndpoints.defaultBaseURL(.binanceCOINM)
        #expect(base == "https://dapi.binance.com")
        #expect(
            Self.urls(adapter.referenceRequests(), base: base) == [
                "https://dapi.binance.com/dapi/v1/exchangeInfo",
                "https://dapi.binance.com/dapi/v1/fundingInfo",
                "https://dapi.binance.com/dapi/v1/premiumIndex?symbol=BTCUSD_PERP",
            ])
    }

    @Test func feedRequestsPerSymbol() throws {
        let requests = try Self.adapter(period: "1h").feedRequests(reference: ReferenceData())
        #expect(
            Self.urls(requests) == [
                "https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=1h&limit=500",
                "https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&limit=1000",
                "https://fapi.binance.com/futures/data/openInterestHist?symbol=ETHUSDT&period=1h&limit=500",
                "https://fapi.binance.com/fapi/v1/fundingRate?symbol=ETHUSDT&limit=1000",
            ])
        #expect(requests.map(\.feed) == [.openInterest, .funding, .openInterest, .funding])
    }

    @Test func feedRequestsHonourConfiguredLimits() throws {
        var adapter = Self.adapter(["BTCUSDT"])
        adapter.openInterestLimit = 30
        adapter.fundingLimit = 200
        #expect(
            Self.urls(try adapter.feedRequests(reference: ReferenceData())) == [
                "https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=5m&limit=30",
                "https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&limit=200",
            ])
    }

    @Test func liquidationsHaveNoRESTSource() throws {
        let adapter = Self.adapter(feeds: [.liquidations])
        #expect(try adapter.feedRequests(reference: ReferenceData()).isEmpty)
        let reason = try #require(adapter.restUnavailability(of: .liquidations))
        #expect(reason.contains("!forceOrder@arr"))
        #expect(adapter.restUnavailability(of: .openInterest) == nil)
        #expect(adapter.restUnavailability(of: .funding) == nil)
        #expect(adapter.liquidationCompleteness == .sampled)
    }

    // MARK: Reference data

    @Test func exchangeInfoBuildsSelectedInstrumentsWithTheDefaultInterval() throws {
        var reference = ReferenceData()
        try Self.absorb(Self.exchangeInfo, for: BinanceEndpoints.exchangeInfo(.binanceUSDM), into: &reference)
        #expect(reference.instruments.map(\.symbol) == ["BTCUSDT", "ETHUSDT"])
        #expect(reference.instruments.map(\.baseAsset) == ["BTC", "ETH"])
        #expect(reference.instrument(venue: .binanceUSDM, symbol: "SOLUSDT") == nil)
        #expect(
            reference.fundingIntervalHours == [
                InstrumentKey(venue: .binanceUSDM, symbol: "BTCUSDT"): 8,
                InstrumentKey(venue: .binanceUSDM, symbol: "ETHUSDT"): 8,
            ])
    }

    @Test func unlistedSymbolIsAnError() throws {
        var reference = ReferenceData()
        let adapter = Self.adapter(["BTCUSDT", "DOGEUSDT"])
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.absorb(
                Self.exchangeInfo, for: BinanceEndpoints.exchangeInfo(.binanceUSDM), into: &reference, adapter: adapter)
        }
        #expect(error == UnlistedSymbolError(venue: .binanceUSDM, symbol: "DOGEUSDT"))
        #expect(
            error?.description
                == "binance-usdm: symbol DOGEUSDT is not listed by the venue's instruments endpoint")
    }

    static let fundingInfo = """
        [{"symbol":"ETHUSDT","adjustedFundingRateCap":"0.02","adjustedFundingRateFloor":"-0.02",\
        "fundingIntervalHours":4,"disclaimer":false},\
        {"symbol":"SOLUSDT","adjustedFundingRateCap":"0.02","adjustedFundingRateFloor":"-0.02",\
        "fundingIntervalHours":1,"disclaimer":false}]
        """

    @Test(arguments: [false, true])
    func fundingInfoOverridesTheDefaultInEitherOrder(fundingInfoFirst: Bool) throws {
        var reference = ReferenceData()
        let steps = [
            (Self.exchangeInfo, BinanceEndpoints.exchangeInfo(.binanceUSDM)),
            (Self.fundingInfo, BinanceEndpoints.fundingInfo(.binanceUSDM)),
        ]
        for (text, request) in fundingInfoFirst ? steps.reversed() : steps {
            try Self.absorb(text, for: request, into: &reference)
        }
        // ETHUSDT is adjusted to 4 h, BTCUSDT is not listed so keeps 8 h, SOLUSDT is not selected.
        #expect(
            reference.fundingIntervalHours == [
                InstrumentKey(venue: .binanceUSDM, symbol: "BTCUSDT"): 8,
                InstrumentKey(venue: .binanceUSDM, symbol: "ETHUSDT"): 4,
            ])
    }

    @Test func premiumIndexGivesMarksAndRunningRates() throws {
        var reference = ReferenceData()
        let request = BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT")
        try Self.absorb(
            """
            [{"symbol":"BTCUSDT","markPrice":"60123.45","indexPrice":"60100","lastFundingRate":"0.00010000",\
            "nextFundingTime":1700006400000,"time":1700000000321},\
            {"symbol":"SOLUSDT","markPrice":"55.5","indexPrice":"55.4","lastFundingRate":"0.00020000",\
            "nextFundingTime":1700006400000,"time":1700000000321}]
            """, for: request, into: &reference)
        #expect(reference.markPrices == [InstrumentKey(venue: .binanceUSDM, symbol: "BTCUSDT"): 60123.45])
        #expect(
            reference.records == [
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_000_321, rate: 0.0001,
                        intervalHours: nil, kind: .predicted))
            ])
    }

    @Test func premiumIndexWithoutTheFundingFeedGivesOnlyMarks() throws {
        var reference = ReferenceData()
        try Self.absorb(
            #"{"symbol":"BTCUSDT","markPrice":"60123.45","lastFundingRate":"0.0001","nextFundingTime":1700006400000,"#
                + #""time":1700000000321}"#,
            for: BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT"), into: &reference,
            adapter: Self.adapter(["BTCUSDT"], feeds: [.openInterest]))
        #expect(reference.markPrices == [InstrumentKey(venue: .binanceUSDM, symbol: "BTCUSDT"): 60123.45])
        #expect(reference.records.isEmpty)
    }

    @Test func unknownReferencePathIsAnError() throws {
        var reference = ReferenceData()
        let request = VenueRequest(venue: .binanceUSDM, feed: nil, path: "/fapi/v1/ticker/24hr", query: [])
        let error = #expect(throws: UnknownRequestError.self) { try Self.absorb("[]", for: request, into: &reference) }
        #expect(error?.description == "binance-usdm: no decoder for /fapi/v1/ticker/24hr")
    }

    // MARK: Feeds

    @Test func openInterestHistoryIsFilteredToTheSelection() throws {
        let adapter = Self.adapter(["BTCUSDT"])
        let request = BinanceEndpoints.openInterestHistory(.binanceUSDM, symbol: "BTCUSDT", period: "5m", limit: 500)
        let document = try Payload.node(
            """
            [{"symbol":"BTCUSDT","sumOpenInterest":"81234.567","sumOpenInterestValue":"5481234567.89",\
            "timestamp":1700000100000},\
            {"symbol":"ETHUSDT","sumOpenInterest":"1","sumOpenInterestValue":"2000","timestamp":1700000100000}]
            """, origin: request.url(baseURL: Self.base))
        #expect(
            try adapter.decodeFeed(document, for: request) == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_100_000, quantity: 81234.567,
                        quantityUnit: .base, valueUSD: 5_481_234_567.89))
            ])
    }

    @Test func fundingHistoryIsFilteredToTheSelection() throws {
        let adapter = Self.adapter(["ETHUSDT"])
        let request = BinanceEndpoints.fundingRateHistory(.binanceUSDM, symbol: "ETHUSDT", limit: 1000)
        let document = try Payload.node(
            """
            [{"symbol":"BTCUSDT","fundingTime":1699977600000,"fundingRate":"0.0001","markPrice":"60000"},\
            {"symbol":"ETHUSDT","fundingTime":1699977600000,"fundingRate":"0.00012345","markPrice":"2034.1"}]
            """, origin: request.url(baseURL: Self.base))
        #expect(
            try adapter.decodeFeed(document, for: request) == [
                .funding(
                    VenueFunding(
                        venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_699_977_600_000, rate: 0.00012345,
                        intervalHours: nil, kind: .settled))
            ])
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT")
        let document = try Payload.node("{}", origin: request.url(baseURL: Self.base))
        let error = #expect(throws: UnknownRequestError.self) { try Self.adapter().decodeFeed(document, for: request) }
        #expect(error == UnknownRequestError(venue: .binanceUSDM, path: "/fapi/v1/premiumIndex"))
    }

    @Test func streamMessagesAreFilteredToTheSelection() throws {
        let adapter = Self.adapter(["BTCUSDT"])
        func message(_ symbol: String) -> String {
            """
            {"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1700000000130,"o":{"s":"\(symbol)","S":"SELL",\
            "o":"LIMIT","f":"IOC","q":"0.5","p":"59000","ap":"59100.5","X":"FILLED","l":"0.5","z":"0.5",\
            "T":1700000000125}}}
            """
        }
        var decoder = adapter.makeStreamDecoder()
        #expect(try decoder.decode(try Payload.node(message("ETHUSDT"), origin: "capture")).isEmpty)
        #expect(try decoder.decode(try Payload.node(#"{"result":null,"id":1}"#, origin: "capture")).isEmpty)
        #expect(
            try decoder.decode(try Payload.node(message("BTCUSDT"), origin: "capture")) == [
                .liquidation(
                    VenueLiquidation(
                        venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_000_125, side: .long,
                        price: 59100.5, priceKind: .fill, quantity: 0.5, quantityUnit: .base, completeness: .sampled))
            ])
    }
}
