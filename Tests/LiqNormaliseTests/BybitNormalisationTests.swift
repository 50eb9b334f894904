import LiqCore
import LiqFetch
import LiqNormalise
import Testing

/// Bybit payloads decoded and normalised end to end: the instruments list fixes the contract unit (1 base coin
/// linear, 1 USD inverse), so the same `v`, `openInterest` and kline `volume` fields give base quantities and USD
/// in both families. Every expected number is worked by hand next to it (absolute tolerance as stated).
@Suite struct BybitNormalisationTests {
    static let instruments = """
        {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[\
        {"symbol":"BTCUSDT","contractType":"LinearPerpetual","baseCoin":"BTC","quoteCoin":"USDT","settleCoin":"USDT",\
        "fundingInterval":480},\
        {"symbol":"BTCUSD","contractType":"InversePerpetual","baseCoin":"BTC","quoteCoin":"USD","settleCoin":"BTC",\
        "fundingInterval":480}],"nextPageCursor":""},"retExtInfo":{},"time":1760133598000}
        """

    static func normaliser() throws -> Normaliser {
        let listed = try BybitInstrumentDecoder.decode(
            try JSONNode.parse(Array(instruments.utf8), origin: "instruments-info"))
        return Normaliser(
            registry: InstrumentRegistry(listed),
            markPrices: [
                InstrumentKey(venue: .bybit, symbol: "BTCUSD"): 60_000,
                InstrumentKey(venue: .bybit, symbol: "BTCUSDT"): 110_000.5,
            ])
    }

    static func liquidations(_ text: String) throws -> [LiquidationEvent] {
        let normaliser = try normaliser()
        return try BybitLiquidationDecoder.decode(try JSONNode.parse(Array(text.utf8), origin: "capture"))
            .map { (record) throws in try normaliser.liquidation(record) }
    }

    @Test func inverseLiquidationSizeIsUSD() throws {
        let events = try Self.liquidations(
            #"{"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1760130000500,"#
                + #""data":[{"T":1760130000101,"s":"BTCUSD","S":"Buy","v":"12000","p":"60000"}]}"#)
        let event = try #require(events.first)
        // 12,000 USD contracts of 1 USD at the bankruptcy price 60,000: 12,000 / 60,000 = 0.2 BTC; notional
        // 12,000 USD exactly (tolerance 1e-12).
        #expect(abs(event.quantityBase - 0.2) < 1e-12)
        #expect(event.notionalUSD == 12_000)
        #expect(event.side == .long)
        #expect(event.priceKind == .bankruptcy)
        #expect(event.completeness == .complete)
        #expect(event.baseAsset == "BTC")
    }

    @Test func linearLiquidationSizeIsBase() throws {
        let events = try Self.liquidations(
            #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760130000500,"#
                + #""data":[{"T":1760130000101,"s":"BTCUSDT","S":"Sell","v":"0.25","p":"110500.5"}]}"#)
        let event = try #require(events.first)
        // 0.25 BTC × 110,500.5 = 27,625.125 USD (tolerance 1e-9).
        #expect(event.quantityBase == 0.25)
        #expect(abs(event.notionalUSD - 27_625.125) < 1e-9)
        #expect(event.side == .short)
    }

    @Test func inverseOpenInterestIsUSDAndValuedInBaseAtTheMark() throws {
        let sample = try Self.normaliser().openInterest(
            VenueOpenInterest(
                venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_133_300_000, quantity: 300_000_000,
                quantityUnit: .contracts, valueUSD: nil))
        // 300,000,000 USD (one side); at the 60,000 mark that is 5,000 BTC (tolerance 1e-9).
        #expect(sample.openInterestUSD == 300_000_000)
        #expect(abs(sample.openInterestBase - 5_000) < 1e-9)
    }

    @Test func linearOpenInterestIsBaseAndValuedAtTheMark() throws {
        let sample = try Self.normaliser().openInterest(
            VenueOpenInterest(
                venue: .bybit, symbol: "BTCUSDT", timestampMs: 1_760_133_300_000, quantity: 52_000,
                quantityUnit: .contracts, valueUSD: nil))
        // 52,000 BTC × 110,000.5 = 5,720,026,000 USD (tolerance 1e-3).
        #expect(sample.openInterestBase == 52_000)
        #expect(abs(sample.openInterestUSD - 5_720_026_000) < 1e-3)
    }

    @Test func inverseKlineVolumeBecomesBaseAtTheTypicalPrice() throws {
        // The docs' BTCUSD hour: 268,611 USD contracts, high 17,073, low 17,027, close 17,055.5.
        let bar = try Self.normaliser().priceBar(
            VenuePriceBar(
                venue: .bybit, symbol: "BTCUSD", bucketStartMs: 1_670_608_800_000, intervalMs: 3_600_000, open: 17071,
                high: 17073, low: 17027, close: 17055.5, volume: 268_611, volumeUnit: .contracts, takerBuyVolume: nil))
        // Typical (17,073 + 17,027 + 17,055.5) / 3 = 17,051.8333…; 268,611 / 17,051.8333… = 15.752617 BTC
        // (tolerance 1e-6), within 0.05 % of Bybit's own turnover 15.74462667 BTC.
        #expect(abs(bar.volumeBase - 15.752617) < 1e-6)
    }
}
