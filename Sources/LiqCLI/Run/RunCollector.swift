import LiqCore
import LiqNormalise
import Synchronization

/// Gathers the run's canonical records from the sink, dropping liquidations already seen (`eventID`), so pages
/// that overlap or captures that repeat a message never count twice.
final class RunCollector: Sendable {
    struct Contents: Sendable {
        var deduplicator = Deduplicator()
        var liquidations: [LiquidationEvent] = []
        var duplicateLiquidations = 0
        var openInterest: [OpenInterestSample] = []
        var funding: [FundingSample] = []
        var markPrices: [MarkPriceSample] = []
        var priceBars: [PriceBar] = []
        var failures: [SourceFailure] = []
        /// Non-blank lines read per capture file (path as planned).
        var captureLines: [String: Int] = [:]
    }

    private let contents = Mutex(Contents())

    func add(_ batch: NormalisedBatch) {
        contents.withLock { contents in
            let fresh = contents.deduplicator.admit(batch.liquidations)
            contents.duplicateLiquidations += batch.liquidations.count - fresh.count
            contents.liquidations += fresh
            contents.openInterest += batch.openInterest
            contents.funding += batch.funding
            contents.markPrices += batch.markPrices
            contents.priceBars += batch.priceBars
            contents.failures += batch.failures
            contents.captureLines.merge(batch.captureLines, uniquingKeysWith: +)
        }
    }

    var snapshot: Contents { contents.withLock { $0 } }
}
