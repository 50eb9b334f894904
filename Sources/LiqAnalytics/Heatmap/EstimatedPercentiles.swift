/// The 10th, 50th and 90th percentiles of an ensemble's values for one quantity, linearly interpolated between order
/// statistics (Hyndman–Fan type 7, the default of R and NumPy): for sorted `x₀…x_{n−1}`, `p` sits at `h = (n − 1)·p`
/// and is `x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋)`. With three members p50 is the middle one.
public struct EstimatedPercentiles: Sendable, Equatable {
    public var p10: Double
    public var p50: Double
    public var p90: Double

    public init(p10: Double, p50: Double, p90: Double) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// Nil for no values.
    public init?(values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func at(_ probability: Double) -> Double {
            let position = Double(sorted.count - 1) * probability
            let lower = Int(position.rounded(.down))
            guard lower + 1 < sorted.count else { return sorted[lower] }
            return sorted[lower] + (position - Double(lower)) * (sorted[lower + 1] - sorted[lower])
        }
        self.init(p10: at(0.1), p50: at(0.5), p90: at(0.9))
    }
}
