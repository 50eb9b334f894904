/// The unit passed between pipeline stages: records plus a sequence number.
///
/// Batching amortises channel hand-offs (one semaphore round-trip per batch, not per record); the sequence
/// number lets an order-sensitive stage restore source order after a multi-worker stage.
public struct Batch<Record: Sendable>: Sendable {
    public var sequence: Int
    public var records: [Record]

    public init(sequence: Int, records: [Record]) {
        self.sequence = sequence
        self.records = records
    }
}

extension Batch: Equatable where Record: Equatable {}
