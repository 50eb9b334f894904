public import LiqAnalytics

/// `heatmap_realized.csv`: the realised heatmap of one asset as a tidy table, one row per non-empty cell ordered
/// by (time, band), all venues summed; per-venue amounts are in `heatmap_realized.json`.
///
/// Band edges are `PriceBands.lowerEdge/upperEdge` of the cell's band, so a chart can draw the band exactly; USD
/// amounts and edges are computed values written with `NumberFormat.computed`.
public enum HeatmapRealizedCSV {
    public static let fileName = "heatmap_realized.csv"
    public static let columns = ["bucket_start_ms", "band_low", "band_high", "long_usd", "short_usd", "events"]

    public static func encode(_ heatmap: RealizedHeatmap) -> [UInt8] {
        let bands = heatmap.grid.bands
        var table = CSVTable(columns: columns)
        for cell in heatmap.cells {
            table.append([
                String(cell.cell.bucketStartMs), NumberFormat.computed(bands.lowerEdge(of: cell.cell.band)),
                NumberFormat.computed(bands.upperEdge(of: cell.cell.band)), NumberFormat.computed(cell.longUSD),
                NumberFormat.computed(cell.shortUSD), String(cell.events),
            ])
        }
        return table.data
    }
}
