import Dispatch
import Synchronization

/// A blocking FIFO of fixed capacity between two pipeline stages.
///
/// The capacity is what gives the pipeline backpressure: a producer that runs ahead blocks in ``send(_:)`` instead
/// of growing a buffer, so memory stays bounded however long the input is. Senders and receivers are threads on
/// dedicated stage queues, never Swift concurrency tasks, because both calls block.
///
/// Two counting semaphores carry the waiting: `freeSlots` (room to send) and `filledSlots` (items to receive,
/// plus one wake-up token once finished). The FIFO itself sits behind a `Mutex`.
///
/// > Warning: libdispatch traps with "Semaphore object deallocated while in use" when a semaphore is freed while
/// > its value is below the value it was created with. A channel torn down while full (after ``cancel()``) would
/// > hit that if `freeSlots` were created with `value: capacity`, so both semaphores start at 0 and `freeSlots` is
/// > signalled `capacity` times instead.
final class BoundedChannel<Element: Sendable>: Sendable {
    /// Maximum number of items buffered at once (items, not bytes).
    let capacity: Int

    private let freeSlots = DispatchSemaphore(value: 0)
    private let filledSlots = DispatchSemaphore(value: 0)
    private let state: Mutex<State>

    /// The ring buffer and the two terminal flags, only touched under the mutex.
    private struct State {
        var slots: [Element?]
        var head = 0
        var count = 0
        var isFinished = false
        var isCancelled = false

        mutating func append(_ element: Element) {
            slots[(head + count) % slots.count] = element
            count += 1
        }

        mutating func removeFirst() -> Element? {
            guard count > 0 else { return nil }
            let element = slots[head]
            slots[head] = nil
            head = (head + 1) % slots.count
            count -= 1
            return element
        }
    }

    /// Creates an empty channel.
    /// - Parameter capacity: Items the channel holds before ``send(_:)`` blocks; at least 1.
    init(capacity: Int) {
        precondition(capacity >= 1, "a channel needs room for at least one item, got capacity \(capacity)")
        self.capacity = capacity
        state = Mutex(State(slots: Array(repeating: nil, count: capacity)))
        for _ in 0..<capacity {
            freeSlots.signal()
        }
    }

    /// Appends an item, blocking while the channel is full.
    /// - Returns: `false` when the channel was cancelled; the item is dropped and the caller should stop producing.
    func send(_ element: Element) -> Bool {
        freeSlots.wait()
        let accepted = state.withLock { state -> Bool in
            precondition(!state.isFinished, "send(_:) after finish(): a producer outlived its stage")
            guard !state.isCancelled else { return false }
            state.append(element)
            return true
        }
        if accepted {
            filledSlots.signal()
        } else {
            // Pass the cancellation wake-up on to the next blocked sender.
            freeSlots.signal()
        }
        return accepted
    }

    /// Takes the oldest item, blocking while the channel is empty and not yet finished.
    /// - Returns: `nil` once the channel is finished and drained, or as soon as it is cancelled (buffered items are
    ///   then discarded, because the pipeline is stopping anyway).
    func receive() -> Element? {
        filledSlots.wait()
        let element = state.withLock { state -> Element? in
            state.isCancelled ? nil : state.removeFirst()
        }
        if element != nil {
            freeSlots.signal()
        } else {
            // Finished-and-empty or cancelled: pass the wake-up on to the next blocked receiver.
            filledSlots.signal()
        }
        return element
    }

    /// Marks the end of input: receivers drain what is buffered, then get `nil`. Idempotent.
    func finish() {
        let isFirst = state.withLock { state -> Bool in
            defer { state.isFinished = true }
            return !state.isFinished
        }
        if isFirst {
            filledSlots.signal()
        }
    }

    /// Stops the channel: every blocked and future ``send(_:)`` returns `false`, every ``receive()`` returns `nil`.
    /// Idempotent. One wake-up per semaphore is enough because each woken thread passes it on.
    func cancel() {
        let isFirst = state.withLock { state -> Bool in
            defer { state.isCancelled = true }
            return !state.isCancelled
        }
        if isFirst {
            freeSlots.signal()
            filledSlots.signal()
        }
    }
}
