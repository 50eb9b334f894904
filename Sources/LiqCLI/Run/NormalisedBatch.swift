import LiqCore

/// Canonical records (and failures) from one decoded item: the unit the collecting sink merges.
struct NormalisedBatch: Sendable {
    var liquidations: [LiquidationEvent] = []
    var openInterest: [OpenInterestSample] = []
    var funding: [FundingSample] = []
    var markPrices: [MarkPriceSample] = []
    var priceBars: [PriceBar] = []
    var failures: [SourceFailure] = []
    /// Non-blank lines read per capture file, once the file is done.
    var captureLines: [String: Int] = [:]

    var recordCount: Int {
        liquidations.count + openInterest.count + funding.count + markPrices.count + priceBars.count
    }
}
