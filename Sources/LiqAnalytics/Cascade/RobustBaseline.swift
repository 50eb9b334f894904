/// A trailing window of values kept sorted, answering median and MAD without re-sorting each minute: inserting
/// and removing cost a binary search plus a shift, the MAD a walk over half the window.
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

    /// Median absolute deviation from the median: the deviations below and above the median are two sorted runs,
    /// merged only as far as the middle.
    var medianAbsoluteDeviation: Double {
        let center = median
        var below = position(of: center) - 1  // walks down
        var above = below + 1  // walks up
        var deviations: [Double] = []
        deviations.reserveCapacity(sorted.count / 2 + 1)
        while deviations.count <= sorted.count / 2 {
            let downValue = below >= 0 ? center - sorted[below] : .infinity
            let upValue = above < sorted.count ? sorted[above] - center : .infinity
            if downValue <= upValue {
                deviations.append(downValue)
                below -= 1
            } else {
                deviations.append(upValue)
                above += 1
            }
        }
        let count = sorted.count
        return count % 2 == 1 ? deviations[count / 2] : (deviations[count / 2 - 1] + deviations[count / 2]) / 2
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
