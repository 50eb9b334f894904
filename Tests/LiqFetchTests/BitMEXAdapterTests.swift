import LiqCore
import LiqFetch
import Testing

@Suite struct BitMEXAdapterTests {
    static let base = BitMEXEndpoints.defaultBaseURL

    static func adapter(
        _ symbols: [String] = ["XBTUSD", "ETHUSDT"],
        feeds: Set<Feed> = [.liquidations, .openInterest, .funding, .markPrice, .priceBars], interval: String = "1m"
    ) -> BitMEXAdapter {
        BitMEXAdapter(selection: VenueSelection(symbols: symbols, feeds: feeds, priceBarInterval: interval))
    }

    static func urls(_ requests: [VenueRequest]) -> [String] { requests.map { $0.url(baseURL: base) } }

    static let activeList = BitMEXPayloads.array(
        ["XBTUSD", "ETHUSD", "ETHUSDT", "XBTZ25", "XBT_USDT"].map { BitMEXPayloads.row($0) })

    static func reference(for adapter: BitMEXAdapter, list: String = activeList) throws -> ReferenceData {
        var reference = ReferenceData()
        let request = BitMEXEndpoints.activeInstruments()
        try adapter.absorbReference(
            try Payload.node(list, origin: request.url(baseURL: base)), for: request, into: &reference)
        return reference
    }

    // MARK: Reference data

    @Test func oneInstrumentListServesEveryFeed() {
        let requests = Self.adapter().referenceRequests()
        #expect(Self.urls(requests) == ["https://www.bitmex.com/api/v1/instrument/active"])
        #expect(requests.map(\.feed) == [nil])
    }

    @Test func instrumentListGivesInstrumentsIntervalsMarksAndLiveRecords() throws {
        let reference = try Self.reference(for: Self.adapter(["XBTUSD", "ETHUSDT", "XBTZ25"]))
        #expect(reference.instruments.map(\.symbol) == ["XBTUSD", "ETHUSDT", "XBTZ25"])
        let xbt = InstrumentKey(venue: .bitmex, symbol: "XBTUSD")
        let eth = InstrumentKey(venue: .bitmex, symbol: "ETHUSDT")
        let dated = InstrumentKey(venue: .bitmex, symbol: "XBTZ25")
        // The dated future pays no funding, so it has no interval.
        #expect(reference.fundingIntervalHours == [xbt: 8, eth: 8])
        #expect(reference.markPrices == [xbt: 60000, eth: 2500, dated: 61000])
        // Per row: mark, open interest, funding (none for the dated future).
        #expect(
            reference.records.map(\.feed) == [
                .markPrice, .openInterest, .funding, .markPrice, .openInterest, .funding, .markPrice, .openInterest,
            ])
        #expect(
            reference.records.map(\.symbol) == [
                "XBTUSD", "XBTUSD", "XBTUSD", "ETHUSDT", "ETHUSDT", "ETHUSDT", "XBTZ25", "XBTZ25",
            ])
    }

    @Test func liveRecordsOnlyForSelectedFeeds() throws {
        let reference = try Self.reference(for: Self.adapter(["XBTUSD"], feeds: [.liquidations, .funding]))
        #expect(reference.records.map(\.feed) == [.funding])
        // The mark is still kept for the normaliser.
        #expect(reference.markPrices == [InstrumentKey(venue: .bitmex, symbol: "XBTUSD"): 60000])
    }

    @Test func unlistedSymbolIsAnError() throws {
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.reference(for: Self.adapter(["XBTUSD", "SOLUSD"]))
        }
        #expect(error == UnlistedSymbolError(venue: .bitmex, symbol: "SOLUSD"))
    }

    @Test func selectedQuantoIsRefused() throws {
        let error = #expect(throws: JSONError.self) { try Self.reference(for: Self.adapter(["ETHUSD"])) }
        #expect(
            error?.description
                == "https://www.bitmex.com/api/v1/instrument/active: [1].isQuanto: expected false: a quanto's USD "
                + "value moves with the settlement currency's USD rate, which the instrument row does not carry, "
                + "found boolean true")
    }

    @Test func unknownReferencePathIsAnError() throws {
        var reference = ReferenceData()
        let request = BitMEXEndpoints.fundingHistory(symbol: "XBTUSD", count: 500, start: 0)
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().absorbReference(try Payload.node("[]", origin: "x"), for: request, into: &reference)
        }
        #expect(error == UnknownRequestError(venue: .bitmex, path: "/api/v1/funding"))
    }

    // MARK: Feed requests

    @Test func feedRequestsAreFundingOfPerpetualsAndBucketsOfEverySymbol() throws {
        let adapter = Self.adapter(["XBTUSD", "XBTZ25"])
        let requests = try adapter.feedRequests(reference: try Self.reference(for: adapter))
        #expect(
            Self.urls(requests) == [
                "https://www.bitmex.com/api/v1/funding?symbol=XBTUSD&reverse=true&count=500&start=0",
                "https://www.bitmex.com/api/v1/trade/bucketed?binSize=1m&symbol=XBTUSD&reverse=true&count=500&start=0",
                "https://www.bitmex.com/api/v1/trade/bucketed?binSize=1m&symbol=XBTZ25&reverse=true&count=500&start=0",
            ])
        #expect(requests.map(\.feed) == [.funding, .priceBars, .priceBars])
    }

    @Test func pageCountIsConfigurable() throws {
        var adapter = Self.adapter(["XBTUSD"], feeds: [.funding], interval: "1h")
        adapter.pageCount = 100
        #expect(
            Self.urls(try adapter.feedRequests(reference: try Self.reference(for: adapter))) == [
                "https://www.bitmex.com/api/v1/funding?symbol=XBTUSD&reverse=true&count=100&start=0"
            ])
    }

    @Test(arguments: ["15m", "4h"])
    func binSizeBitMEXDoesNotOfferIsAPlanningError(interval: String) throws {
        let adapter = Self.adapter(["XBTUSD"], feeds: [.priceBars], interval: interval)
        let error = #expect(throws: UnplannableFeedError.self) {
            try adapter.feedRequests(reference: try Self.reference(for: adapter))
        }
        #expect(
            error?.description
                == "bitmex: cannot request priceBars: BitMEX buckets trades by 1m, 5m, 1h or 1d, not \(interval)")
    }

    @Test func fundingRequestsNeedTheInstruments() throws {
        let error = #expect(throws: UnlistedSymbolError.self) {
            try Self.adapter(feeds: [.funding]).feedRequests(reference: ReferenceData())
        }
        #expect(error == UnlistedSymbolError(venue: .bitmex, symbol: "XBTUSD"))
    }

    // MARK: Decoding and paging

    @Test func fundingPagesAreFilteredToTheSelectionAndPagedByOffset() throws {
        let adapter = Self.adapter(["XBTUSD"])
        var request = BitMEXEndpoints.fundingHistory(symbol: "XBTUSD", count: 2, start: 0)
        let rows = """
            [{"timestamp":"2025-10-10T20:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z",\
            "fundingRate":0.0001,"fundingRateDaily":0.0003},\
            {"timestamp":"2025-10-10T20:00:00.000Z","symbol":"ETHUSD","fundingInterval":"2000-01-01T08:00:00.000Z",\
            "fundingRate":0.0002,"fundingRateDaily":0.0006}]
            """
        let document = try Payload.node(rows, origin: request.url(baseURL: Self.base))
        let records = try adapter.decodeFeed(document, for: request)
        #expect(records.map(\.symbol) == ["XBTUSD"])
        // A full page (2 rows of count 2) continues at start=2; a short one is the last.
        request = try #require(try adapter.nextPage(after: request, document: document, records: records))
        #expect(
            request.url(baseURL: Self.base)
                == "https://www.bitmex.com/api/v1/funding?symbol=XBTUSD&reverse=true&count=2&start=2")
        let short = try Payload.node(rows.split(separator: "},").first! + "}]", origin: "short")
        #expect(try adapter.nextPage(after: request, document: short, records: []) == nil)
    }

    @Test func bucketsUseTheRequestsBinSize() throws {
        let request = BitMEXEndpoints.tradeBuckets(symbol: "XBTUSD", binSize: "5m", count: 500, start: 0)
        let document = try Payload.node(
            #"[{"timestamp":"2025-10-10T20:05:00.000Z","symbol":"XBTUSD","open":60000,"high":60100,"low":59900,"#
                + #""close":60050,"trades":12,"volume":250000}]"#, origin: request.url(baseURL: Self.base))
        let records = try Self.adapter().decodeFeed(document, for: request)
        #expect(
            records == [
                .priceBar(
                    VenuePriceBar(
                        venue: .bitmex, symbol: "XBTUSD", bucketStartMs: 1_760_126_400_000, intervalMs: 300_000,
                        open: 60000, high: 60100, low: 59900, close: 60050, volume: 250_000, volumeUnit: .contracts,
                        takerBuyVolume: nil))
            ])
    }

    @Test func unknownFeedPathIsAnError() throws {
        let request = BitMEXEndpoints.activeInstruments()
        let error = #expect(throws: UnknownRequestError.self) {
            try Self.adapter().decodeFeed(try Payload.node("[]", origin: "x"), for: request)
        }
        #expect(error == UnknownRequestError(venue: .bitmex, path: "/api/v1/instrument/active"))
    }

    // MARK: Venue facts

    @Test func liquidationsComeOnlyFromTheRealtimeTable() throws {
        let adapter = Self.adapter()
        let reason = try #require(adapter.restUnavailability(of: .liquidations))
        #expect(reason.contains("/api/v1/liquidation lists only the liquidation orders resting"))
        for feed in Feed.allCases where feed != .liquidations {
            #expect(adapter.restUnavailability(of: feed) == nil)
        }
        #expect(adapter.liquidationCompleteness == .complete)
        #expect(adapter.venue == .bitmex)
    }

    @Test func rateLimitIsThirtyRequestsAMinuteWithRemainingHeaders() {
        #expect(
            Self.adapter().rateLimitPolicy
                == RateLimitPolicy(
                    capacity: 30, windowSeconds: 60,
                    usageReport: .remaining(header: "X-RateLimit-Remaining", resetHeader: "X-RateLimit-Reset")))
    }

    @Test func streamDecoderKeepsTheSelection() throws {
        var decoder = Self.adapter(["ETHUSDT"], feeds: [.markPrice]).makeStreamDecoder()
        let line =
            #"{"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","markPrice":60000,"#
            + #""timestamp":"2025-10-10T22:00:00.000Z"},{"symbol":"ETHUSDT","markPrice":2500,"openValue":1,"#
            + #""timestamp":"2025-10-10T22:00:00.000Z"}]}"#
        let records = try decoder.decode(try Payload.node(line, origin: "c"))
        #expect(records.map(\.symbol) == ["ETHUSDT"])
        #expect(records.map(\.feed) == [.markPrice])
    }
}
