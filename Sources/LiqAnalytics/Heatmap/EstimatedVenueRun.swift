import LiqCore

/// One venue's model output: the state of its levels at the end of every bucket it has bars in, and the notional its
/// levels predicted liquidated per cell.
struct EstimatedVenueRun {
    /// (bucket start, open USD per band at the bucket's last bar, that bar's close), ascending by bucket.
    var columns: [(bucketStartMs: Int64, levels: [EstimatedHeatmap.BandLevel], close: Double)] = []
    var predictedCleared: [PositionSide: [HeatmapCell: Double]] = [:]

    /// Records a bucket's column: its levels at the bucket's last bar, taken once per bucket in ascending order.
    mutating func append(bucketStartMs: Int64, levels: [EstimatedHeatmap.BandLevel], close: Double) {
        precondition(columns.last.map { $0.bucketStartMs < bucketStartMs } ?? true, "columns out of order")
        columns.append((bucketStartMs, levels, close))
    }
}
