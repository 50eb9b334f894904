import LiqCore
import LiqFetch
import Testing

/// `premiumIndex` and `markPriceUpdate` in Binance's shapes, with our own values.
@Suite struct BinanceMarkPriceDecoderTests {
    static let origin = "captures/fstream-market-markPrice.ndjson"

    static func update(_ fields: String) throws -> JSONNode {
        try Payload.node(#"{"e":"markPriceUpdate","E":1760130000000,"# + fields + "}", origin: origin)
    }

    @Test func perpetualUpdateGivesMarkIndexAndRunningRate() throws {
        let decoded = try BinanceMarkPriceDecoder.decodeUpdate(
            try Self.update(
                #""s":"BTCUSDT","p":"110321.50000000","i":"110355.12340000","P":"110350.1","r":"-0.00012431","#
                    + #""T":1760140800000"#), venue: .binanceUSDM)
        #expect(
            decoded.mark
                == VenueMarkPrice(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_760_130_000_000, markPrice: 110_321.5,
                    indexPrice: 110_355.1234))
        #expect(
            decoded.funding
                == VenueFunding(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_760_130_000_000, rate: -0.00012431,
                    intervalHours: nil, kind: .predicted))
    }

    @Test func usdMarginedQuarterlySendsAZeroRateWithNoNextFundingTime() throws {
        // `r` "0.00000000" with `T` 0 is "no funding", not a 0 % rate.
        let decoded = try BinanceMarkPriceDecoder.decodeUpdate(
            try Self.update(#""s":"BTCUSDT_251226","p":"111000.1","i":"110355.1","P":"110350","r":"0.00000000","T":0"#),
            venue: .binanceUSDM)
        #expect(decoded.mark.markPrice == 111_000.1)
        #expect(decoded.funding == nil)
    }

    @Test(arguments: [#""r":"","T":0"#, #""r":"","T":1760140800000"#, ""])
    func quarterliesWithoutARateHaveNoFunding(fields: String) throws {
        // COIN-M quarterlies omit `r`, `T` and `i`; a blank rate is no rate either.
        let decoded = try BinanceMarkPriceDecoder.decodeUpdate(
            try Self.update(#""s":"BTCUSD_251226","p":"113001.9","P":"112239""# + (fields.isEmpty ? "" : "," + fields)),
            venue: .binanceCOINM)
        #expect(
            decoded.mark
                == VenueMarkPrice(
                    venue: .binanceCOINM, symbol: "BTCUSD_251226", timestampMs: 1_760_130_000_000,
                    markPrice: 113_001.9, indexPrice: nil))
        #expect(decoded.funding == nil)
    }

    @Test func missingMarkIsAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try BinanceMarkPriceDecoder.decodeUpdate(try Self.update(#""s":"BTCUSDT","i":"1""#), venue: .binanceUSDM)
        }
        #expect(error?.description == Self.origin + ": p: expected a value, found nothing")
    }

    @Test func otherEventTypeIsAnError() throws {
        let event = try Payload.node(#"{"e":"forceOrder","E":1,"o":{}}"#, origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try BinanceMarkPriceDecoder.decodeUpdate(event, venue: .binanceUSDM)
        }
        #expect(error?.description == Self.origin + #": e: expected "markPriceUpdate", found string "forceOrder""#)
    }

    @Test func premiumIndexObjectAndArray() throws {
        let object = try Payload.node(
            #"{"symbol":"ETHUSDT","markPrice":"3876.51000000","indexPrice":"3877.00000000","#
                + #""estimatedSettlePrice":"3876.9","lastFundingRate":"-0.00031403","interestRate":"0.00010000","#
                + #""nextFundingTime":1760140800000,"time":1760133599999}"#,
            origin: "https://fapi.binance.com/fapi/v1/premiumIndex?symbol=ETHUSDT")
        #expect(
            try BinanceMarkPriceDecoder.decodePremiumIndex(object, venue: .binanceUSDM) == [
                VenueMarkPrice(
                    venue: .binanceUSDM, symbol: "ETHUSDT", timestampMs: 1_760_133_599_999, markPrice: 3876.51,
                    indexPrice: 3877)
            ])
        let array = try Payload.node(
            #"[{"symbol":"BTCUSD_PERP","pair":"BTCUSD","markPrice":"112233.4","indexPrice":"","time":1760133599000}]"#,
            origin: "https://dapi.binance.com/dapi/v1/premiumIndex")
        #expect(
            try BinanceMarkPriceDecoder.decodePremiumIndex(array, venue: .binanceCOINM) == [
                VenueMarkPrice(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_760_133_599_000, markPrice: 112_233.4,
                    indexPrice: nil)
            ])
    }

    @Test func premiumIndexRowWithoutTimeIsAnError() throws {
        let origin = "https://dapi.binance.com/dapi/v1/premiumIndex"
        let document = try Payload.node(#"[{"symbol":"BTCUSD_PERP","markPrice":"1"}]"#, origin: origin)
        let error = #expect(throws: JSONError.self) {
            try BinanceMarkPriceDecoder.decodePremiumIndex(document, venue: .binanceCOINM)
        }
        #expect(error?.description == origin + ": [0].time: expected a value, found nothing")
    }
}
