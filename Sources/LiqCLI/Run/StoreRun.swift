import Dispatch
import LiqCore
import LiqEmit
import LiqPipeline

/// `run` with a `store` block: one incremental cycle, safe to start from cron every few minutes for months.
///
/// 1. Take `<state>/run.lock` (one run per state directory; a dead holder's lock is recovered with a warning).
/// 2. Ingest as a plain run does, paging back only to the stored cursors and reading only collector segments
///    after the capture cursor.
/// 3. Merge the records into the store (`RecordStore`: keyed, atomic per partition).
/// 4. Advance cursors and feed health (`RunState`), then the capture cursor: both after the merge, so a run
///    killed before them re-reads what it had merged, and the keyed merge makes that a no-op.
/// 5. Write the outputs over the store's last `windowHours` (with every feed's freshness in `snapshot.json`),
///    then `liqpipe.prom`.
///
/// The exit code is the cycle's: 0, 3 when some feed failed but others delivered, 1 when nothing was ingested and
/// something failed. Outputs are rewritten even then, from the store, so their freshness shows the outage.
struct StoreRun {
    var spec: PipelineSpec
    var store: StoreSpec
    var parsed: ParsedArguments
    var console: Console
    var nowMs: () -> Int64 = WallClock.nowMs

    func execute() throws -> ExitCode {
        let startedMs = nowMs()
        let started = DispatchTime.now().uptimeNanoseconds
        let lock: ProcessLock
        do {
            lock = try ProcessLock(path: spec.stateDirectory + "/run.lock", activity: "run", nowMs: startedMs)
        } catch let busy as ProcessLock.Busy {
            console.err("liqpipe: run: \(busy); this run does nothing\n")
            return .failure
        }
        defer { lock.release() }
        if let warning = lock.recoveryWarning { console.err(warning) }
        let statePath = spec.stateDirectory + "/" + RunState.fileName
        var state = RunState()
        do {
            state = try RunState.load(path: statePath)
        } catch {
            console.err("liqpipe: warning: run state ignored, cursors start over (the store dedupes): \(error)\n")
        }
        let captures = try spec.collector.map {
            try CollectorCaptures(spec: spec, collector: $0, console: console, sinceCursor: true)
        }
        let progress =
            parsed.flags.contains("quiet")
            ? nil
            : ProgressOptions(
                interval: console.errIsTerminal ? .milliseconds(500) : .seconds(5),
                rewritesLine: console.errIsTerminal, write: console.err)
        var ingest = IngestRun(spec: captures?.applied(to: spec) ?? spec, progress: progress)
        ingest.cursors = state.cursors
        let result = try ingest.run()
        let fetched = RunReport(spec: spec, result: result)
        for failure in fetched.failures { console.err("liqpipe: warning: \(failure.description)\n") }

        let recordStore = RecordStore(directory: spec.storeDirectory)
        let merged = try recordStore.merge(fetched.records)
        state.absorb(merged, coverage: fetched.coverage, atMs: startedMs)
        if fetched.exitCode != .failure { state.lastSuccessMs = startedMs }
        try AtomicFile.write(state.encoded(), to: statePath)
        try captures?.finish(
            exitCode: fetched.exitCode, captureLines: result.collected.captureLines, console: console)

        let freshness = state.freshness(coverage: fetched.coverage)
        let outputDirectory = parsed.values["out"] ?? spec.outputDirectory
        var written: [String] = []
        var report = fetched
        if let window = try recordStore.window(venues: Set(spec.venues.map(\.venue)), hours: store.windowHours) {
            var collected = result.collected
            collected.liquidations = window.records.liquidations
            collected.openInterest = window.records.openInterest
            collected.funding = window.records.funding
            collected.markPrices = window.records.markPrices
            collected.priceBars = window.records.priceBars
            collected.duplicateLiquidations = 0
            report = RunReport(spec: spec, result: IngestRun.Result(venues: result.venues, collected: collected))
            report.sources = (startedMs, freshness)
            for file in try report.files() {
                let path = outputDirectory + "/" + file.name
                try AtomicFile.write(file.bytes, to: path)
                written.append(path)
            }
        }
        let prometheus = store.prometheusFile ?? outputDirectory + "/liqpipe.prom"
        try AtomicFile.write(
            PrometheusTextfile.encode(
                PrometheusTextfile.Input(
                    specName: spec.name, runStartedMs: startedMs,
                    durationSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                    exitCode: Int(fetched.exitCode.rawValue), lastSuccessMs: state.lastSuccessMs, sources: freshness)),
            to: prometheus)
        console.out(
            "liqpipe run \(spec.name): fetched \(fetched.recordCount) records, \(merged.added) new in the store "
                + "(\(merged.files.count) partition file\(merged.files.count == 1 ? "" : "s") rewritten)\n"
                + RunCommand.summary(report, command: "run", written: written + [prometheus]))
        return fetched.exitCode
    }
}
