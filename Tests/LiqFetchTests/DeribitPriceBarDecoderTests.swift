import LiqCore
import LiqFetch
import Testing

/// `public/get_tradingview_chart_data` answers in Deribit's columnar shape, with our own values.
@Suite struct DeribitPriceBarDecoderTests {
    static let origin = "https://www.deribit.com/api/v2/public/get_tradingview_chart_data?instrument_name=BTC-PERPETUAL"

    static func decode(_ result: String) throws -> [VenuePriceBar] {
        try DeribitPriceBarDecoder.decode(
            try Payload.node(DeribitPayloads.envelope(result), origin: origin), symbol: "BTC-PERPETUAL",
            intervalMs: 60_000)
    }

    @Test func columnsBecomeBarsOpenedAtTheirTicks() throws {
        let bars = try Self.decode(
            """
            {"volume":[5.166,2.01],"ticks":[1760126400000,1760126460000],"status":"ok","open":[60000.0,60050.0],\
            "low":[59890.0,60001.5],"high":[60110.5,60080.0],"cost":[310000.0,120720.0],"close":[60050.0,60060.0]}
            """)
        #expect(
            bars == [
                VenuePriceBar(
                    venue: .deribit, symbol: "BTC-PERPETUAL", bucketStartMs: 1_760_126_400_000, intervalMs: 60_000,
                    open: 60000, high: 60110.5, low: 59890, close: 60050, volume: 5.166, volumeUnit: .base,
                    takerBuyVolume: nil),
                VenuePriceBar(
                    venue: .deribit, symbol: "BTC-PERPETUAL", bucketStartMs: 1_760_126_460_000, intervalMs: 60_000,
                    open: 60050, high: 60080, low: 60001.5, close: 60060, volume: 2.01, volumeUnit: .base,
                    takerBuyVolume: nil),
            ])
    }

    @Test func noDataIsAnEmptyWindow() throws {
        #expect(
            try Self.decode(
                #"{"volume":[],"ticks":[],"status":"no_data","open":[],"low":[],"high":[],"cost":[],"close":[]}"#
            ).isEmpty)
    }

    @Test func columnsOfDifferentLengthsAreAnError() throws {
        let error = #expect(throws: JSONError.self) {
            try Self.decode(
                """
                {"volume":[5.166,2.01],"ticks":[1760126400000,1760126460000],"status":"ok","open":[60000.0,60050.0],\
                "low":[59890.0],"high":[60110.5,60080.0],"cost":[310000.0,120720.0],"close":[60050.0,60060.0]}
                """)
        }
        #expect(error?.description == Self.origin + ": result.low: expected 2 values, one per tick, found array of 1")
    }
}
