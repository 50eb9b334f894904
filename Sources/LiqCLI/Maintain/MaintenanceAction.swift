import LiqCore

/// One thing `maintain` does: compact a venue-day of captures, remove a capture day, or remove a store partition.
enum MaintenanceAction {
    case compaction(CaptureDayCompaction)
    /// `<captures>/<venue>/<YYYY-MM-DD>` and the number of files in it.
    case removeCaptureDay(path: String, venue: String, day: UTCDate, files: Int)
    /// `<store>/feed=…/venue=…/symbol=…/date=…`, its path relative to the store, and its number of files.
    case removeStorePartition(path: String, relativePath: String, files: Int)

    /// The action line printed (the same with `--dry-run`).
    var summary: String {
        switch self {
        case .compaction(let compaction): compaction.summary
        case .removeCaptureDay(_, let venue, let day, let files):
            "remove captures \(venue) \(day): \(files) file\(files == 1 ? "" : "s")"
        case .removeStorePartition(_, let relativePath, let files):
            "remove store \(relativePath): \(files) file\(files == 1 ? "" : "s")"
        }
    }

    /// True when the action leaves something as it is for a reason the user should see (exit code 3).
    var isSkipped: Bool {
        if case .compaction(let compaction) = self { return compaction.problem != nil }
        return false
    }
}
