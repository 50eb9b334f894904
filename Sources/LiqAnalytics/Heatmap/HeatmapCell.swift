/// One cell of a heatmap: a time bucket (its start, UTC epoch ms) and a price band index (see `PriceBands`).
/// Ordered by time, then band, which is the order every heatmap output lists cells in.
public struct HeatmapCell: Sendable, Equatable, Hashable, Comparable {
    public var bucketStartMs: Int64
    public var band: Int64

    public init(bucketStartMs: Int64, band: Int64) {
        self.bucketStartMs = bucketStartMs
        self.band = band
    }

    public static func < (lhs: HeatmapCell, rhs: HeatmapCell) -> Bool {
        (lhs.bucketStartMs, lhs.band) < (rhs.bucketStartMs, rhs.band)
    }
}
