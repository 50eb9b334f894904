import LiqCore

/// What `maintain` would do now, worked out without changing anything: the capture days to compact or remove
/// and the store partitions to remove, from the spec's `retention` block and the UTC day of `nowMs`.
///
/// Ages are whole days before today (yesterday is 1 day old); a day is touched only when its age exceeds the
/// setting, and every setting is at least 1 (store: 2), so neither today nor yesterday is ever compacted or
/// removed. A capture day due for removal is removed rather than compacted first.
struct MaintenancePlan {
    static let dayMs: Int64 = 86_400_000

    var retention: RetentionSpec
    var today: UTCDate
    /// The collector's capture root; nil when the spec has no `collector` block.
    var captureDirectory: String?
    var storeDirectory: String

    /// The actions in order: captures by venue and day, then store partitions by path.
    func actions() throws -> [MaintenanceAction] {
        var actions: [MaintenanceAction] = []
        if let captureDirectory {
            for venue in try MaintainFiles.entries(of: captureDirectory)
            where MaintainFiles.isDirectory(captureDirectory + "/" + venue) {
                let venueFolder = captureDirectory + "/" + venue
                for name in try MaintainFiles.entries(of: venueFolder) {
                    let folder = venueFolder + "/" + name
                    guard let day = Self.day(named: name), MaintainFiles.isDirectory(folder) else { continue }
                    if let removeAfter = retention.removeCapturesAfterDays, age(of: day) > removeAfter {
                        actions.append(
                            .removeCaptureDay(
                                path: folder, venue: venue, day: day, files: try MaintainFiles.fileCount(folder)))
                    } else if age(of: day) > retention.compactCapturesAfterDays,
                        let compaction = try CaptureDayCompaction.plan(venue: venue, day: day, folder: folder)
                    {
                        actions.append(.compaction(compaction))
                    }
                }
            }
        }
        if let removeAfter = retention.removeStoreAfterDays {
            for path in try partitions(under: storeDirectory, levels: ["feed=", "venue=", "symbol="]) {
                let name = String(path.split(separator: "/").last ?? "")
                guard name.hasPrefix("date="), let day = Self.day(named: String(name.dropFirst(5))),
                    age(of: day) > removeAfter
                else { continue }
                actions.append(
                    .removeStorePartition(
                        path: path, relativePath: String(path.dropFirst(storeDirectory.count + 1)),
                        files: try MaintainFiles.fileCount(path)))
            }
        }
        return actions
    }

    /// Whole days between `day` and today (0 for today, negative for a day after it).
    func age(of day: UTCDate) -> Int { Int((today.startMs - day.startMs) / Self.dayMs) }

    /// The folders `levels.count + 1` levels below `directory` whose ancestors' names start with `levels` in turn
    /// (the store's `feed=…/venue=…/symbol=…/date=…`), sorted.
    func partitions(under directory: String, levels: [String]) throws -> [String] {
        var paths: [String] = []
        for name in try MaintainFiles.entries(of: directory) {
            let path = directory + "/" + name
            guard MaintainFiles.isDirectory(path) else { continue }
            if let level = levels.first {
                guard name.hasPrefix(level) else { continue }
                paths += try partitions(under: path, levels: Array(levels.dropFirst()))
            } else {
                paths.append(path)
            }
        }
        return paths
    }

    /// A folder name `YYYY-MM-DD` as a real calendar day; nil for anything else.
    static func day(named name: String) -> UTCDate? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let date = UTCDate(year: year, month: month, day: day)
        return UTCDate(timestampMs: date.startMs) == date ? date : nil
    }
}
