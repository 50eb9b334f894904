import LiqCore
import LiqEmit

/// `liqpipe maintain SPEC [--now YYYY-MM-DDTHH:MM:SSZ] [--dry-run]`: the daily retention job — compacts old capture
/// days into daily files, removes capture days and store partitions past the spec's `retention` ages
/// (`MaintenancePlan`, `CaptureDayCompaction`). One line per action on standard output, then a total.
///
/// Exit codes: 0 done (or nothing to do, or another maintain holds the lock: it does the same work, so this one
/// stops with a message and nothing to report as failed); 3 some capture day was left as it is for a reason to look
/// at (an unreadable segment, an open `.part` days old, a daily file not written by maintain), everything else
/// done; 1 an I/O failure (the message names the file and the call; what was done before stays done, and the next
/// run resumes); 2 usage or spec error.
enum MaintainCommand {
    static let name = "maintain"

    static func execute(_ arguments: [String], console: Console) throws -> ExitCode {
        let parsed = try ParsedArguments(
            arguments, command: name, valued: ["now"], flags: ["dry-run"], maxPositionals: 1)
        guard let specPath = parsed.positionals.first else { throw UsageError("missing SPEC", command: name) }
        var nowMs = WallClock.nowMs()
        if let text = parsed.values["now"] {
            guard let given = Timestamp.parseISO8601(text) else {
                throw UsageError("option '--now': expected YYYY-MM-DDTHH:MM:SSZ, got '\(text)'", command: name)
            }
            nowMs = given
        }
        let dryRun = parsed.flags.contains("dry-run")
        let spec = try RunCommand.loadSpec(specPath)
        let stateDirectory = spec.stateDirectory
        let plan = MaintenancePlan(
            retention: spec.retention, today: UTCDate(timestampMs: nowMs), captureDirectory: spec.collector?.directory,
            storeDirectory: spec.storeDirectory)

        let lock: ProcessLock
        do {
            lock = try ProcessLock(path: stateDirectory + "/maintain.lock", activity: "maintain")
        } catch let busy as ProcessLock.Busy {
            console.err("liqpipe: maintain: \(busy); skipped\n")
            return .success
        }
        defer { lock.release() }
        if let warning = lock.recoveryWarning { console.err(warning) }

        let actions = try plan.actions()
        var tally = Tally()
        for action in actions {
            console.out(action.summary + "\n")
            tally.count(action)
            guard !dryRun, !action.isSkipped else { continue }
            switch action {
            case .compaction(let compaction): try compaction.execute()
            case .removeCaptureDay(let path, _, _, _): try MaintainFiles.removeTree(path)
            case .removeStorePartition(let path, _, _):
                try MaintainFiles.removeTree(path)
                try removeEmptyParents(of: path, below: plan.storeDirectory)
            }
        }
        console.out(
            "liqpipe maintain \(spec.name): \(tally.description)\(dryRun ? " (dry run: nothing changed)" : "")\n")
        return tally.skipped > 0 ? .partial : .success
    }

    /// Removes the partition's `symbol=`, `venue=` and `feed=` folders once they are empty.
    static func removeEmptyParents(of path: String, below root: String) throws {
        var parent = SpecLoader.directory(of: path)
        while parent.count > root.count, parent.hasPrefix(root + "/"), try MaintainFiles.removeIfEmpty(parent) {
            parent = SpecLoader.directory(of: parent)
        }
    }

    /// The totals line.
    struct Tally: CustomStringConvertible {
        var compactedDays = 0
        var compactedSegments = 0
        var compactedLines = 0
        var finishedDays = 0
        var removedCaptureDays = 0
        var removedPartitions = 0
        var removedFiles = 0
        var skipped = 0

        mutating func count(_ action: MaintenanceAction) {
            switch action {
            case .compaction(let compaction) where compaction.problem != nil: skipped += 1
            case .compaction(let compaction):
                if compaction.fresh.isEmpty {
                    finishedDays += 1
                } else {
                    compactedDays += 1
                    compactedSegments += compaction.fresh.count
                    compactedLines += compaction.freshLines
                }
            case .removeCaptureDay(_, _, _, let files):
                removedCaptureDays += 1
                removedFiles += files
            case .removeStorePartition(_, _, let files):
                removedPartitions += 1
                removedFiles += files
            }
        }

        var description: String {
            "compacted \(compactedDays) capture day\(compactedDays == 1 ? "" : "s") (\(compactedSegments) segments, "
                + "\(compactedLines) lines), finished \(finishedDays), removed \(removedCaptureDays) capture "
                + "day\(removedCaptureDays == 1 ? "" : "s") and \(removedPartitions) store "
                + "partition\(removedPartitions == 1 ? "" : "s") (\(removedFiles) files), skipped \(skipped)"
        }
    }
}
