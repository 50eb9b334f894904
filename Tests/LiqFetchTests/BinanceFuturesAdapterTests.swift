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
        // exchangeInfo 1; fundingInfo shares 500 requests / 5 min: 2,400 × 5 / 500 = 24; premiumIndex 1.
        #expect(requests.map(\.weight) == [1, 24, 1, 1])
    }

    @Test func premiumIndexIsChargedToTheFirstSelectedFeedItServes() {
        func feeds(_ selected: Set<Feed>) -> [Feed?] {
            Self.adapter(["BTCUSDT"], feeds: selected).referenceRequests()
                .filter { $0.path == "/fapi/v1/premiumIndex" }.map(\.feed)
        }
        #expect(feeds([.markPrice, .funding, .openInterest]) == [.markPrice])
        #expect(feeds([.funding, .openInterest, .liquidations]) == [.funding])
        #expect(feeds([.openInterest, .priceBars]) == [.openInterest])
        #expect(feeds([.liquidations, .priceBars]) == [])
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

    @Test func coinMarginedReferenceUsesDapiAndOnePremiumIndexForEverySymbol() {
        let adapter = Self.adapter(["BTCUSD_PERP", "ETHUSD_PERP"], feeds: [.funding], venue: .binanceCOINM)
        let base = BinanceEndpoints.defaultBaseURL(.binanceCOINM)
        #expect(base == "https://dapi.binance.com")
        let requests = adapter.referenceRequests()
        // premiumIndex weighs 10 on dapi whatever the filter: one request for both symbols, not 2 × 10.
        #expect(
            Self.urls(requests, base: base) == [
                "https://dapi.binance.com/dapi/v1/exchangeInfo",
                "https://dapi.binance.com/dapi/v1/fundingInfo",
                "https://dapi.binance.com/dapi/v1/premiumIndex",
            ])
        #expect(requests.map(\.weight) == [1, 1, 10])
        #expect(adapter.rateLimitPolicy == BinanceFuturesAdapterTests.adapter().rateLimitPolicy)
        #expect(
            adapter.rateLimitPolicy
                == RateLimitPolicy(
                    capacity: 2400, windowSeconds: 60, usageReport: .usedWeight(header: "X-MBX-USED-WEIGHT-1M")))
    }

    @Test func onlyDatedSymbolsNeedNoFundingInfo() {
        let adapter = Self.adapter(["BTCUSD_251226"], feeds: [.funding], venue: .binanceCOINM)
        #expect(adapter.referenceRequests().map(\.path) == ["/dapi/v1/exchangeInfo", "/dapi/v1/premiumIndex"])
    }

    @Test func feedRequestsPerSymbol() throws {
        let adapter = BinanceFuturesAdapter(
            venue: .binanceUSDM,
            selection: VenueSelection(
                symbols: ["BTCUSDT", "ETHUSDT"], feeds: Set(Feed.allCases), openInterestPeriod: "1h",
                priceBarInterval: "5m"))
        let requests = try adapter.feedRequests(reference: ReferenceData())
        #expect(
            Self.urls(requests) == [
                "https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=1h&limit=500",
                "https://fapi.binance.com/fapi/v1/fundingRate?symbol=BTCUSDT&limit=1000",
                "https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=5m&limit=1000",
                "https://fapi.binance.com/futures/data/openInterestHist?symbol=ETHUSDT&period=1h&limit=500",
                "https://fapi.binance.com/fapi/v1/fundingRate?symbol=ETHUSDT&limit=1000",
                "https://fapi.binance.com/fapi/v1/klines?symbol=ETHUSDT&interval=5m&limit=1000",
            ])
        #expect(requests.map(\.feed) == [.openInterest, .funding, .priceBars, .openInterest, .funding, .priceBars])
        // openInterestHist: weight 0 but 1,000 requests / 5 min → 2,400 × 5 / 1,000 = 12; fundingRate 24;
        // klines with limit 1,000 → 5.
        #expect(requests.map(\.weight) == [12, 24, 5, 12, 24, 5])
    }

    @Test(arguments: [(1, 1.0), (99, 1), (100, 2), (499, 2), (500, 5), (1000, 5), (1001, 10), (1500, 10)])
    func klinesWeighByTheirLimit(limit: Int, weight: Double) throws {
        var adapter = Self.adapter(["BTCUSDT"], feeds: [.priceBars])
        adapter.priceBarLimit = limit
        let requests = try adapter.feedRequests(reference: ReferenceData())
        #expect(requests.map(\.weight) == [weight])
        #expect(requests.first?.queryValue("limit") == String(limit))
    }

    @Test func coinMarginedFeedRequestsKeyHistoryByPairAndSkipFundingOfQuarterlies() throws {
        let adapter = Self.adapter(
            ["BTCUSD_PERP", "BTCUSD_251226"], feeds: [.openInterest, .funding, .priceBars], venue: .binanceCOINM)
        let requests = try adapter.feedRequests(reference: ReferenceData())
        let base = BinanceEndpoints.defaultBaseURL(.binanceCOINM)
        // The perpetual's history is asked by pair and contract type; the quarterly's history is keyed by
        // quarter, so its current value is asked by symbol; a quarterly has no funding.
        #expect(
            Self.urls(requests, base: base) == [
                "https://dapi.binance.com/futures/data/openInterestHist?pair=BTCUSD&contractType=PERPETUAL&period=5m"
                    + "&limit=500",
                "https://dapi.binance.com/dapi/v1/fundingRate?symbol=BTCUSD_PERP&limit=1000",
                "https://dapi.binance.com/dapi/v1/klines?symbol=BTCUSD_PERP&interval=1m&limit=1000",
                "https://dapi.binance.com/dapi/v1/openInterest?symbol=BTCUSD_251226",
                "https://dapi.binance.com/dapi/v1/klines?symbol=BTCUSD_251226&interval=1m&limit=1000",
            ])
        #expect(requests.map(\.weight) == [1, 1, 5, 1, 5])
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
        for feed in [Feed.openInterest, .funding, .markPrice, .priceBars] {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .sampled)
    }

    @Test(arguments: [Venue.binanceUSDM, .binanceCOINM])
    func quarterliesAloneHaveNoFunding(venue: Venue) throws {
        let symbol = venue == .binanceCOINM ? "BTCUSD_251226" : "BTCUSDT_251226"
        let adapter = Self.adapter([symbol], feeds: [.funding, .openInterest], venue: venue)
        #expect(
            adapter.restUnavailability(of: .funding)
                == "only dated Binance contracts are selected, and they pay no funding")
        #expect(adapter.restUnavailability(of: .openInterest) == nil)
        #expect(try adapter.feedRequests(reference: ReferenceData()).allSatisfy { $0.feed == .openInterest })
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
        let request = BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT", feed: .funding)
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
            for: BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT", feed: .openInterest), into: &reference,
            adapter: Self.adapter(["BTCUSDT"], feeds: [.openInterest]))
        #expect(reference.markPrices == [InstrumentKey(venue: .binanceUSDM, symbol: "BTCUSDT"): 60123.45])
        #expect(reference.records.isEmpty)
    }

    @Test func coinMarginedPremiumIndexGivesMarkRecordsForEverySelectedSymbol() throws {
        var reference = ReferenceData()
        let adapter = Self.adapter(["BTCUSD_PERP", "BTCUSD_251226"], feeds: [.markPrice], venue: .binanceCOINM)
        let request = try #require(adapter.referenceRequests().last)
        try Self.absorb(
            """
            [{"symbol":"BTCUSD_PERP","pair":"BTCUSD","markPrice":"112233.4","indexPrice":"112240.1",\
            "estimatedSettlePrice":"112239","lastFundingRate":"0.00010000","interestRate":"0.00010000",\
            "nextFundingTime":1760140800000,"time":1760133599000},\
            {"symbol":"ETHUSD_PERP","pair":"ETHUSD","markPrice":"3876.5","indexPrice":"3877",\
            "lastFundingRate":"0.0001",\
            "interestRate":"0.0001","nextFundingTime":1760140800000,"time":1760133599000},\
            {"symbol":"BTCUSD_251226","pair":"BTCUSD","markPrice":"113001.9","indexPrice":"112240.1",\
            "estimatedSettlePrice":"112239","lastFundingRate":"","interestRate":"","nextFundingTime":0,\
            "time":1760133599000}]
            """, for: request, into: &reference, adapter: adapter)
        #expect(
            reference.records == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_760_133_599_000,
                        markPrice: 112_233.4, indexPrice: 112_240.1)),
                .markPrice(
                    VenueMarkPrice(
                        venue: .binanceCOINM, symbol: "BTCUSD_251226", timestampMs: 1_760_133_599_000,
                        markPrice: 113_001.9, indexPrice: 112_240.1)),
            ])
        #expect(
            reference.markPrices == [
                InstrumentKey(venue: .binanceCOINM, symbol: "BTCUSD_PERP"): 112_233.4,
                InstrumentKey(venue: .binanceCOINM, symbol: "BTCUSD_251226"): 113_001.9,
            ])
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

    @Test func klinesTakeTheirSymbolFromTheRequest() throws {
        let adapter = Self.adapter(["ETHUSDT"], feeds: [.priceBars])
        let request = BinanceEndpoints.klines(.binanceUSDM, symbol: "ETHUSDT", interval: "1m", limit: 1000)
        let document = try Payload.node(
            #"[[1760130000000,"3900.10","3911.00","3890.55","3895.20","1520.411",1760130059999,"5925000.1",4100,"#
                + #""700.200","2729000.5","0"]]"#, origin: request.url(baseURL: Self.base))
        #expect(
            try adapter.decodeFeed(document, for: request) == [
                .priceBar(
                    VenuePriceBar(
                        venue: .binanceUSDM, symbol: "ETHUSDT", bucketStartMs: 1_760_130_000_000, intervalMs: 60_000,
                        open: 3900.1, high: 3911, low: 3890.55, close: 3895.2, volume: 1520.411, volumeUnit: .base,
                        takerBuyVolume: 700.2))
            ])
    }

    @Test func coinMarginedCurrentOpenInterestIsContracts() throws {
        let adapter = Self.adapter(["BTCUSD_251226"], feeds: [.openInterest], venue: .binanceCOINM)
        let request = BinanceEndpoints.openInterest(.binanceCOINM, symbol: "BTCUSD_251226")
        let document = try Payload.node(
            #"{"symbol":"BTCUSD_251226","pair":"BTCUSD","openInterest":"152790","contractType":"CURRENT_QUARTER","#
                + #""time":1760133590000}"#,
            origin: request.url(baseURL: BinanceEndpoints.defaultBaseURL(.binanceCOINM)))
        #expect(
            try adapter.decodeFeed(document, for: request) == [
                .openInterest(
                    VenueOpenInterest(
                        venue: .binanceCOINM, symbol: "BTCUSD_251226", timestampMs: 1_760_133_590_000,
                        quantity: 152_790, quantityUnit: .contracts, valueUSD: nil))
            ])
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = BinanceEndpoints.premiumIndex(.binanceUSDM, symbol: "BTCUSDT", feed: .funding)
        let document = try Payload.node("{}", origin: request.url(baseURL: Self.base))
        let error = #expect(throws: UnknownRequestError.self) { try Self.adapter().decodeFeed(document, for: request) }
        #expect(error == UnknownRequestError(venue: .binanceUSDM, path: "/fapi/v1/premiumIndex"))
    }

    @Test func streamMessagesAreFilteredToTheSelection() throws {
        let adapter = Self.adapter(["BTCUSDT"], feeds: [.liquidations])
        func message(_ symbol: String) -> String {
            """
            {"stream":"!forceOrder@arr","data":{"e":"forceOrder","E":1700000000130,"o":{"s":"\(symbol)","S":"SELL",\
            "o":"LIMIT","f":"IOC","q":"0.5","p":"59000","ap":"59100.5","X":"FILLED","l":"0.5","z":"0.5",\
            "T":1700000000125}}}
            """
        }
        var decoder = adapter.makeStreamDecoder()
        #expect(try decoder.decode(try Payload.node(message("ETHUSDT"), origin: "capture")).isEmpty)
        #expect(
            try decoder.decode(
                try Payload.node(
                    #"{"e":"markPriceUpdate","E":1700000001000,"s":"BTCUSDT","p":"59001","i":"59000","P":"59000","#
                        + #""r":"0.0001","T":1700006400000}"#, origin: "capture")
            ).isEmpty, "marks and running rates only when their feeds are selected")
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
