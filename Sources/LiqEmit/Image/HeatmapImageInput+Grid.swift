public import LiqAnalytics

extension HeatmapImageInput {
    /// Largest number of cells a picture is drawn from; beyond it the band range is trimmed to the price path
    /// ± 25 %, where a trader looks, so a sparse level far away cannot make the raster enormous.
    public static let maximumCells = 2_000_000

    /// A picture input from sparse cell values on `grid`: every bucket from the first to the last cell (or price
    /// point) and every band from the lowest to the highest, so time and price axes are continuous; cells without a
    /// value are 0 (drawn as background). Nil when there is nothing to draw.
    public init?(title: String, grid: HeatmapGrid, valuesUSD cells: [HeatmapCell: Double], pricePath: [PricePoint]) {
        let step = grid.bucket.milliseconds
        let times = cells.keys.map(\.bucketStartMs) + pricePath.map { grid.bucket.start(of: $0.timeMs) }
        var bands = cells.keys.map(\.band) + pricePath.map { grid.bands.band(of: $0.price) }
        guard let firstTime = times.min(), let lastTime = times.max(), var low = bands.min(), var high = bands.max()
        else { return nil }
        let columns = Int((lastTime - firstTime) / step) + 1
        if Int(high - low + 1) * columns > Self.maximumCells, let pathLow = pricePath.map(\.price).min(),
            let pathHigh = pricePath.map(\.price).max()
        {
            low = max(low, grid.bands.band(of: pathLow * 0.75))
            high = min(high, grid.bands.band(of: pathHigh * 1.25))
            bands = bands.filter { (low...high).contains($0) }
        }
        guard low <= high, Int(high - low + 1) * columns <= Self.maximumCells else { return nil }
        var values = [[Double]](repeating: [Double](repeating: 0, count: columns), count: Int(high - low + 1))
        for (cell, usd) in cells where (low...high).contains(cell.band) && usd > 0 {
            values[Int(cell.band - low)][Int((cell.bucketStartMs - firstTime) / step)] += usd
        }
        self.init(
            title: title, timesMs: (0..<columns).map { firstTime + Int64($0) * step }, bucketMs: step,
            bandEdges: (low...high + 1).map { grid.bands.lowerEdge(of: $0) }, valuesUSD: values, pricePath: pricePath)
    }
}
