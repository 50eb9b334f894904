import Dispatch
import Synchronization

/// Credits that cap how many sequence numbers may be between a source and their in-order delivery.
///
/// Channel capacities alone do not bound a ``ReorderBuffer``: if one worker is slow on item `n`, the other workers
/// keep taking items `n+1, n+2, …` from the channel and the sink must hold every one of them until `n` arrives,
/// while the source keeps refilling the channel. The window closes that loop: the source takes one credit per
/// sequence number (``reserve()``) and the buffer returns it when that number is delivered in order, so at most
/// ``size`` numbers are in flight in the whole pipeline and at most `size - 1` wait in the buffer.
///
/// Made by ``Pipeline/makeReorderWindow(size:)`` so that the pipeline releases a source blocked here when it stops.
/// The semaphore starts at 0 and is signalled `size` times for the same libdispatch teardown reason as in
/// `BoundedChannel`.
public final class ReorderWindow: Sendable {
    /// Sequence numbers allowed in flight at once.
    public let size: Int

    private let credits = DispatchSemaphore(value: 0)
    private let isCancelled = Atomic(false)

    init(size: Int) {
        precondition(size >= 1, "a reorder window needs at least one credit, got size \(size)")
        self.size = size
        for _ in 0..<size {
            credits.signal()
        }
    }

    /// Takes the credit for the next sequence number, blocking while `size` numbers are in flight. Call it in the
    /// source once per sequence number, before emitting that number.
    /// - Throws: `CancellationError` once the pipeline is stopping; let it propagate out of the source.
    public func reserve() throws {
        credits.wait()
        if isCancelled.load(ordering: .acquiring) {
            // Pass the wake-up on to the next blocked source worker.
            credits.signal()
            throw CancellationError()
        }
    }

    /// Returns one credit; called by ``ReorderBuffer`` for each sequence number it delivers.
    func release() {
        credits.signal()
    }

    /// Releases every blocked and future ``reserve()`` with an error. Idempotent.
    func cancel() {
        if !isCancelled.exchange(true, ordering: .acquiringAndReleasing) {
            credits.signal()
        }
    }
}
