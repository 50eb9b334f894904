import LiqCore
import LiqEmit
import LiqFetch

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// What the last successful or partial `run` read of the collector's closed segments, per venue:
/// `<collector.stateDirectory>/run-captures.json`. The next run compares its segments against it to report how
/// many are new; once an incremental store exists it is where that store resumes from.
///
/// ```json
/// { "schemaVersion": 1,
///   "venues": { "binance-usdm": { "lastSegment": "binance-usdm/2025-10-10/binance-usdm-20251010T21.ndjson.gz",
///                                 "segments": 2, "newSegments": 1, "lines": 1234 } } }
/// ```
/// `lastSegment` is relative to the capture directory; `segments`, `newSegments` and `lines` (non-blank lines,
/// unreadable ones included) count what that run read of the venue's segments.
struct CaptureCursor: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var lastSegment: String
        var segments: Int
        var newSegments: Int
        var lines: Int

        /// The last segment's parsed name; nil when the file holds something else.
        var lastSegmentName: CaptureSegmentName? {
            CaptureSegmentName(fileName: String(lastSegment.split(separator: "/").last ?? ""))
        }
    }

    static let fileName = "run-captures.json"
    static let schemaVersion = 1

    /// Keyed by venue id.
    var venues: [String: Entry] = [:]

    /// The cursor in `path`; empty when the file does not exist yet (the first run).
    static func load(path: String) throws -> CaptureCursor {
        guard access(path, F_OK) == 0 else { return CaptureCursor() }
        let root = try JSONNode.parse(try FileBytes.read(path, maxBytes: 1 << 20), origin: path)
        try root.requireOnlyKeys(["schemaVersion", "venues"])
        let version = try root.member("schemaVersion")
        guard try version.int64() == Int64(schemaVersion) else {
            throw version.error(expected: "schemaVersion \(schemaVersion)")
        }
        var cursor = CaptureCursor()
        for (venue, node) in try root.member("venues").members() {
            try node.requireOnlyKeys(["lastSegment", "segments", "newSegments", "lines"])
            cursor.venues[venue] = Entry(
                lastSegment: try node.member("lastSegment").string(),
                segments: Int(try node.member("segments").int64()),
                newSegments: Int(try node.member("newSegments").int64()), lines: Int(try node.member("lines").int64()))
        }
        return cursor
    }

    /// Pretty JSON, venues sorted by id.
    func encoded() -> [UInt8] {
        let entries = venues.keys.sorted().map { venue in
            let entry = venues[venue]!
            return JSONMember(
                key: venue,
                value: .object([
                    JSONMember(key: "lastSegment", value: .string(entry.lastSegment)),
                    JSONMember(key: "segments", value: .number(String(entry.segments))),
                    JSONMember(key: "newSegments", value: .number(String(entry.newSegments))),
                    JSONMember(key: "lines", value: .number(String(entry.lines))),
                ]))
        }
        return JSONWriter.encode(
            .object([
                JSONMember(key: "schemaVersion", value: .number(String(Self.schemaVersion))),
                JSONMember(key: "venues", value: .object(entries)),
            ]))
    }
}
