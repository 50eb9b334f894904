import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// COIN-M end to end: payloads in dapi's shapes through the Binance adapter's decoders, instruments from its
/// `exchangeInfo` (contract sizes 100 USD for BTC, 10 USD for ETH), then the normaliser. Every expected number is
/// computed by hand next to it; tolerances absorb binary rounding only.
@Suite struct BinanceCoinMarginedNormalisationTests {
    static let adapter = BinanceFuturesAdapter(
        venue: .binanceCOINM,
        selection: VenueSelection(
            symbols: ["BTCUSD_PERP", "ETHUSD_PERP", "BTCUSD_200925"], feeds: Set(Feed.allCases)))

    static let exchangeInfo = """
        {"timezone":"UTC","serverTime":1760133600000,"rateLimits":[],"symbols":[\
        {"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL","contractSize":100,"marginAsset":"BTC",\
        "baseAsset":"BTC","quoteAsset":"USD","contractStatus":"TRADING"},\
        {"symbol":"ETHUSD_PERP","pair":"ETHUSD","contractType":"PERPETUAL","contractSize":10,"marginAsset":"ETH",\
        "baseAsset":"ETH","quoteAsset":"USD","contractStatus":"TRADING"},\
        {"symbol":"BTCUSD_200925","pair":"BTCUSD","contractType":"CURRENT_QUARTER","contractSize":100,\
        "marginAsset":"BTC","baseAsset":"BTC","quoteAsset":"USD","contractStatus":"TRADING"}]}
        """

    /// The normaliser built from the adapter's own reference data, with `marks` as the premiumIndex marks.
    static func normaliser(marks: [String: Double] = [:]) throws -> Normaliser {
        var reference = ReferenceData()
        let request = BinanceEndpoints.exchangeInfo(.binanceCOINM)
        try adapter.absorbReference(
            try JSONNode.parse(Array(exchangeInfo.utf8), origin: "dapi/v1/exchangeInfo"), for: request,
            into: &reference)
        var markPrices: [InstrumentKey: Double] = [:]
        for (symbol, mark) in marks { markPrices[InstrumentKey(venue: .binanceCOINM, symbol: symbol)] = mark }
        return Normaliser(
            registry: InstrumentRegistry(reference.instruments), fundingIntervalHours: reference.fundingIntervalHours,
            markPrices: markPrices)
    }

    static func node(_ text: String) throws -> JSONNode { try JSONNode.parse(Array(text.utf8), origin: "test") }

    @Test func forceOrderContractsBecomeUSDAndBase() throws {
        // The real COIN-M message of venue-feeds.md §1.2: SELL 3 contracts of BTCUSD_200925 at ap 9,352.7.
        // 3 × 100 USD = 300 USD exactly; 300 / 9,352.7 = 0.0320762988 BTC (tolerance 1e-9); SELL = long liquidated.
        var decoder = Self.adapter.makeStreamDecoder()
        let records = try decoder.decode(
            try Self.node(
                #"{"stream":"btcusd_200925@forceOrder","data":{"e":"forceOrder","E":1594622954023,"o":{"#
                    + #""s":"BTCUSD_200925","ps":"BTCUSD","S":"SELL","o":"LIMIT","f":"IOC","q":"3","p":"9314.5","#
                    + #""ap":"9352.7","X":"FILLED","l":"3","z":"3","T":1594622954021}}}"#))
        guard case .liquidation(let record) = try #require(records.first) else {
            Issue.record("expected a liquidation, got \(records)")
            return
        }
        let event = try Self.normaliser().liquidation(record)
        #expect(event.notionalUSD == 300)
        #expect(abs(event.quantityBase - 0.0320762988) < 1e-9)
        #expect(event.side == .long)
        #expect(event.price == 9352.7)
        #expect(event.baseAsset == "BTC")
        #expect(event.completeness == .sampled)
    }

    @Test func ethContractsAreTenUSD() throws {
        // 25 contracts × 10 USD = 250 USD; 250 / 3,876.5 = 0.0644911647 ETH (tolerance 1e-9); BUY = short.
        var decoder = Self.adapter.makeStreamDecoder()
        let records = try decoder.decode(
            try Self.node(
                #"{"e":"forceOrder","E":1760130000040,"o":{"s":"ETHUSD_PERP","ps":"ETHUSD","S":"BUY","o":"LIMIT","#
                    + #""f":"IOC","q":"25","p":"3880.1","ap":"3876.5","X":"FILLED","l":"25","z":"25","#
                    + #""T":1760130000031}}"#))
        guard case .liquidation(let record) = try #require(records.first) else {
            Issue.record("expected a liquidation, got \(records)")
            return
        }
        let event = try Self.normaliser().liquidation(record)
        #expect(event.notionalUSD == 250)
        #expect(abs(event.quantityBase - 0.0644911647) < 1e-9)
        #expect(event.side == .short)
    }

    @Test func openInterestHistoryIsExactInUSDAndInBase() throws {
        // 6,457,740 contracts × 100 USD = 645,774,000 USD exactly; base is Binance's own value for the row's time,
        // 5,321.58220025 BTC (645,774,000 / 5,321.58220025 = 121,350 USD per BTC, the 20:00 price), not the
        // 5,753.848676 BTC a conversion at today's mark 112,233.4 would give.
        let request = try #require(
            try Self.adapter.feedRequests(reference: ReferenceData()).first { $0.feed == .openInterest })
        let records = try Self.adapter.decodeFeed(
            try Self.node(
                #"[{"pair":"BTCUSD","contractType":"PERPETUAL","sumOpenInterest":"6457740","#
                    + #""sumOpenInterestValue":"5321.58220025","timestamp":1760126400000}]"#), for: request)
        guard case .openInterest(let record) = try #require(records.first) else {
            Issue.record("expected open interest, got \(records)")
            return
        }
        let sample = try Self.normaliser(marks: ["BTCUSD_PERP": 112_233.4]).openInterest(record)
        #expect(sample.symbol == "BTCUSD_PERP")
        #expect(sample.openInterestUSD == 645_774_000)
        #expect(sample.openInterestBase == 5321.58220025)
    }

    @Test func klineVolumesStayInBase() throws {
        // Column 7 (36.89621921 BTC) and 10 (17.92954098 BTC) are base already: no conversion at any price.
        let request = BinanceEndpoints.klines(.binanceCOINM, symbol: "BTCUSD_PERP", interval: "1m", limit: 1000)
        let records = try Self.adapter.decodeFeed(
            try Self.node(
                #"[[1760126400000,"121350.0","121466.0","121299.7","121409.8","44789",1760126459999,"36.89621921","#
                    + #"1138,"21765","17.92954098","0"]]"#), for: request)
        guard case .priceBar(let record) = try #require(records.first) else {
            Issue.record("expected a bar, got \(records)")
            return
        }
        let bar = try Self.normaliser().priceBar(record)
        #expect(bar.volumeBase == 36.89621921)
        #expect(bar.takerBuyVolumeBase == 17.92954098)
        #expect(bar.baseAsset == "BTC")
    }
}
