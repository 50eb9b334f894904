public import LiqCore

/// Drops liquidations already seen, by `eventID`: a re-fetched page, an overlapping poll window or a duplicated
/// archive row must not count twice.
public struct Deduplicator: Sendable {
    private var seen: Set<EventID> = []

    public init() {}

    /// The events not seen before, in their original order.
    public mutating func admit(_ events: [LiquidationEvent]) -> [LiquidationEvent] {
        events.filter { seen.insert($0.eventID).inserted }
    }

    public var seenCount: Int { seen.count }
}
