import LiqCore

/// One venue's model output: the state of its levels at the end of every bucket it has bars in, and the notional its
/// levels predicted liquidated per cell.
struct EstimatedVenueRun {
    /// (bucket start, open USD per band at the bucket's last bar, that bar's close), ascending by bucket.
    var columns: [(bucketStartMs: Int64, levels: [EstimatedHeatmap.BandLevel], close: Double)] = []
    var predictedCleared: [PositionSide: [HeatmapCell: Double]] = [:]

    /// Records a bar's snapshot; a later bar of the same bucket replaces it (the bucket shows its end state).
    mutating func append(bucketStartMs: Int64, levels: [EstimatedHeatmap.BandLevel], close: Double) {
        if let last = columns.last, last.bucketStartMs == bucketStartMs {
            columns[columns.count - 1] = (bucketStartMs, levels, close)
        } else {
            columns.append((bucketStartMs, levels, close))
        }
    }
}
