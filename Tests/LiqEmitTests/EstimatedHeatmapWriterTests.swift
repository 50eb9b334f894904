import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct EstimatedHeatmapWriterTests {
    static let grid = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 1000)!)

    static func flat(_ minute: Int64, _ price: Double) -> PriceBar {
        PriceBar(
            venue: .bybit, symbol: "BTCUSDT", baseAsset: "BTC", bucketStartMs: minute * 60_000, intervalMs: 60_000,
            open: price, high: price, low: price, close: price, volumeBase: 0, takerBuyVolumeBase: nil)
    }

    static func oi(_ minute: Int64, _ base: Double) -> OpenInterestSample {
        OpenInterestSample(
            venue: .bybit, symbol: "BTCUSDT", baseAsset: "BTC", timestampMs: minute * 60_000, openInterestBase: base,
            openInterestUSD: base * 20_000)
    }

    /// Bars at 20,000; OI 1 → 2 BTC over bar 1: $20,000 new, $10,000 a side (Bybit mmr 0.5%).
    static let series = [
        EstimatedVenueSeries(
            venue: .bybit, bars: [flat(0, 20_000), flat(1, 20_000)], openInterest: [oi(1, 1), oi(2, 2)])
    ]

    static func tenX(_ weight: Double) -> EstimatedLevelsModel {
        EstimatedLevelsModel(tiers: [EstimatedLevelsModel.Tier(leverage: 10, weight: weight, halfLifeMs: .infinity)])
    }

    static let toyEnsemble = EstimatedLevelsEnsemble(
        central: tenX(1),
        members: [
            .init(name: "a", model: tenX(1)), .init(name: "b", model: tenX(0.5)), .init(name: "c", model: tenX(2)),
        ])

    @Test func heatmapCSVHasTheContractColumnsAndEnsembleBounds() throws {
        let result = try Self.toyEnsemble.run(Self.series, grid: Self.grid)
        let text = String(decoding: EstimatedHeatmapCSV.encode(result), as: UTF8.self)
        // 10x: long 20,000·0.905 = 18,100 (band 18,000–19,000), short 20,000·1.095 = 21,900 (21,000–22,000);
        // central $10,000; members 10,000 / 5,000 / 20,000 → p10 5,000 + 0.2·5,000 = 6,000, p90 10,000 + 0.8·10,000
        // = 18,000; the other side 0 in every member.
        #expect(
            text == """
                bucket_start_ms,band_low,band_high,long_usd,short_usd,long_p10,long_p90,short_p10,short_p90
                60000,18000,19000,10000,0,6000,18000,0,0
                60000,21000,22000,0,10000,0,0,6000,18000

                """)
        // Without an ensemble the percentile fields are empty.
        let plain = String(decoding: EstimatedHeatmapCSV.encode(result.central), as: UTF8.self)
        #expect(plain.split(separator: "\n")[1] == "60000,18000,19000,10000,0,,,,")
    }

    @Test func liquidationMapCSVAccumulatesOutwardFromThePrice() throws {
        let model = EstimatedLevelsModel(
            tiers: EstimatedLevelsModel.defaultTiers.map {
                EstimatedLevelsModel.Tier(leverage: $0.leverage, weight: $0.weight, halfLifeMs: .infinity)
            })
        let heatmap = try model.run(Self.series, grid: Self.grid)
        let text = String(decoding: EstimatedLiquidationMapCSV.encode(heatmap.liquidationMap), as: UTF8.self)
        // Default mix at E = 20,000, mmr 0.5%: longs 16,100 ($1,500), 18,100 ($3,000), 19,300/19,700/19,900
        // ($2,500 + 2,000 + 1,000); shorts mirrored at 23,900 / 21,900 / 20,700, 20,300, 20,100. Price band 20,000:
        // cum long 5,500 → 8,500 → 10,000 downward, cum short 5,500 → 8,500 → 10,000 upward.
        #expect(
            text == """
                band_low,band_high,long_usd,short_usd,cum_long_usd,cum_short_usd
                16000,17000,1500,0,10000,0
                18000,19000,3000,0,8500,0
                19000,20000,5500,0,5500,0
                20000,21000,0,5500,0,5500
                21000,22000,0,3000,0,8500
                23000,24000,0,1500,0,10000

                """)
        #expect(
            String(decoding: EstimatedLiquidationMapCSV.encode(nil), as: UTF8.self)
                == "band_low,band_high,long_usd,short_usd,cum_long_usd,cum_short_usd\n")
    }

    @Test func heatmapJSONCarriesModelColumnsClearedAndMap() throws {
        let bars = [Self.flat(0, 20_000), Self.flat(1, 20_000), Self.flat(2, 18_100)]
        let series = [EstimatedVenueSeries(venue: .bybit, bars: bars, openInterest: [Self.oi(1, 1), Self.oi(2, 2)])]
        let result = try Self.toyEnsemble.run(series, grid: Self.grid)
        let bytes = EstimatedHeatmapJSON.encode(result, ensemble: Self.toyEnsemble)
        #expect(bytes == EstimatedHeatmapJSON.encode(result, ensemble: Self.toyEnsemble))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"schemaVersion\": 1,\n  \"base\": \"BTC\",\n  \"bucketMs\": 60000,\n"))
        // Bar 2 trades at 18,100: the 10x long at 18,100 is hit, $10,000 predicted liquidated in band 18 at 120,000.
        #expect(
            text.contains(
                """
                "predictedCleared": [
                    {
                      "bucketStartMs": 120000,
                      "bandLow": 18000,
                      "bandHigh": 19000,
                      "side": "long",
                      "usd": 10000
                    }
                  ]
                """))
        #expect(text.contains("\"ensemble\": [\n    \"a\",\n    \"b\",\n    \"c\"\n  ]"))
        #expect(text.contains("\"currentPrice\": 18100"))
        #expect(text.contains("\"halfLifeMs\": null"))
        #expect(text.contains("\"venue\": \"bybit\",\n        \"rate\": 0.005"))
    }

    @Test func validationJSONWritesScoresAndNullForUndefinedRates() {
        let cell = HeatmapCell(bucketStartMs: 0, band: 10)
        let validation = EstimatedLevelsValidation(
            predicted: [.long: [cell: 100]], realised: [.long: [cell: 80, HeatmapCell(bucketStartMs: 0, band: 12): 20]])
        let text = String(decoding: EstimatedValidationJSON.encode(validation, grid: Self.grid), as: UTF8.self)
        // Longs: 80 of 100 realised in the predicted cell → 0.8; one predicted cell → decile 1 with 0.8 of realised.
        #expect(text.contains("\"long\": {\n    \"predictedUSD\": 100,\n    \"realisedUSD\": 100,"))
        #expect(text.contains("\"notionalHitRate\": 0.8,\n    \"cellHitRate\": 0.5,\n    \"precision\": 1,"))
        #expect(text.contains("\"realisedShare\": 0.8"))
        // No shorts at all: rates undefined.
        #expect(text.contains("\"short\": {\n    \"predictedUSD\": 0,\n    \"realisedUSD\": 0,"))
        #expect(text.contains("\"notionalHitRate\": null"))
    }
}
