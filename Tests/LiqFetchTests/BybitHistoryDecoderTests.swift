import LiqCore
import LiqFetch
import Testing

/// Open interest, funding history and kline pages in Bybit's shape, with our own values.
@Suite struct BybitHistoryDecoderTests {
    static let origin = "https://api.bybit.com/v5/market/open-interest?category=inverse&symbol=BTCUSD"

    static func node(_ text: String) throws -> JSONNode { try Payload.node(text, origin: origin) }

    static func envelope(_ result: String) -> String {
        #"{"retCode":0,"retMsg":"OK","result":"# + result + #","retExtInfo":{},"time":1760133599000}"#
    }

    // MARK: Open interest

    @Test func singleSideIsUsedWhenPresentAndTheTwoSidedTotalHalvedOtherwise() throws {
        let records = try BybitOpenInterestDecoder.decode(
            try Self.node(
                Self.envelope(
                    """
                    {"symbol":"BTCUSD","category":"inverse","list":[\
                    {"openInterest":"600000000.00000000","singleOpenInterest":"300000000","timestamp":"1760133300000"},\
                    {"openInterest":"599000001.00000000","timestamp":"1760133000000"},\
                    {"openInterest":"598000000","singleOpenInterest":"","timestamp":1760132700000}],\
                    "nextPageCursor":"lastid%3D19408935%26lasttime%3D1760132700"}
                    """)))
        // 300,000,000 as sent; 599,000,001 / 2 = 299,500,000.5; 598,000,000 / 2 = 299,000,000 (exact in binary).
        #expect(
            records == [
                VenueOpenInterest(
                    venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_133_300_000, quantity: 300_000_000,
                    quantityUnit: .contracts, valueUSD: nil),
                VenueOpenInterest(
                    venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_133_000_000, quantity: 299_500_000.5,
                    quantityUnit: .contracts, valueUSD: nil),
                VenueOpenInterest(
                    venue: .bybit, symbol: "BTCUSD", timestampMs: 1_760_132_700_000, quantity: 299_000_000,
                    quantityUnit: .contracts, valueUSD: nil),
            ])
    }

    @Test func openInterestRowWithoutTotalIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitOpenInterestDecoder.decode(
                try Self.node(
                    Self.envelope(
                        #"{"symbol":"BTCUSD","category":"inverse","list":[{"timestamp":"1760133300000"}]}"#)))
        }
        #expect(error?.description == Self.origin + ": result.list[0].openInterest: expected a value, found nothing")
    }

    // MARK: Funding history

    @Test func settledFundingWithIntervalsFromTheSpacing() throws {
        let samples = try BybitFundingDecoder.decodeSettled(
            try Self.node(
                Self.envelope(
                    """
                    {"category":"linear","list":[\
                    {"symbol":"SOLUSDT","fundingRate":"-0.005","fundingRateTimestamp":"1760130000000"},\
                    {"symbol":"SOLUSDT","fundingRate":"-0.005","fundingRateTimestamp":"1760126400000"},\
                    {"symbol":"SOLUSDT","fundingRate":"-0.0021","fundingRateTimestamp":"1760112000000"},\
                    {"symbol":"SOLUSDT","fundingRate":"0.0001","fundingRateTimestamp":"1760083200000"}]}
                    """)))
        // Newest first. 21:00 − 20:00 = 1 h; 20:00 − 16:00 = 4 h (the rate hit the cap and Bybit shortened the
        // interval); 16:00 − 08:00 = 8 h; the oldest row takes the gap after it, 8 h.
        #expect(samples.map(\.intervalHours) == [1, 4, 8, 8])
        #expect(samples.map(\.rate) == [-0.005, -0.005, -0.0021, 0.0001])
        #expect(
            samples.map(\.timestampMs) == [1_760_130_000_000, 1_760_126_400_000, 1_760_112_000_000, 1_760_083_200_000])
        #expect(samples.allSatisfy { $0.kind == .settled && $0.venue == .bybit && $0.symbol == "SOLUSDT" })
    }

    @Test func oneRowLeavesTheIntervalToTheInstrument() throws {
        let samples = try BybitFundingDecoder.decodeSettled(
            try Self.node(
                Self.envelope(
                    #"{"category":"linear","list":[{"symbol":"ETHPERP","fundingRate":"0.0001","#
                        + #""fundingRateTimestamp":"1672041600000"}]}"#)))
        #expect(
            samples == [
                VenueFunding(
                    venue: .bybit, symbol: "ETHPERP", timestampMs: 1_672_041_600_000, rate: 0.0001, intervalHours: nil,
                    kind: .settled)
            ])
    }

    @Test func fundingRowWithAnEmptyRateIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitFundingDecoder.decodeSettled(
                try Self.node(
                    Self.envelope(
                        #"{"category":"linear","list":[{"symbol":"BTCUSDT","fundingRate":"","#
                            + #""fundingRateTimestamp":"1760112000000"}]}"#)))
        }
        #expect(
            error?.description
                == Self.origin
                + #": result.list[0].fundingRate: expected a decimal number or decimal string, found string """#)
    }

    // MARK: Klines

    @Test func klineRowsAreBarsWithVolumeInContracts() throws {
        // The docs' inverse example: volume 268,611 is USD contracts, turnover 15.74462667 is BTC (not used).
        let bars = try BybitKlineDecoder.decode(
            try Self.node(
                Self.envelope(
                    """
                    {"symbol":"BTCUSD","category":"inverse","list":[\
                    ["1670608800000","17071","17073","17027","17055.5","268611","15.74462667"],\
                    ["1670605200000","17071.5","17071.5","17061","17071","4177","0.24469757"]]}
                    """)), intervalMs: 3_600_000)
        #expect(
            bars == [
                VenuePriceBar(
                    venue: .bybit, symbol: "BTCUSD", bucketStartMs: 1_670_608_800_000, intervalMs: 3_600_000,
                    open: 17071, high: 17073, low: 17027, close: 17055.5, volume: 268_611, volumeUnit: .contracts,
                    takerBuyVolume: nil),
                VenuePriceBar(
                    venue: .bybit, symbol: "BTCUSD", bucketStartMs: 1_670_605_200_000, intervalMs: 3_600_000,
                    open: 17071.5, high: 17071.5, low: 17061, close: 17071, volume: 4177, volumeUnit: .contracts,
                    takerBuyVolume: nil),
            ])
    }

    @Test func shortKlineRowIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BybitKlineDecoder.decode(
                try Self.node(
                    Self.envelope(
                        #"{"symbol":"BTCUSDT","category":"linear","list":[["1670608800000","17071","17073","17027"]]}"#
                    )), intervalMs: 60_000)
        }
        #expect(
            error?.description
                == Self.origin + ": result.list[0]: expected an array with an element at index 4, found array of 4")
    }
}
