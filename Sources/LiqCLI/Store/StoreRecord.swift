import LiqCore

/// What the store needs of every record type to partition, key and window it.
protocol StoreRecord: Sendable {
    var venue: Venue { get }
    var symbol: String { get }
    /// When it happened (a bar: when it opened), UTC epoch ms: the partition day and the window.
    var timeMs: Int64 { get }
    /// `RecordKey`.
    var key: String { get }
    /// False for a venue's estimate of something to come (predicted funding), which is no cursor or window end.
    var isObserved: Bool { get }
}

extension StoreRecord {
    var isObserved: Bool { true }
}

extension LiquidationEvent: StoreRecord {
    var timeMs: Int64 { timestampMs }
    var key: String { RecordKey.of(self) }
}

extension OpenInterestSample: StoreRecord {
    var timeMs: Int64 { timestampMs }
    var key: String { RecordKey.of(self) }
}

extension FundingSample: StoreRecord {
    var timeMs: Int64 { timestampMs }
    var key: String { RecordKey.of(self) }
    var isObserved: Bool { kind == .settled }
}

extension MarkPriceSample: StoreRecord {
    var timeMs: Int64 { timestampMs }
    var key: String { RecordKey.of(self) }
}

extension PriceBar: StoreRecord {
    var timeMs: Int64 { bucketStartMs }
    var key: String { RecordKey.of(self) }
}
