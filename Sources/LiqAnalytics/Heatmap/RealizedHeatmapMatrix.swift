/// A realised heatmap drawn dense for renderers and wide outputs: every bucket and every band between the first and
/// last observed, empty cells zero.
///
/// Orientation: rows are time buckets, columns are bands (`longUSD[time][band]`), matching `bucketStartsMs` and
/// `bands`. Writers that need bands as rows (Plotly's `z`) transpose.
public struct RealizedHeatmapMatrix: Sendable, Equatable {
    /// Bucket starts, UTC epoch ms, ascending, one bucket size apart.
    public var bucketStartsMs: [Int64]
    /// Band indices, ascending and consecutive (see `PriceBands`).
    public var bands: [Int64]
    /// Liquidated long positions, USD, all venues: `[time][band]`.
    public var longUSD: [[Double]]
    /// Liquidated short positions, USD, all venues: `[time][band]`.
    public var shortUSD: [[Double]]
    /// Event counts, all venues: `[time][band]`.
    public var events: [[Int]]

    /// Long + short USD of one cell.
    public func totalUSD(time: Int, band: Int) -> Double { longUSD[time][band] + shortUSD[time][band] }
}
