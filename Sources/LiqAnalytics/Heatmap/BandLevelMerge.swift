/// Walks several columns' levels (each ascending by band, one level per band) band by band in ascending order, so
/// columns are combined by merging sorted runs instead of through a hash table keyed by band or cell: at month scale
/// those tables were most of the estimated heatmap's cost (`liqbench scale`).
struct BandLevelMerge {
    private let lists: [[EstimatedHeatmap.BandLevel]]
    private var positions: [Int]
    private var started = false
    /// The current band; valid after `advance()` returned true.
    private(set) var band: Int64 = 0

    init(_ lists: [[EstimatedHeatmap.BandLevel]]) {
        self.lists = lists
        positions = Array(repeating: 0, count: lists.count)
    }

    /// Moves to the next band any list has; false when every list is exhausted.
    mutating func advance() -> Bool {
        if started {
            for index in lists.indices where level(in: index) != nil { positions[index] += 1 }
        }
        started = true
        var next: Int64?
        for index in lists.indices where positions[index] < lists[index].count {
            let candidate = lists[index][positions[index]].band
            if next.map({ candidate < $0 }) ?? true { next = candidate }
        }
        guard let next else { return false }
        band = next
        return true
    }

    /// List `index`'s level in the current band, if it has one.
    func level(in index: Int) -> EstimatedHeatmap.BandLevel? {
        guard started, positions[index] < lists[index].count, lists[index][positions[index]].band == band else {
            return nil
        }
        return lists[index][positions[index]]
    }
}
