import Synchronization

/// A shared integer that test closures can capture (an `Atomic` itself cannot be captured, being non-copyable).
final class Counter: Sendable {
    private let count = Atomic(0)

    /// Adds `amount` and returns the new value.
    @discardableResult
    func add(_ amount: Int = 1) -> Int {
        count.add(amount, ordering: .acquiringAndReleasing).newValue
    }

    /// The current value.
    var value: Int { count.load(ordering: .acquiring) }
}
