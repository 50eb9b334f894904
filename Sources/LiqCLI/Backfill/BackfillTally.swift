import LiqPipeline
import Synchronization

/// The runner's sink state: the summary so far and the progress line, shared between the sink worker and the
/// runner that reads the result afterwards.
final class BackfillTally: Sendable {
    private struct State {
        var summary: BackfillSummary
        var lastReport: ContinuousClock.Instant
        var reported = false
    }

    private let state: Mutex<State>
    private let started = ContinuousClock.now
    private let pending: Int
    private let progress: ProgressOptions?

    /// - Parameters:
    ///   - summary: The counts known before the pipeline starts (planned, skipped).
    ///   - pending: Items the pipeline will run, the denominator of the progress line.
    init(summary: BackfillSummary, pending: Int, progress: ProgressOptions?) {
        state = Mutex(State(summary: summary, lastReport: started))
        self.pending = pending
        self.progress = progress
    }

    func add(_ result: BackfillItemResult) {
        let line: String? = state.withLock { state in
            state.summary.add(result)
            let now = ContinuousClock.now
            guard let progress, now - state.lastReport >= progress.interval else { return nil }
            state.lastReport = now
            state.reported = true
            return Self.progressLine(state.summary, pending: pending, elapsed: now - started)
        }
        if let line, let progress { progress.write(progress.rewritesLine ? "\r\(line)\u{1B}[K" : line + "\n") }
    }

    /// The final summary; ends a rewritten progress line so the report starts on its own line.
    func finish() -> BackfillSummary {
        let (summary, reported) = state.withLock { ($0.summary, $0.reported) }
        if reported, let progress, progress.rewritesLine { progress.write("\n") }
        return summary
    }

    /// `backfill 12/340 items (1 missing, 0 failed), 86400 records, 2.1 items/s, ETA 2m36s`.
    static func progressLine(_ summary: BackfillSummary, pending: Int, elapsed: Duration) -> String {
        let finished = summary.attempted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(finished) / seconds : 0
        let eta = rate > 0 ? Int((Double(pending - finished) / rate).rounded(.up)) : nil
        let rateText = "\(Int(rate)).\(Int(rate * 10) % 10)"
        return "backfill \(finished)/\(pending) items (\(summary.missing.count) missing, \(summary.failed.count) "
            + "failed), \(summary.records) records, \(rateText) items/s, ETA "
            + (eta.map { $0 >= 60 ? "\($0 / 60)m\($0 % 60)s" : "\($0)s" } ?? "?")
    }
}
