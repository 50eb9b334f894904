public import LiqAnalytics

/// `heatmap_wide.csv`: the realised heatmap in Grafana's "HeatmapRows" shape (heatmap panel, "Calculate from
/// data: No"; Infinity or CSV data source): a `time` column (UTC epoch ms; type it `Time (UNIX ms)`), then one
/// column per price band named by its lower edge in USD (so set Y axis "Tick alignment" to "Bottom (GE)",
/// `rowsFrame.layout: "ge"`), values = long + short USD of all venues.
///
/// Dense over the observed range: one row per bucket from the first to the last with an event, one column per
/// band from the lowest to the highest. Empty cells are written `0`, not left blank: for a realised heatmap "no
/// liquidation observed" is a true zero, not missing data; HeatmapRows wants a number in every field, and a blank
/// one is read as null and drawn as a gap or filled from a neighbour; and Grafana's default "hide cells with
/// values ≤ 1e-9" already leaves zero cells transparent, so zeros cost nothing visually. Quiet buckets are rows of
/// zeros for the same reason, so no neighbouring row is stretched over them. Sampled venues make every value a
/// lower bound (`lowerBound` in `heatmap_realized.json`).
public enum HeatmapWideCSV {
    public static let fileName = "heatmap_wide.csv"
    public static let timeColumn = "time"

    /// Throws when the dense matrix would exceed `maximumCells` (see `RealizedHeatmap.dense`).
    public static func encode(_ heatmap: RealizedHeatmap, maximumCells: Int = 4_000_000) throws(RealizedHeatmapError)
        -> [UInt8]
    {
        let matrix = try heatmap.dense(maximumCells: maximumCells)
        let bands = heatmap.grid.bands
        var table = CSVTable(
            columns: [timeColumn] + matrix.bands.map { NumberFormat.computed(bands.lowerEdge(of: $0)) })
        for (time, bucketStartMs) in matrix.bucketStartsMs.enumerated() {
            table.append(
                [String(bucketStartMs)]
                    + matrix.bands.indices.map { NumberFormat.computed(matrix.totalUSD(time: time, band: $0)) })
        }
        return table.data
    }
}
