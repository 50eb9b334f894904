/// How much work one item represents, for the metrics and the progress line.
///
/// The engine is generic over what flows through it; items are usually `Batch<Record>` values, so counting items
/// alone would say little. Each stage is given a `measure` closure that turns an item into records and bytes.
public struct ItemSize: Sendable, Equatable {
    /// Records carried by the item (for a batch: its record count).
    public var records: Int
    /// Payload bytes carried by the item (for a raw batch: its body length); 0 when bytes mean nothing here.
    public var bytes: Int

    /// Creates a size of `records` records and `bytes` bytes.
    public init(records: Int, bytes: Int = 0) {
        self.records = records
        self.bytes = bytes
    }

    /// The default measure: every item counts as one record of zero bytes.
    public static let oneRecord = ItemSize(records: 1)
}
