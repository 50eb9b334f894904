import LiqCore
import LiqNormalise
import LiqPipeline

/// Runs a backfill plan: skips what the ledger records, then sends every pending item through a Dispatch pipeline
/// `items → fetch (source, normalise, store, ledger) → tally` with a few workers (items are I/O bound). A failing
/// item is reported and left unrecorded, so the next run retries it; the others continue.
struct BackfillRunner {
    /// Items fetched at once: enough to overlap downloads, few enough to stay polite and memory-flat (a worker
    /// holds one item's normalised records until they are written).
    static let workers = 3
    static let channelCapacity = 4

    var sources: [any BackfillSource]
    /// The normaliser of each venue whose reference data loaded (instrument metadata: contract sizes, bases).
    var normalisers: [Venue: Normaliser]
    /// Why a venue has no normaliser (its reference data failed): its items fail with this reason.
    var unavailable: [Venue: String] = [:]
    var store: BackfillStore
    var ledger: BackfillLedger
    /// Runs items recorded as missing again (archives publish a day late; a 404 may be gone now).
    var retryMissing = false
    var progress: ProgressOptions?

    /// The items of `plan` still to run, and the summary of those skipped because the ledger records them: done,
    /// or missing (unless `retryMissing`).
    func pending(_ plan: BackfillPlan) -> (summary: BackfillSummary, pending: [BackfillPlan.Entry]) {
        var summary = BackfillSummary()
        summary.planned = plan.entries.count
        var pending: [BackfillPlan.Entry] = []
        for entry in plan.entries {
            switch ledger.status(of: entry.item) {
            case .done: summary.skippedDone += 1
            case .missing where !retryMissing: summary.skippedMissing += 1
            case .missing, nil: pending.append(entry)
            }
        }
        return (summary, pending)
    }

    /// Runs the `pending` items; `skipped` holds the counts known before. Throws only when the pipeline is stopped
    /// (a source threw `CancellationError`, or a worker could not hand on a result); everything recorded up to
    /// then stays recorded.
    func run(_ pending: [BackfillPlan.Entry], skipped: BackfillSummary) throws(PipelineError) -> BackfillSummary {
        let tally = BackfillTally(summary: skipped, pending: pending.count, progress: progress)
        guard !pending.isEmpty else { return tally.finish() }
        let runner = self
        let pipeline = Pipeline(name: "liqpipe.backfill")
        let items = pipeline.addSource("items", capacity: Self.channelCapacity) { _, emit in
            for entry in pending { try emit(entry) }
        }
        let results = pipeline.addStage(
            "fetch", input: items, workers: min(Self.workers, pending.count), capacity: Self.channelCapacity,
            makeTransform: { _ in
                let worker = BackfillWorkerClient()
                return { entry, emit in try emit(runner.process(entry, worker: worker)) }
            })
        pipeline.addSink("tally", input: results, makeConsumer: { _ in { result in tally.add(result) } })
        try pipeline.run()
        return tally.finish()
    }

    /// Fetches, normalises and stores one item, then records it. A `CancellationError` from the source stops the
    /// whole run; any other error fails only this item.
    func process(_ entry: BackfillPlan.Entry, worker: BackfillWorkerClient) throws -> BackfillItemResult {
        let item = entry.item
        guard let normaliser = normalisers[item.venue] else {
            let reason = unavailable[item.venue] ?? "no reference data"
            return BackfillItemResult(item: item, status: .failed(message: "reference data: \(reason)"))
        }
        do {
            var batch = NormalisedBatch()
            let outcome = try sources[entry.sourceIndex].run(item, worker: worker) { records in
                try Self.normalise(records, with: normaliser, into: &batch)
            }
            switch outcome {
            case .missing(let reason):
                try ledger.recordMissing(item, reason: reason)
                return BackfillItemResult(item: item, status: .missing(reason: reason))
            case .done:
                let written = try store.write(batch, for: item)
                try ledger.recordDone(item, records: written.records, files: written.files)
                return BackfillItemResult(item: item, status: .done(written))
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            return BackfillItemResult(item: item, status: .failed(message: "\(error)"))
        }
    }

    /// Canonical records of one batch. Strict, unlike `run`: a record that cannot be normalised fails the item,
    /// because a stored day must be complete — a gap recorded as done would never be filled.
    static func normalise(_ records: [VenueRecord], with normaliser: Normaliser, into batch: inout NormalisedBatch)
        throws
    {
        // Price bars come in runs of one instrument (an archive file): its metadata is looked up once per run.
        var barInstrument: Instrument?
        for record in records {
            switch record {
            case .liquidation(let value): batch.liquidations.append(try normaliser.liquidation(value))
            case .openInterest(let value): batch.openInterest.append(try normaliser.openInterest(value))
            case .funding(let value): batch.funding.append(try normaliser.funding(value))
            case .markPrice(let value): batch.markPrices.append(try normaliser.markPrice(value))
            case .priceBar(let value): batch.priceBars.append(try normaliser.priceBar(value, reusing: &barInstrument))
            }
        }
    }
}
