import LiqCore
import LiqFetch
import Testing

/// `klines` rows in Binance's 12-column shape, with our own values: the volume columns mean different things on
/// USDⓈ-M and COIN-M.
@Suite struct BinanceKlineDecoderTests {
    static let usdmOrigin = "https://fapi.binance.com/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=1000"
    static let coinmOrigin = "https://dapi.binance.com/dapi/v1/klines?symbol=BTCUSD_PERP&interval=1m&limit=1000"

    @Test func usdMarginedVolumesAreColumnsFiveAndNineInBase() throws {
        // Columns 7 (quote volume 12,063,841.2) and 10 (taker-buy quote 5,063,111.9) are USDT and must not be read.
        let document = try Payload.node(
            #"[[1760129400000,"110500.0","110650.4","110480.1","110602.7","109.115",1760129459999,"#
                + #""12063841.2",2211,"45.797","5063111.9","0"]]"#, origin: Self.usdmOrigin)
        #expect(
            try BinanceKlineDecoder.decode(document, venue: .binanceUSDM, symbol: "BTCUSDT") == [
                VenuePriceBar(
                    venue: .binanceUSDM, symbol: "BTCUSDT", bucketStartMs: 1_760_129_400_000, intervalMs: 60_000,
                    open: 110_500, high: 110_650.4, low: 110_480.1, close: 110_602.7, volume: 109.115,
                    volumeUnit: .base, takerBuyVolume: 45.797)
            ])
    }

    @Test func coinMarginedVolumesAreColumnsSevenAndTenInBase() throws {
        // Column 5 counts contracts (44,789 × 100 USD) and 9 taker-buy contracts; 7 and 10 are BTC:
        // 44,789 × 100 / 121,392 (the bar's typical price) ≈ 36.896 BTC, which column 7 says (36.89621921).
        let document = try Payload.node(
            #"[[1760126400000,"121350.0","121466.0","121299.7","121409.8","44789",1760126459999,"36.89621921","#
                + #"1138,"21765","17.92954098","0"],"#
                + #"[1760126460000,"121409.8","121490.8","121267.8","121454.2","38595",1760126519999,"31.79048117","#
                + #"982,"21058","17.34535438","0"]]"#, origin: Self.coinmOrigin)
        let bars = try BinanceKlineDecoder.decode(document, venue: .binanceCOINM, symbol: "BTCUSD_PERP")
        #expect(bars.map(\.volume) == [36.89621921, 31.79048117])
        #expect(bars.map(\.takerBuyVolume) == [17.92954098, 17.34535438])
        #expect(bars.allSatisfy { $0.volumeUnit == .base && $0.intervalMs == 60_000 })
        #expect(bars.map(\.bucketStartMs) == [1_760_126_400_000, 1_760_126_460_000])
        #expect(bars.first?.high == 121_466)
    }

    @Test func intervalIsCloseTimePlusOneMinusOpenTime() throws {
        // A 4h bar: 1760112000000 … 1760126399999 → 14,400,000 ms.
        let document = try Payload.node(
            #"[["1760112000000","1","2","0.5","1.5","10","1760126399999","15","3","4","6","0"]]"#,
            origin: Self.usdmOrigin)
        let bar = try #require(try BinanceKlineDecoder.decode(document, venue: .binanceUSDM, symbol: "X").first)
        #expect(bar.intervalMs == 14_400_000)
    }

    @Test func markPriceKlinesHaveZeroVolumes() throws {
        let document = try Payload.node(
            #"[[1591256460000,"9653.29201333","9654.56401333","9653.07367333","9653.07367333","0",1591256519999,"#
                + #""0",60,"0","0","0"]]"#, origin: "https://fapi.binance.com/fapi/v1/markPriceKlines")
        let bar = try #require(try BinanceKlineDecoder.decode(document, venue: .binanceUSDM, symbol: "BTCUSDT").first)
        #expect(bar.volume == 0)
        #expect(bar.takerBuyVolume == 0)
        #expect(bar.close == 9653.07367333)
    }

    @Test func closeBeforeOpenIsAnError() throws {
        let document = try Payload.node(
            #"[[1760129400000,"1","2","0.5","1.5","10",1760129399999,"15",3,"4","6","0"]]"#, origin: Self.usdmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceKlineDecoder.decode(document, venue: .binanceUSDM, symbol: "BTCUSDT")
        }
        #expect(
            error?.description == Self.usdmOrigin
                + ": [0][6]: expected a close time after the open time, found number 1760129399999")
    }

    @Test func shortRowIsAnErrorNamingTheMissingColumn() throws {
        // A row cut after column 8: COIN-M needs column 10 for its taker-buy base volume.
        let document = try Payload.node(
            #"[[1760126400000,"121350.0","121466.0","121299.7","121409.8","44789",1760126459999,"36.9",1138]]"#,
            origin: Self.coinmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceKlineDecoder.decode(document, venue: .binanceCOINM, symbol: "BTCUSD_PERP")
        }
        #expect(
            error?.description
                == Self.coinmOrigin + ": [0]: expected an array with an element at index 10, found array of 9")
    }

    @Test func errorEnvelopeIsNotAnArray() throws {
        let document = try Payload.node(#"{"code":-1121,"msg":"Invalid symbol."}"#, origin: Self.usdmOrigin)
        let error = #expect(throws: JSONError.self) {
            try BinanceKlineDecoder.decode(document, venue: .binanceUSDM, symbol: "BTCUSDT")
        }
        #expect(error?.description == Self.usdmOrigin + ": $: expected an array, found object")
    }
}
