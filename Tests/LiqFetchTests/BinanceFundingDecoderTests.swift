import LiqCore
import LiqFetch
import Testing

/// `/fapi/v1/fundingRate`, `/fapi/v1/premiumIndex` and `/fapi/v1/fundingInfo` in Binance's shapes.
@Suite struct BinanceFundingDecoderTests {
    static let origin = "https://fapi.binance.com/fapi/v1/fundingRate?symbol=ETHUSDT&limit=1000"

    @Test func settledRatesHaveNoIntervalOfTheirOwn() throws {
        let document = try Payload.node(
            """
            [{"symbol":"ETHUSDT","fundingTime":1699977600000,"fundingRate":"0.00012345","markPrice":"2034.10000000"},\
            {"symbol":"ETHUSDT","fundingTime":1700006400001,"fundingRate":"-0.00003000","markPrice":"2040.12"}]
            """, origin: Self.origin)
        #expect(
            try BinanceFundingDecoder.decodeSettled(document, venue: .binanceUSDM) == [
                VenueFunding(
                    venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_699_977_600_000, rate: 0.00012345,
                    intervalHours: nil, kind: .settled),
                VenueFunding(
                    venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_700_006_400_001, rate: -0.00003,
                    intervalHours: nil, kind: .settled),
            ])
    }

    @Test func settledRateMissingIsAnErrorNamingTheRow() throws {
        let document = try Payload.node(#"[{"symbol":"ETHUSDT","fundingTime":1699977600000}]"#, origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try BinanceFundingDecoder.decodeSettled(document, venue: .binanceUSDM)
        }
        #expect(error?.description == Self.origin + ": [0].fundingRate: expected a value, found nothing")
    }

    static let premiumBTC = """
        {"symbol":"BTCUSDT","markPrice":"60123.45000000","indexPrice":"60100.00000000",\
        "estimatedSettlePrice":"60110.1","lastFundingRate":"0.00010000","interestRate":"0.00010000",\
        "nextFundingTime":1700006400000,"time":1700000000321}
        """

    @Test func runningRateFromOnePremiumIndexObject() throws {
        let document = try Payload.node(Self.premiumBTC, origin: "https://fapi.binance.com/fapi/v1/premiumIndex")
        #expect(
            try BinanceFundingDecoder.decodePredicted(document, venue: .binanceUSDM) == [
                VenueFunding(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_000_321, rate: 0.0001,
                    intervalHours: nil, kind: .predicted)
            ])
    }

    @Test func premiumIndexArraySkipsQuarterliesAndBlankRates() throws {
        // A quarterly has `nextFundingTime` 0; a symbol in settlement may send an empty rate.
        let document = try Payload.node(
            "[" + Self.premiumBTC + ","
                + #"{"symbol":"BTCUSDT_240628","markPrice":"61000","lastFundingRate":"","nextFundingTime":0,"#
                + #""time":1700000000321},"#
                + #"{"symbol":"ETHUSDT_240628","markPrice":"2100","lastFundingRate":"0.00000000","nextFundingTime":0,"#
                + #""time":1700000000321},"#
                + #"{"symbol":"XUSDT","markPrice":"1","lastFundingRate":"","nextFundingTime":1700006400000,"#
                + #""time":1700000000321},"#
                + #"{"symbol":"ETHUSDT","markPrice":"2034","lastFundingRate":"-0.00025000","#
                + #""nextFundingTime":"1700006400000","time":1700000000400}"#
                + "]", origin: "https://fapi.binance.com/fapi/v1/premiumIndex")
        let samples = try BinanceFundingDecoder.decodePredicted(document, venue: .binanceUSDM)
        #expect(samples.map(\.symbol) == ["BTCUSDT", "ETHUSDT"])
        #expect(samples.map(\.rate) == [0.0001, -0.00025])
        #expect(samples.allSatisfy { $0.kind == .predicted && $0.intervalHours == nil })
    }

    @Test func fundingInfoListsAdjustedIntervals() throws {
        let document = try Payload.node(
            """
            [{"symbol":"ZROUSDT","adjustedFundingRateCap":"0.02000000","adjustedFundingRateFloor":"-0.02000000",\
            "fundingIntervalHours":4,"disclaimer":false},\
            {"symbol":"ETHUSDT","adjustedFundingRateCap":"0.03","adjustedFundingRateFloor":"-0.03",\
            "fundingIntervalHours":"1","disclaimer":false}]
            """, origin: "https://fapi.binance.com/fapi/v1/fundingInfo")
        #expect(try BinanceFundingDecoder.decodeIntervals(document) == ["ZROUSDT": 4, "ETHUSDT": 1])
        #expect(BinanceFundingDecoder.defaultIntervalHours == 8)
    }

    @Test func fundingInfoRejectsANonPositiveInterval() throws {
        let origin = "https://fapi.binance.com/fapi/v1/fundingInfo"
        let document = try Payload.node(#"[{"symbol":"ZROUSDT","fundingIntervalHours":0}]"#, origin: origin)
        let error = #expect(throws: JSONError.self) { try BinanceFundingDecoder.decodeIntervals(document) }
        #expect(
            error?.description == origin
                + ": [0].fundingIntervalHours: expected a positive number of hours, found number 0")
    }
}
