/// A trailing window of values kept sorted, answering median and MAD without re-sorting each minute: inserting
/// and removing cost a binary search plus a shift, the median an index and the MAD two binary searches.
struct RobustBaseline: Sendable {
    private(set) var sorted: [Double] = []

    var count: Int { sorted.count }

    mutating func insert(_ value: Double) { sorted.insert(value, at: position(of: value)) }

    mutating func remove(_ value: Double) {
        let index = position(of: value)
        precondition(index < sorted.count && sorted[index] == value, "removing a value the window does not hold")
        sorted.remove(at: index)
    }

    /// First index whose value is ≥ `value`.
    private func position(of value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    var median: Double { Self.median(sorted: sorted) }

    /// Median absolute deviation from the median. The deviations below and above the median are two sorted runs
    /// (`center − sorted[p−1−i]` and `sorted[p+j] − center`, `p` the first index ≥ `center`), so the middle one is
    /// the k-th smallest of two sorted runs, found by binary search in O(log n) rather than by merging up to the middle:
    /// the detector asks for it every minute over a window of up to a week.
    var medianAbsoluteDeviation: Double {
        let center = median
        let split = position(of: center)
        let count = sorted.count
        return count % 2 == 1
            ? deviation(rank: count / 2, center: center, split: split)
            : (deviation(rank: count / 2 - 1, center: center, split: split)
                + deviation(rank: count / 2, center: center, split: split)) / 2
    }

    /// The `rank`-th smallest (0-based) absolute deviation from `center`; `split` is the first index ≥ `center`.
    private func deviation(rank: Int, center: Double, split: Int) -> Double {
        let belowCount = split
        let aboveCount = sorted.count - split
        func below(_ i: Int) -> Double { center - sorted[split - 1 - i] }
        func above(_ j: Int) -> Double { sorted[split + j] - center }
        // The `rank + 1` smallest are the first `taken` of the run below and the first `rank + 1 − taken` above;
        // `taken` is the smallest count at which the next one below is not smaller than the last one taken above.
        var low = max(0, rank + 1 - aboveCount)
        var high = min(rank + 1, belowCount)
        while low < high {
            let taken = (low + high) / 2
            if below(taken) < above(rank - taken) { low = taken + 1 } else { high = taken }
        }
        let fromAbove = rank + 1 - low
        return max(low > 0 ? below(low - 1) : -.infinity, fromAbove > 0 ? above(fromAbove - 1) : -.infinity)
    }

    static func median(sorted values: [Double]) -> Double {
        precondition(!values.isEmpty, "the median of nothing")
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// `(x − median) / max(1.4826·MAD, floor)`.
    func robustZ(_ value: Double, scaleFloor: Double, scaleCeiling: Double) -> Double {
        (value - median) / min(max(1.4826 * medianAbsoluteDeviation, scaleFloor), max(scaleFloor, scaleCeiling))
    }
}
