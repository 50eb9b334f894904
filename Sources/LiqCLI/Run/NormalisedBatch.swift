import LiqCore

/// Canonical records (and failures) from one raw item: the unit the collecting sink merges.
struct NormalisedBatch: Sendable {
    var liquidations: [LiquidationEvent] = []
    var openInterest: [OpenInterestSample] = []
    var funding: [FundingSample] = []
    var failures: [SourceFailure] = []

    var recordCount: Int { liquidations.count + openInterest.count + funding.count }
}

extension NormalisedBatch {
    mutating func merge(_ other: NormalisedBatch) {
        liquidations += other.liquidations
        openInterest += other.openInterest
        funding += other.funding
        failures += other.failures
    }
}
