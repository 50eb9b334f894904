/// The tally of one backfill run: what the plan held, what was skipped as already recorded, and how each item
/// that ran ended. The exit code and the final report are derived from it.
struct BackfillSummary: Sendable {
    /// Items of the plan (this shard, every selected venue with a source).
    var planned = 0
    /// Items the ledger already records as done.
    var skippedDone = 0
    /// Items the ledger records as missing, not retried (no `--retry-missing`).
    var skippedMissing = 0
    var done = 0
    var missing: [(key: String, reason: String)] = []
    var failed: [(key: String, message: String)] = []
    /// Records written to the store by the items done this run.
    var records = 0
    var files = 0
    var duplicates = 0
    var outsidePeriod = 0

    /// Items this run attempted.
    var attempted: Int { done + missing.count + failed.count }

    mutating func add(_ result: BackfillItemResult) {
        switch result.status {
        case .done(let written):
            done += 1
            records += written.records
            files += written.files.count
            duplicates += written.duplicates
            outsidePeriod += written.outsidePeriod
        case .missing(let reason): missing.append((result.item.key, reason))
        case .failed(let message): failed.append((result.item.key, message))
        }
    }

    /// 0 when every item is stored or known missing, 3 when some failed and others ran, 1 when every attempted
    /// item failed.
    var exitCode: ExitCode {
        guard !failed.isEmpty else { return .success }
        return done + missing.count > 0 ? .partial : .failure
    }

    /// The closing report: counts, then one line per missing and per failed item (sorted by key).
    var lines: [String] {
        var lines = [
            "\(planned) items planned: \(done) done (\(records) records in \(files) files), \(skippedDone) already "
                + "complete, \(missing.count) missing, \(skippedMissing) recorded missing earlier, "
                + "\(failed.count) failed"
        ]
        if duplicates > 0 { lines.append("  \(duplicates) duplicate records dropped") }
        if outsidePeriod > 0 {
            lines.append("  \(outsidePeriod) records outside their item's period not stored")
        }
        for entry in missing.sorted(by: { $0.key < $1.key }) { lines.append("  missing \(entry.key): \(entry.reason)") }
        for entry in failed.sorted(by: { $0.key < $1.key }) { lines.append("  FAILED \(entry.key): \(entry.message)") }
        return lines
    }
}
