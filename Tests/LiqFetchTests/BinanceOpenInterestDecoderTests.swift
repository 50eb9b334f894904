import LiqCore
import LiqFetch
import Testing

/// `/futures/data/openInterestHist` rows and `/fapi/v1/openInterest` in Binance's shape, with our own values.
@Suite struct BinanceOpenInterestDecoderTests {
    static let origin = "https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=5m&limit=500"

    @Test func historyRowsAreBaseUnitsWithBinancesUSDValue() throws {
        // `timestamp` is a string in one of Binance's own examples and a number elsewhere: both are read.
        let document = try Payload.node(
            """
            [{"symbol":"BTCUSDT","sumOpenInterest":"81234.56700000","sumOpenInterestValue":"5481234567.89000000",\
            "timestamp":"1700000100000"},\
            {"symbol":"BTCUSDT","sumOpenInterest":"81300.00100000","sumOpenInterestValue":"5490000000.12000000",\
            "timestamp":1700000400000}]
            """, origin: Self.origin)
        #expect(
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceUSDM) == [
                VenueOpenInterest(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_100_000, quantity: 81234.567,
                    quantityUnit: .base, valueUSD: 5_481_234_567.89),
                VenueOpenInterest(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_400_000, quantity: 81300.001,
                    quantityUnit: .base, valueUSD: 5_490_000_000.12),
            ])
    }

    @Test func coinMarginedHistoryIsContractsWithoutAUSDValue() throws {
        // COIN-M `sumOpenInterestValue` is in the base coin, not USD: it becomes `valueBase`, never `valueUSD`.
        let document = try Payload.node(
            #"[{"pair":"BTCUSD","symbol":"BTCUSD_PERP","sumOpenInterest":"512345","sumOpenInterestValue":"7654.321","#
                + #""timestamp":1700000100000}]"#,
            origin: "https://dapi.binance.com/futures/data/openInterestHist")
        #expect(
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceCOINM) == [
                VenueOpenInterest(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_700_000_100_000, quantity: 512_345,
                    quantityUnit: .contracts, valueUSD: nil, valueBase: 7654.321)
            ])
    }

    static let coinmOrigin =
        "https://dapi.binance.com/futures/data/openInterestHist?pair=BTCUSD&contractType=PERPETUAL&period=5m&limit=500"

    @Test func coinMarginedRowsAreKeyedByPairAndContractType() throws {
        // The documented COIN-M shape has no symbol: PERPETUAL rows of pair BTCUSD are BTCUSD_PERP's. The base-coin
        // value (5,321.58 BTC for 6,457,740 contracts of 100 USD, i.e. at 121,350) is kept as `valueBase`.
        let document = try Payload.node(
            #"[{"pair":"BTCUSD","contractType":"PERPETUAL","sumOpenInterest":"6457740","#
                + #""sumOpenInterestValue":"5321.58220025","timestamp":1760126400000}]"#, origin: Self.coinmOrigin)
        #expect(
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceCOINM) == [
                VenueOpenInterest(
                    venue: .binanceCOINM, symbol: "BTCUSD_PERP", timestampMs: 1_760_126_400_000, quantity: 6_457_740,
                    quantityUnit: .contracts, valueUSD: nil, valueBase: 5321.58220025)
            ])
    }

    @Test func coinMarginedQuarterRowsCannotBeAttributedToASymbol() throws {
        let document = try Payload.node(
            #"[{"pair":"BTCUSD","contractType":"CURRENT_QUARTER","sumOpenInterest":"20403","#
                + #""sumOpenInterestValue":"176.2","timestamp":1760126400000}]"#, origin: Self.coinmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceCOINM)
        }
        #expect(
            error?.description == Self.coinmOrigin
                + #": [0].contractType: expected "PERPETUAL", found string "CURRENT_QUARTER""#
        )
    }

    @Test func usdMarginedRowWithoutValueIsAnError() throws {
        let document = try Payload.node(
            """
            [{"symbol":"BTCUSDT","sumOpenInterest":"1","sumOpenInterestValue":"60000","timestamp":1700000100000},\
            {"symbol":"BTCUSDT","sumOpenInterest":"2","timestamp":1700000400000}]
            """, origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceUSDM)
        }
        #expect(error?.description == Self.origin + ": [1].sumOpenInterestValue: expected a value, found nothing")
    }

    @Test func currentOpenInterestCarriesNoValuation() throws {
        let document = try Payload.node(
            #"{"openInterest":"80001.250","symbol":"BTCUSDT","time":1700000123456}"#,
            origin: "https://fapi.binance.com/fapi/v1/openInterest?symbol=BTCUSDT")
        #expect(
            try BinanceOpenInterestDecoder.decodeCurrent(document, venue: .binanceUSDM)
                == VenueOpenInterest(
                    venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_700_000_123_456, quantity: 80001.25,
                    quantityUnit: .base, valueUSD: nil))
    }

    @Test func numberWhereAnArrayIsExpectedNamesTheRoot() throws {
        let document = try Payload.node(#"{"code":-1121,"msg":"Invalid symbol."}"#, origin: Self.origin)
        let error = #expect(throws: JSONError.self) {
            try BinanceOpenInterestDecoder.decodeHistory(document, venue: .binanceUSDM)
        }
        #expect(error?.description == Self.origin + ": $: expected an array, found object")
    }
}
