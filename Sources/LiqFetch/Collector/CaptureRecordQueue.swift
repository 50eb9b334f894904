import Dispatch
import Synchronization

/// The bounded hand-off from the connection threads to the capture writer. Producers wait for space and the
/// consumer for items, each with a timeout so both keep checking the stop request.
final class CaptureRecordQueue: Sendable {
    private let items = Mutex<[CaptureRecord]>([])
    /// Counts free slots; starts at 0 and is signalled up to the capacity (a semaphore created with a positive
    /// value traps if it is released below that value).
    private let spaces = DispatchSemaphore(value: 0)
    private let available = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        for _ in 0..<capacity { spaces.signal() }
    }

    /// False when no slot freed up within `timeoutSeconds`.
    func put(_ record: CaptureRecord, timeoutSeconds: Double) -> Bool {
        guard spaces.wait(timeout: .now() + timeoutSeconds) == .success else { return false }
        items.withLock { $0.append(record) }
        available.signal()
        return true
    }

    var isEmpty: Bool { items.withLock { $0.isEmpty } }

    /// Every queued record (at least one), or none when nothing arrived within `timeoutSeconds`.
    func takeAll(timeoutSeconds: Double) -> [CaptureRecord] {
        guard available.wait(timeout: .now() + timeoutSeconds) == .success else { return [] }
        let taken = items.withLock { items in
            let all = items
            items.removeAll(keepingCapacity: true)
            return all
        }
        // One `available` was consumed by the wait; consume the rest so the counts match the items taken.
        for _ in 1..<max(1, taken.count) { available.wait() }
        for _ in taken { spaces.signal() }
        return taken
    }
}
