import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

@Suite struct HeatmapImageInputGridTests {
    let grid = HeatmapGrid(baseAsset: "BTC", bucket: BucketSize("1m")!, bands: PriceBands(widthUSD: 100)!)

    @Test func sparseCellsFillAContinuousGridWithThePricePathInside() throws {
        // Cells at minute 0 band 1000 ($100,000–100,100) and minute 2 band 1002; the path reaches $100,350 at minute 3.
        let input = try #require(
            HeatmapImageInput(
                title: "t", grid: grid,
                valuesUSD: [
                    HeatmapCell(bucketStartMs: 0, band: 1000): 5, HeatmapCell(bucketStartMs: 120_000, band: 1002): 7,
                ],
                pricePath: [.init(timeMs: 30_000, price: 100_050), .init(timeMs: 180_000, price: 100_350)]))
        // Times 0…180,000 in 1-minute steps; bands 1000…1003 (the path's last price is in band 1003).
        #expect(input.timesMs == [0, 60_000, 120_000, 180_000])
        #expect(input.bandEdges == [100_000, 100_100, 100_200, 100_300, 100_400])
        #expect(input.valuesUSD == [[5, 0, 0, 0], [0, 0, 0, 0], [0, 0, 7, 0], [0, 0, 0, 0]])
    }

    @Test func nothingToDrawIsNil() {
        #expect(HeatmapImageInput(title: "t", grid: grid, valuesUSD: [:], pricePath: []) == nil)
    }

    @Test func farAwayLevelsAreTrimmedToThePriceRange() throws {
        // Levels at $100 (band 1), $100,000 (band 1000) and $310,000 (band 3100) over 1,000 one-minute buckets:
        // 3,100 bands × 1,000 buckets = 3.1M cells, over the 2M cap, so only bands within ±25 % of the path
        // ($75,000 … $125,000, bands 750…1250) are kept: the $100,000 level stays, the other two go.
        var cells: [HeatmapCell: Double] = [HeatmapCell(bucketStartMs: 0, band: 1): 9]
        cells[HeatmapCell(bucketStartMs: 59_940_000, band: 1000)] = 3
        cells[HeatmapCell(bucketStartMs: 0, band: 3100)] = 11
        let input = try #require(
            HeatmapImageInput(
                title: "t", grid: grid, valuesUSD: cells,
                pricePath: [.init(timeMs: 0, price: 100_000), .init(timeMs: 59_940_000, price: 100_000)]))
        // $75,000 → band 750 … $125,000 → band 1250: 501 bands.
        #expect(input.bandEdges.first == 75_000)
        #expect(input.bandEdges.count == 502)
        #expect(input.valuesUSD.flatMap { $0 }.reduce(0, +) == 3)
    }
}
