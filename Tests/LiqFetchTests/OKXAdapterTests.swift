import LiqCore
import LiqFetch
import Testing

@Suite struct OKXAdapterTests {
    static let base = OKXEndpoints.defaultBaseURL

    static func adapter(
        _ symbols: [String] = ["BTC-USDT-SWAP", "BTC-USD-SWAP"],
        feeds: Set<Feed> = [.liquidations, .openInterest, .funding]
    ) -> OKXAdapter {
        OKXAdapter(selection: VenueSelection(symbols: symbols, feeds: feeds))
    }

    static func urls(_ requests: [VenueRequest]) -> [String] { requests.map { $0.url(baseURL: base) } }

    static func node(_ text: String, for request: VenueRequest) throws -> JSONNode {
        try Payload.node(text, origin: request.url(baseURL: base))
    }

    static func instrumentRow(_ instID: String, instType: String = "SWAP") -> String {
        let parts = instID.split(separator: "-")
        let underlying = "\(parts[0])-\(parts[1])"
        let inverse = parts[1] == "USD"
        return """
            {"ctMult":"1","ctType":"\(inverse ? "inverse" : "linear")","ctVal":"\(inverse ? "100" : "0.01")",\
            "ctValCcy":"\(inverse ? "USD" : parts[0])","instFamily":"\(underlying)","instId":"\(instID)",\
            "instType":"\(instType)","settleCcy":"\(inverse ? parts[0] : parts[1])","state":"live",\
            "uly":"\(underlying)"}
            """
    }

    static func envelope(_ rows: [String]) -> String {
        #"{"code":"0","msg":"","data":["# + rows.joined(separator: ",") + "]}"
    }

    /// Reference data as `absorbReference` builds it from the two instrument lists.
    static func reference(for adapter: OKXAdapter) throws -> ReferenceData {
        var reference = ReferenceData()
        let swaps = ["BTC-USD-SWAP", "BTC-USDT-SWAP", "ETH-USDT-SWAP"].map { instrumentRow($0) }
        let futures = ["BTC-USDT-250328", "BTC-USDT-250627", "BTC-USD-250328"].map {
            instrumentRow($0, instType: "FUTURES")
        }
        for request in adapter.referenceRequests() where request.path == "/api/v5/public/instruments" {
            let rows = request.query == [.init("instType", "SWAP")] ? swaps : futures
            try adapter.absorbReference(try node(envelope(rows), for: request), for: request, into: &reference)
        }
        return reference
    }

    // MARK: Requests

    @Test func referenceRequestsAreInstrumentListsThenRunningRatesOfSwaps() {
        let adapter = Self.adapter(["BTC-USDT-SWAP", "BTC-USDT-250328", "BTC-USD-SWAP"])
        let requests = adapter.referenceRequests()
        #expect(
            Self.urls(requests) == [
                "https://www.okx.com/api/v5/public/instruments?instType=FUTURES",
                "https://www.okx.com/api/v5/public/instruments?instType=SWAP",
                "https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USDT-SWAP",
                "https://www.okx.com/api/v5/public/funding-rate?instId=BTC-USD-SWAP",
            ])
        #expect(requests.map(\.feed) == [nil, nil, .funding, .funding])
        #expect(
            Self.urls(Self.adapter(feeds: [.liquidations]).referenceRequests()) == [
                "https://www.okx.com/api/v5/public/instruments?instType=SWAP"
            ])
    }

    @Test func feedRequestsDeduplicateLiquidationsPerUnderlying() throws {
        // Two BTC-USDT futures share one underlying request; the BTC-USDT swap is another instType.
        let adapter = Self.adapter(["BTC-USDT-SWAP", "BTC-USDT-250328", "BTC-USDT-250627", "BTC-USD-SWAP"])
        let requests = try adapter.feedRequests(reference: try Self.reference(for: adapter))
        let liquidations = "https://www.okx.com/api/v5/public/liquidation-orders"
        #expect(
            Self.urls(requests) == [
                liquidations + "?instType=SWAP&uly=BTC-USDT&state=filled&limit=100",
                liquidations + "?instType=FUTURES&uly=BTC-USDT&state=filled&limit=100",
                liquidations + "?instType=SWAP&uly=BTC-USD&state=filled&limit=100",
                "https://www.okx.com/api/v5/public/open-interest?instType=FUTURES",
                "https://www.okx.com/api/v5/public/open-interest?instType=SWAP",
                "https://www.okx.com/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=100",
                "https://www.okx.com/api/v5/public/funding-rate-history?instId=BTC-USD-SWAP&limit=100",
            ])
        #expect(
            requests.map(\.feed) == [
                .liquidations, .liquidations, .liquidations, .openInterest, .openInterest, .funding, .funding,
            ])
    }

    @Test func pageLimitIsConfigurable() throws {
        var adapter = Self.adapter(["BTC-USDT-SWAP"], feeds: [.liquidations, .funding])
        adapter.pageLimit = 40
        #expect(
            Self.urls(try adapter.feedRequests(reference: try Self.reference(for: adapter))) == [
                "https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&uly=BTC-USDT&state=filled&limit=40",
                "https://www.okx.com/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&limit=40",
            ])
    }

    @Test func liquidationRequestsNeedTheInstruments() throws {
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.adapter(feeds: [.liquidations]).feedRequests(reference: ReferenceData())
        }
        #expect(error == UnlistedSymbolError(venue: .okx, symbol: "BTC-USDT-SWAP"))
    }

    // MARK: Reference data

    @Test func instrumentListsBuildTheSelectedInstruments() throws {
        let adapter = Self.adapter(["BTC-USDT-SWAP", "BTC-USD-250328", "BTC-USD-SWAP"])
        let reference = try Self.reference(for: adapter)
        // FUTURES is requested (and absorbed) first, then SWAP; each list contributes its own selected symbols.
        #expect(reference.instruments.map(\.symbol) == ["BTC-USD-250328", "BTC-USDT-SWAP", "BTC-USD-SWAP"])
        let linear = try #require(reference.instrument(venue: .okx, symbol: "BTC-USDT-SWAP"))
        #expect(linear.contractSize == ContractSize(value: 0.01, unit: .base))
        let inverse = try #require(reference.instrument(venue: .okx, symbol: "BTC-USD-SWAP"))
        #expect(inverse.contractSize == ContractSize(value: 100, unit: .usd))
        #expect(reference.instrument(venue: .okx, symbol: "ETH-USDT-SWAP") == nil)
    }

    @Test func symbolTheVenueDoesNotListIsAnError() throws {
        let adapter = Self.adapter(["BTC-USDT-SWAP", "DOGE-USDT-SWAP"], feeds: [.liquidations])
        let error = #expect(throws: UnlistedSymbolError.self) { try Self.reference(for: adapter) }
        #expect(error == UnlistedSymbolError(venue: .okx, symbol: "DOGE-USDT-SWAP"))
        #expect(error?.description == "okx: symbol DOGE-USDT-SWAP is not listed by the venue's instruments endpoint")
    }

    @Test func runningRateGivesTheIntervalAndARecord() throws {
        let adapter = Self.adapter(["BTC-USDT-SWAP"], feeds: [.funding])
        let request = OKXEndpoints.fundingRate(instID: "BTC-USDT-SWAP")
        var reference = ReferenceData()
        try adapter.absorbReference(
            try Self.node(
                Self.envelope([
                    #"{"fundingRate":"0.0001","fundingTime":"1700006400000","instId":"BTC-USDT-SWAP","#
                        + #""instType":"SWAP","nextFundingTime":"1700020800000","ts":"1700000000000"}"#
                ]), for: request), for: request, into: &reference)
        // 1700020800000 − 1700006400000 = 14,400,000 ms = 4 h.
        #expect(reference.fundingIntervalHours == [InstrumentKey(venue: .okx, symbol: "BTC-USDT-SWAP"): 4])
        #expect(
            reference.records == [
                .funding(
                    VenueFunding(
                        venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_700_000_000_000, rate: 0.0001,
                        intervalHours: 4, kind: .predicted))
            ])
    }

    @Test func unknownReferencePathIsAnError() throws {
        let request = OKXEndpoints.openInterest(instType: "SWAP")
        var reference = ReferenceData()
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().absorbReference(
                try Self.node(Self.envelope([]), for: request), for: request, into: &reference)
        }
        #expect(error == UnknownRequestError(venue: .okx, path: "/api/v5/public/open-interest"))
    }

    // MARK: Feeds

    @Test func liquidationOrdersAreFilteredToTheSelection() throws {
        let adapter = Self.adapter(["BTC-USDT-SWAP"])
        let request = OKXEndpoints.liquidationOrders(instType: "SWAP", underlying: "BTC-USDT", limit: 100)
        let document = try Self.node(
            Self.envelope([
                #"{"details":[{"bkLoss":"0","bkPx":"30000","ccy":"","posSide":"long","side":"sell","sz":"39","#
                    + #""ts":"1700000000100"}],"instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}"#,
                #"{"details":[{"bkLoss":"0","bkPx":"30100","ccy":"","posSide":"short","side":"buy","sz":"3","#
                    + #""ts":"1700000000200"}],"instId":"BTC-USDT-250328","instType":"FUTURES","uly":"BTC-USDT"}"#,
            ]), for: request)
        #expect(
            try adapter.decodeFeed(document, for: request) == [
                .liquidation(
                    VenueLiquidation(
                        venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_700_000_000_100, side: .long,
                        price: 30000, priceKind: .bankruptcy, quantity: 39, quantityUnit: .contracts,
                        completeness: .complete))
            ])
    }

    @Test func openInterestIsFilteredToTheSelection() throws {
        let request = OKXEndpoints.openInterest(instType: "SWAP")
        let document = try Self.node(
            Self.envelope([
                #"{"instId":"ETH-USDT-SWAP","instType":"SWAP","oi":"1000","oiCcy":"100","oiUsd":"200000","#
                    + #""ts":"1700000000000"}"#,
                #"{"instId":"BTC-USD-SWAP","instType":"SWAP","oi":"250","oiCcy":"0.41666667","oiUsd":"25000","#
                    + #""ts":"1700000000000"}"#,
            ]), for: request)
        let records = try Self.adapter().decodeFeed(document, for: request)
        #expect(records.map(\.symbol) == ["BTC-USD-SWAP"])
    }

    @Test func fundingHistoryIsFilteredToTheSelection() throws {
        let request = OKXEndpoints.fundingRateHistory(instID: "BTC-USD-SWAP", limit: 100)
        let document = try Self.node(
            Self.envelope([
                #"{"instType":"SWAP","instId":"BTC-USD-SWAP","fundingRate":"0.00011","realizedRate":"0.0001","#
                    + #""fundingTime":"1700006400000"}"#,
                #"{"instType":"SWAP","instId":"LTC-USD-SWAP","fundingRate":"0.0002","realizedRate":"0.0002","#
                    + #""fundingTime":"1700006400000"}"#,
            ]), for: request)
        #expect(
            try Self.adapter().decodeFeed(document, for: request) == [
                .funding(
                    VenueFunding(
                        venue: .okx, symbol: "BTC-USD-SWAP", timestampMs: 1_700_006_400_000, rate: 0.0001,
                        intervalHours: nil, kind: .settled))
            ])
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = OKXEndpoints.fundingRate(instID: "BTC-USDT-SWAP")
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().decodeFeed(try Self.node(Self.envelope([]), for: request), for: request)
        }
        #expect(error == UnknownRequestError(venue: .okx, path: "/api/v5/public/funding-rate"))
    }

    @Test func streamPushesAreFilteredToTheSelection() throws {
        let push = """
            {"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[\
            {"details":[{"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"short","side":"buy","sz":"39",\
            "ts":"1700000000300"}],\
            "instFamily":"XRP-USDT","instId":"XRP-USDT-SWAP","instType":"SWAP","uly":"XRP-USDT"},\
            {"details":[{"bkLoss":"0","bkPx":"60000","ccy":"","posSide":"long","side":"sell","sz":"25",\
            "ts":"1700000000400"}],\
            "instFamily":"BTC-USD","instId":"BTC-USD-SWAP","instType":"SWAP","uly":"BTC-USD"}]}
            """
        var decoder = Self.adapter().makeStreamDecoder()
        #expect(
            try decoder.decode(
                try Payload.node(
                    #"{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"}}"#,
                    origin: "capture.ndjson")
            ).isEmpty)
        #expect(throws: VenueAPIError.self) {
            try decoder.decode(
                try Payload.node(#"{"event":"error","code":"60018","msg":"channel doesn't exist"}"#, origin: "c"))
        }
        let records = try decoder.decode(try Payload.node(push, origin: "capture.ndjson"))
        #expect(
            records == [
                .liquidation(
                    VenueLiquidation(
                        venue: .okx, symbol: "BTC-USD-SWAP", timestampMs: 1_700_000_000_400, side: .long, price: 60000,
                        priceKind: .bankruptcy, quantity: 25, quantityUnit: .contracts, completeness: .complete))
            ])
    }

    @Test func markPricesPerInstrumentTypeAndCandlesPerInstrument() throws {
        let adapter = OKXAdapter(
            selection: VenueSelection(
                symbols: ["BTC-USDT-SWAP", "BTC-USD-250328"], feeds: [.markPrice, .priceBars], priceBarInterval: "1h"))
        let requests = try adapter.feedRequests(reference: ReferenceData())
        #expect(
            Self.urls(requests) == [
                "https://www.okx.com/api/v5/public/mark-price?instType=FUTURES",
                "https://www.okx.com/api/v5/public/mark-price?instType=SWAP",
                "https://www.okx.com/api/v5/market/candles?instId=BTC-USDT-SWAP&bar=1H&limit=300",
                "https://www.okx.com/api/v5/market/candles?instId=BTC-USD-250328&bar=1H&limit=300",
            ])
        #expect(requests.map(\.feed) == [.markPrice, .markPrice, .priceBars, .priceBars])
        // In units of the 20-per-2-s budget: mark-price allows 10 per 2 s (weight 2), candles 40 (weight 0.5).
        #expect(requests.map(\.weight) == [2, 2, 0.5, 0.5])
        #expect(adapter.rateLimitPolicy == RateLimitPolicy(capacity: 20, windowSeconds: 2, usageReport: .none))
    }

    @Test func requestWeightsOfTheOtherFeeds() throws {
        let adapter = Self.adapter(["BTC-USDT-SWAP"])
        let reference = try Self.reference(for: adapter)
        // liquidation-orders and open-interest at 20 per 2 s weigh 1; funding-rate-history at 10 per 2 s, 2.
        #expect(try adapter.feedRequests(reference: reference).map(\.weight) == [1, 1, 2])
        #expect(adapter.referenceRequests().map(\.weight) == [1, 1])
    }

    @Test(
        arguments: [
            ("1m", "1m", 60_000), ("5m", "5m", 300_000), ("15m", "15m", 900_000), ("1h", "1H", 3_600_000),
            ("4h", "4H", 14_400_000), ("1d", "1Dutc", 86_400_000),
        ] as [(String, String, Int64)])
    func specIntervalsMapOntoUTCAlignedBars(interval: String, bar: String, milliseconds: Int64) throws {
        let adapter = OKXAdapter(
            selection: VenueSelection(symbols: ["ETH-USDT-SWAP"], feeds: [.priceBars], priceBarInterval: interval))
        let request = try #require(try adapter.feedRequests(reference: ReferenceData()).first)
        #expect(request.queryValue("bar") == bar)
        let document = try Self.node(
            Self.envelope([#"["1760054400000","3900","3950","3800","3870","1200","120","468000","1"]"#]), for: request)
        let records = try adapter.decodeFeed(document, for: request)
        #expect(records.count == 1)
        guard case .priceBar(let decoded) = try #require(records.first) else {
            Issue.record("expected a price bar, got \(records)")
            return
        }
        #expect(decoded.symbol == "ETH-USDT-SWAP")
        #expect(decoded.intervalMs == milliseconds)
    }

    @Test func intervalWithoutAUTCAlignedBarIsAnError() {
        let adapter = OKXAdapter(
            selection: VenueSelection(symbols: ["ETH-USDT-SWAP"], feeds: [.priceBars], priceBarInterval: "3d"))
        let error = #expect(throws: OKXBarIntervalError.self) { try adapter.feedRequests(reference: ReferenceData()) }
        #expect(error?.description == "okx: no UTC-aligned candle bar for the price bar interval 3d")
    }

    @Test func markPricesAreFilteredToTheSelection() throws {
        let request = OKXEndpoints.markPrice(instType: "SWAP")
        let document = try Self.node(
            Self.envelope([
                #"{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"110321.5","ts":"1760133599500"}"#,
                #"{"instType":"SWAP","instId":"SOL-USDT-SWAP","markPx":"201.1","ts":"1760133599500"}"#,
            ]), for: request)
        #expect(
            try Self.adapter().decodeFeed(document, for: request) == [
                .markPrice(
                    VenueMarkPrice(
                        venue: .okx, symbol: "BTC-USDT-SWAP", timestampMs: 1_760_133_599_500, markPrice: 110_321.5,
                        indexPrice: nil))
            ])
    }

    @Test func futuresAloneHaveNoFunding() throws {
        let adapter = Self.adapter(["BTC-USD-250328"])
        #expect(
            adapter.restUnavailability(of: .funding) == "only dated OKX futures are selected, and they pay no funding")
        #expect(adapter.referenceRequests().allSatisfy { $0.feed == nil })
    }

    @Test func everyFeedHasARESTSourceAndLiquidationsAreComplete() {
        let adapter = Self.adapter()
        for feed in Feed.allCases {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .complete)
        #expect(adapter.venue == .okx)
    }
}
