public import LiqAnalytics
import LiqCore

/// `heatmap_estimated.csv`: open estimated liquidation levels per (bucket, band) at each bucket's end, all venues of
/// the asset summed, USD, with the leverage-mix ensemble's p10/p90 (DOMAIN.md §4.2, §4.4).
///
/// One row per cell where the central model or any ensemble member has a level, ordered by bucket then band; the
/// percentile fields are empty when no ensemble ran. Band edges are `band × width` and `(band + 1) × width`, USD.
public enum EstimatedHeatmapCSV {
    public static let fileName = "heatmap_estimated.csv"
    public static let columns = [
        "bucket_start_ms", "band_low", "band_high", "long_usd", "short_usd", "long_p10", "long_p90", "short_p10",
        "short_p90",
    ]

    public static func encode(_ result: EstimatedEnsembleHeatmap) -> [UInt8] {
        encode(result.central, spread: result.spread)
    }

    public static func encode(
        _ heatmap: EstimatedHeatmap, spread: [HeatmapCell: EstimatedEnsembleHeatmap.Spread] = [:]
    ) -> [UInt8] {
        var table = CSVTable(columns: columns)
        for (cell, level) in EstimatedRows.cells(heatmap, spread: spread) {
            let cellSpread = spread[cell]
            table.append([
                String(cell.bucketStartMs),
                NumberFormat.computed(heatmap.grid.bands.lowerEdge(of: cell.band)),
                NumberFormat.computed(heatmap.grid.bands.upperEdge(of: cell.band)),
                NumberFormat.computed(level.longUSD), NumberFormat.computed(level.shortUSD),
                cellSpread.map { NumberFormat.computed($0.long.p10) } ?? "",
                cellSpread.map { NumberFormat.computed($0.long.p90) } ?? "",
                cellSpread.map { NumberFormat.computed($0.short.p10) } ?? "",
                cellSpread.map { NumberFormat.computed($0.short.p90) } ?? "",
            ])
        }
        return table.data
    }
}
