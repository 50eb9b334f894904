import Synchronization

/// Counts items between their creation in a source and the end of their processing in a sink, and remembers the
/// peak, so tests can check the memory bound of a pipeline.
final class InFlightGauge: Sendable {
    private let currentCount = Atomic(0)
    private let peakCount = Atomic(0)
    private let createdCount = Atomic(0)

    /// An item was created (call before emitting it, so an item blocked in `emit` counts).
    func enter() {
        createdCount.add(1, ordering: .relaxed)
        let now = currentCount.add(1, ordering: .acquiringAndReleasing).newValue
        var peak = peakCount.load(ordering: .relaxed)
        while now > peak {
            let (exchanged, original) = peakCount.compareExchange(
                expected: peak,
                desired: now,
                ordering: .relaxed
            )
            if exchanged { break }
            peak = original
        }
    }

    /// An item was fully processed and dropped.
    func leave() {
        currentCount.subtract(1, ordering: .acquiringAndReleasing)
    }

    /// Items in flight now.
    var current: Int { currentCount.load(ordering: .acquiring) }
    /// Highest number of items ever in flight at once.
    var peak: Int { peakCount.load(ordering: .acquiring) }
    /// Items created so far.
    var created: Int { createdCount.load(ordering: .acquiring) }
}
