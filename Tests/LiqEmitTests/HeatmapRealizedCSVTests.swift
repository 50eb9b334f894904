import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct HeatmapRealizedCSVTests {
    @Test func writesOneRowPerNonEmptyCellWithBandEdges() throws {
        let text = String(decoding: HeatmapRealizedCSV.encode(try HeatmapSamples.heatmap()), as: UTF8.self)
        // Sums as worked in HeatmapSamples; edges = band × 100 and (band + 1) × 100.
        #expect(
            text == """
                bucket_start_ms,band_low,band_high,long_usd,short_usd,events
                60000,64000,64100,42025,0,2
                60000,64100,64200,0,5000,1
                120000,64000,64100,1250,2500,2

                """)
    }

    @Test func isByteIdenticalWhateverTheInputOrder() throws {
        let forward = HeatmapRealizedCSV.encode(try HeatmapSamples.heatmap())
        #expect(HeatmapRealizedCSV.encode(try HeatmapSamples.heatmap(HeatmapSamples.events.reversed())) == forward)
    }

    @Test func fractionalBandEdgesAreWrittenWithoutFloatingPointNoise() throws {
        // Width 0.1: band 4417's lower edge is 4417 × 0.1 = 441.70000000000005 in binary; written as 441.7.
        let grid = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 0.1)!)
        let heatmap = try RealizedHeatmap(
            events: [HeatmapSamples.event(.okx, 0, .long, price: 441.75, usd: 0.1 + 0.2)], grid: grid)
        let text = String(decoding: HeatmapRealizedCSV.encode(heatmap), as: UTF8.self)
        // 0.1 + 0.2 = 0.30000000000000004 → 0.3 at 8 decimals.
        #expect(text.hasSuffix("\n0,441.7,441.8,0.3,0,1\n"))
    }
}
