import LiqCore
import LiqEmit
import LiqFetch

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// One venue-day of collector captures turned from hourly segments into one daily file
/// `<venue>-<YYYYMMDD>.ndjson.gz` in the same day folder, or why it is left as it is.
///
/// The daily file is the byte concatenation of the hourly segments (gzip members stay gzip members, so nothing is
/// recompressed and `CaptureReader` reads it as it read them), behind a manifest member naming them
/// (`DailyCaptureManifest`). Steps, and what a crash after each leaves:
/// 1. write `.<daily>.compacting` (manifest, the existing daily file's data members, the new segments), fsync,
///    read it back and check its line count — a crash leaves the segments and any old daily file untouched, and
///    the next run rewrites the temporary file from scratch;
/// 2. rename it over the daily file and fsync the folder — the daily file now names every segment it holds;
/// 3. unlink those segments and fsync the folder — a crash in between leaves segments the manifest names, which the
///    next run removes without appending them again (after checking the daily file reads its manifest's line
///    count).
/// A segment the manifest does not name is appended exactly once. A day with a `.part` (the collector's open
/// segment, or one a crashed collector left for its next start to recover) is not compacted at all: recovery may
/// still turn it into a closed segment, possibly under a name already compacted.
struct CaptureDayCompaction {
    var venue: String
    var day: UTCDate
    var folder: String
    /// The daily file's manifest before this compaction (empty when there is no daily file yet) and the byte
    /// length of its manifest member.
    var existing: DailyCaptureManifest
    var existingMemberBytes: Int
    var hasDaily: Bool
    /// Hourly segments the daily file does not hold yet, in hour and sequence order, and their lines.
    var fresh: [CaptureDirectory.Segment]
    var freshLines: Int
    /// Hourly segments the daily file already holds (an earlier maintain stopped before removing them).
    var included: [CaptureDirectory.Segment]
    /// Why the day is left alone; nil when it is compacted.
    var problem: String?

    var dailyName: String { CaptureSegmentName(venue: venue, day: day).fileName }
    var dailyPath: String { folder + "/" + dailyName }
    var temporaryPath: String { folder + "/." + dailyName + ".compacting" }

    /// The daily file's manifest after this compaction.
    var manifest: DailyCaptureManifest {
        DailyCaptureManifest(
            lines: existing.lines + freshLines, sources: existing.sources + fresh.map(\.name.fileName))
    }

    /// Looks at the day folder without changing it: nil when there is nothing to do (no hourly segment). Reads every
    /// segment to be appended (and the daily file, when there is one and segments to add or remove) to count its
    /// lines; one that does not read to its end cleanly keeps the day as it is, since concatenating a torn member
    /// would hide the segments after it from every reader.
    static func plan(venue: String, day: UTCDate, folder: String) throws -> CaptureDayCompaction? {
        let names = try MaintainFiles.entries(of: folder)
        var hourly: [CaptureDirectory.Segment] = []
        for name in names {
            guard let segment = CaptureSegmentName(fileName: name), segment.venue == venue, !segment.isDaily,
                UTCDate(timestampMs: segment.hourStartMs) == day
            else { continue }
            hourly.append(CaptureDirectory.Segment(path: folder + "/" + name, name: segment))
        }
        guard !hourly.isEmpty else { return nil }
        hourly.sort { $0.name < $1.name }
        var plan = CaptureDayCompaction(
            venue: venue, day: day, folder: folder, existing: DailyCaptureManifest(lines: 0, sources: []),
            existingMemberBytes: 0, hasDaily: false, fresh: hourly, freshLines: 0, included: [], problem: nil)
        if let part = names.first(where: { $0.hasSuffix(CaptureSegmentName.partSuffix) }) {
            plan.problem = "open segment \(part) (the collector recovers it when it starts); day left as it is"
            return plan
        }
        if names.contains(plan.dailyName) {
            guard let (manifest, memberBytes) = try DailyCaptureManifest.read(plan.dailyPath) else {
                plan.problem = "\(plan.dailyName) was not written by maintain (no manifest); day left as it is"
                return plan
            }
            let (lines, problem) = lineCount(plan.dailyPath)
            if let problem {
                plan.problem = problem
                return plan
            }
            guard lines == manifest.lines else {
                plan.problem = "\(plan.dailyName) reads \(lines) lines, its manifest says \(manifest.lines)"
                return plan
            }
            plan.hasDaily = true
            plan.existing = manifest
            plan.existingMemberBytes = memberBytes
            let held = Set(manifest.sources)
            plan.included = hourly.filter { held.contains($0.name.fileName) }
            plan.fresh = hourly.filter { !held.contains($0.name.fileName) }
        }
        for segment in plan.fresh {
            let (lines, problem) = lineCount(segment.path)
            if let problem {
                plan.problem = problem
                return plan
            }
            plan.freshLines += lines
        }
        return plan
    }

    /// Lines `CaptureReader` hands out for `path`, and what stopped it short of the end (a torn or corrupt member,
    /// an unreadable file), if anything.
    static func lineCount(_ path: String) -> (lines: Int, problem: String?) {
        var lines = 0
        do {
            let reader = try CaptureReader(path: path)
            while try reader.nextLine() != nil { lines += 1 }
            if let warning = reader.warnings.first { return (lines, "unreadable: \(warning)") }
        } catch {
            return (lines, "unreadable: \(error)")
        }
        return (lines, nil)
    }

    /// Writes the daily file and removes the segments it holds (steps in the type's comment).
    func execute() throws(OutputError) {
        precondition(problem == nil, "a day with a problem is not compacted")
        if !fresh.isEmpty {
            let manifest = manifest
            let descriptor = try MaintainFiles.create(temporaryPath)
            do throws(OutputError) {
                try MaintainFiles.write(manifest.member(), to: descriptor, path: temporaryPath)
                if hasDaily {
                    try MaintainFiles.copy(
                        dailyPath, from: existingMemberBytes, to: descriptor, path: temporaryPath)
                }
                for segment in fresh { try MaintainFiles.copy(segment.path, to: descriptor, path: temporaryPath) }
                try MaintainFiles.sync(descriptor, path: temporaryPath)
            } catch {
                close(descriptor)
                try? MaintainFiles.unlink(temporaryPath)
                throw error
            }
            close(descriptor)
            let (lines, problem) = Self.lineCount(temporaryPath)
            guard problem == nil, lines == manifest.lines else {
                try? MaintainFiles.unlink(temporaryPath)
                throw OutputError(
                    path: temporaryPath, operation: "verify",
                    reason: "read back \(lines) lines, expected \(manifest.lines)\(problem.map { " (\($0))" } ?? "")")
            }
            try MaintainFiles.rename(temporaryPath, to: dailyPath)
            try MaintainFiles.syncDirectory(folder)
        }
        for segment in included + fresh { try MaintainFiles.unlink(segment.path) }
        try MaintainFiles.syncDirectory(folder)
    }

    /// The action line.
    var summary: String {
        let label = "\(venue) \(day)"
        if let problem { return "skip \(label): \(problem)" }
        let relative = "\(venue)/\(day)/\(dailyName)"
        var parts: [String] = []
        if !fresh.isEmpty {
            let segments = "\(fresh.count) hourly segment\(fresh.count == 1 ? "" : "s") (\(freshLines) lines)"
            parts.append(
                hasDaily
                    ? "\(segments) appended to \(relative) (now \(manifest.lines) lines)"
                    : "\(segments) → \(relative)")
        }
        if !included.isEmpty {
            let segments = "\(included.count) hourly segment\(included.count == 1 ? "" : "s")"
            parts.append("\(segments) already in \(fresh.isEmpty ? relative : "it") removed")
        }
        return (fresh.isEmpty ? "finish " : "compact ") + label + ": " + parts.joined(separator: "; ")
    }
}
