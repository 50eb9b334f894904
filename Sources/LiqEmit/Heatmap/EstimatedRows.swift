import LiqAnalytics

/// The row order shared by the estimated heatmap's CSV and JSON.
enum EstimatedRows {
    /// Every cell of the central heatmap or the spread, ascending by bucket then band, with the central model's
    /// level (zeros where only ensemble members have one).
    static func cells(_ heatmap: EstimatedHeatmap, spread: [HeatmapCell: EstimatedEnsembleHeatmap.Spread])
        -> [(HeatmapCell, EstimatedHeatmap.BandLevel)]
    {
        var levels: [HeatmapCell: EstimatedHeatmap.BandLevel] = [:]
        for column in heatmap.columns {
            for level in column.levels {
                levels[HeatmapCell(bucketStartMs: column.bucketStartMs, band: level.band)] = level
            }
        }
        return Set(levels.keys).union(spread.keys).sorted().map {
            ($0, levels[$0] ?? EstimatedHeatmap.BandLevel(band: $0.band, longUSD: 0, shortUSD: 0))
        }
    }
}
