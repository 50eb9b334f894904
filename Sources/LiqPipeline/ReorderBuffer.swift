/// Restores sequence order in an order-sensitive consumer fed by a stage with several workers.
///
/// Items arrive in any order; ``insert(_:deliver:)`` hands them on strictly by sequence number, holding the early
/// ones until the gap before them is filled. Used inside one sink (or stage) worker, so it is a plain value and its
/// `sequenceOf` closure need not be Sendable.
///
/// **Why it stays bounded.** Every sequence number holds one credit of a ``ReorderWindow`` from the moment the
/// source reserves it until this buffer delivers it, so at most ``ReorderWindow/size`` numbers exist between the
/// two. When an item waits here, the number just before it has not been delivered, so it is still upstream and
/// holds a credit: the buffer never holds more than `size - 1` items (checked on every insert). Channel capacities
/// alone would not be enough; see ``ReorderWindow``. Size the window at least at what the channels and workers can
/// hold (`capacity × channels + workers`), so that it only binds when one slow item holds up delivery.
///
/// Every sequence number from `firstSequence` on must reach the buffer exactly once: a stage that drops an item
/// must pass on an empty one instead, or delivery stops at the gap.
public struct ReorderBuffer<Item> {
    /// The next sequence number to deliver; everything below it has been delivered.
    public private(set) var nextSequence: Int
    private let window: ReorderWindow
    private let sequenceOf: (Item) -> Int
    private var pending: [Int: Item] = [:]

    /// Creates an empty buffer.
    /// - Parameters:
    ///   - window: The window the source reserves from; a credit goes back for each delivered item.
    ///   - firstSequence: The sequence number of the first item the source emits.
    ///   - sequenceOf: Reads an item's sequence number.
    public init(window: ReorderWindow, firstSequence: Int = 0, sequenceOf: @escaping (Item) -> Int) {
        self.window = window
        self.nextSequence = firstSequence
        self.sequenceOf = sequenceOf
    }

    /// Items received early, waiting for a smaller sequence number; at most `window.size - 1`.
    public var pendingCount: Int {
        pending.count
    }

    /// Accepts one item and delivers, in order, every item that is now ready (possibly none, possibly many).
    /// - Parameters:
    ///   - item: An item whose sequence number has not been seen before.
    ///   - deliver: Receives the ready items in sequence order.
    public mutating func insert(_ item: Item, deliver: (Item) throws -> Void) rethrows {
        let sequence = sequenceOf(item)
        precondition(
            sequence >= nextSequence && pending[sequence] == nil,
            "sequence \(sequence) arrived twice (next expected: \(nextSequence))"
        )
        pending[sequence] = item
        while let ready = pending.removeValue(forKey: nextSequence) {
            nextSequence += 1
            try deliver(ready)
            window.release()
        }
        precondition(
            pending.count < window.size,
            "\(pending.count) items wait for sequence \(nextSequence) with a window of \(window.size): "
                + "the source must call reserve() once per sequence number"
        )
    }
}
