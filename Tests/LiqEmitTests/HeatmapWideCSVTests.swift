import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct HeatmapWideCSVTests {
    @Test func isTimeThenOneColumnPerBandLowerEdgeWithZerosForEmptyCells() throws {
        var events = HeatmapSamples.events
        events.append(HeatmapSamples.event(.okx, 240_000, .short, price: 63_900, usd: 0.5))  // band 639, bucket 240,000
        let text = String(decoding: try HeatmapWideCSV.encode(try HeatmapSamples.heatmap(events)), as: UTF8.self)
        // Row 60,000: band 640 = 42,025 long; band 641 = 5,000 short. Row 120,000: band 640 = 1,250 + 2,500 = 3,750.
        // Row 180,000 has no event: all zeros. Row 240,000: band 639 = 0.5.
        #expect(
            text == """
                time,63900,64000,64100
                60000,0,42025,5000
                120000,0,3750,0
                180000,0,0,0
                240000,0.5,0,0

                """)
        // Every row as wide as the header, and the columns add back up to the heatmap total.
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count == 4 })
        let sum = rows.dropFirst().flatMap { $0.dropFirst() }.reduce(0) { $0 + Double($1)! }
        #expect(sum == 50_775.5)
    }

    @Test func anEmptyHeatmapIsTheTimeHeaderOnly() throws {
        let text = String(decoding: try HeatmapWideCSV.encode(try HeatmapSamples.heatmap([])), as: UTF8.self)
        #expect(text == "time\n")
    }

    @Test func refusesAMatrixBeyondTheLimit() throws {
        #expect(throws: RealizedHeatmapError.denseTooLarge(buckets: 2, bands: 2, limit: 3)) {
            try HeatmapWideCSV.encode(try HeatmapSamples.heatmap(), maximumCells: 3)
        }
    }
}
