/// Everything a heatmap picture shows, as plain values: USD per (price band, time bucket) cell and a price path.
///
/// Deliberately independent of the analytics types, so any producer of a time × price grid can be drawn.
public struct HeatmapImageInput: Sendable, Equatable {
    /// One point of the price line: a time in epoch milliseconds and a price in USD.
    public struct PricePoint: Sendable, Equatable {
        public var timeMs: Int64
        public var price: Double

        public init(timeMs: Int64, price: Double) {
            self.timeMs = timeMs
            self.price = price
        }
    }

    /// The heading, e.g. `BTC liquidations 2025-10-10`.
    public let title: String
    /// Start of each time bucket (columns), epoch milliseconds, ascending.
    public let timesMs: [Int64]
    /// Length of every bucket in milliseconds.
    public let bucketMs: Int64
    /// Price band edges in USD, ascending: band `i` is `bandEdges[i] ..< bandEdges[i + 1]`.
    public let bandEdges: [Double]
    /// USD per cell: `valuesUSD[band][column]`; 0 marks an empty cell.
    public let valuesUSD: [[Double]]
    /// The price over time, drawn over the cells; may be empty.
    public let pricePath: [PricePoint]

    /// Checks the shape: at least one column and band, `bandEdges.count == valuesUSD.count + 1`, every row as long
    /// as `timesMs`, edges strictly ascending, values finite and not negative.
    public init(
        title: String, timesMs: [Int64], bucketMs: Int64, bandEdges: [Double], valuesUSD: [[Double]],
        pricePath: [PricePoint]
    ) {
        precondition(!timesMs.isEmpty && bucketMs > 0, "a heatmap needs at least one bucket of positive length")
        precondition(bandEdges.count >= 2 && bandEdges.count == valuesUSD.count + 1, "band edges = bands + 1")
        precondition(zip(bandEdges, bandEdges.dropFirst()).allSatisfy { $0 < $1 }, "band edges ascend")
        precondition(valuesUSD.allSatisfy { $0.count == timesMs.count }, "each band has one value per bucket")
        precondition(valuesUSD.allSatisfy { $0.allSatisfy { $0.isFinite && $0 >= 0 } }, "values are USD ≥ 0")
        self.title = title
        self.timesMs = timesMs
        self.bucketMs = bucketMs
        self.bandEdges = bandEdges
        self.valuesUSD = valuesUSD
        self.pricePath = pricePath
    }
}
