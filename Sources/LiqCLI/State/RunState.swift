import LiqCore
import LiqEmit
import LiqFetch

/// What incremental runs remember: `<stateDirectory>/run-state.json`, rewritten atomically after each run's store
/// merge (never before, so a run killed earlier leaves the cursors behind the store and the next run fetches that
/// part again, which the store's keyed merge absorbs).
///
/// ```json
/// { "schemaVersion": 1,
///   "cursors": { "binance-usdm/openInterest/BTCUSDT": 1760130300000 },
///   "feeds": { "binance-usdm/openInterest": { "lastSuccessMs": …, "lastErrorMs": null, "lastError": null,
///              "consecutiveFailures": 0, "recordsTotal": 288, "errorsTotal": 0 } } }
/// ```
/// A cursor is the newest observed record of a source in the store: paging back stops at a page that reaches it.
struct RunState: Sendable, Equatable {
    static let fileName = "run-state.json"
    static let schemaVersion = 1

    var cursors: [SourceKey: Int64] = [:]
    /// Keyed by `venue/feed`.
    var feeds: [String: FeedHealth] = [:]
    /// The last run that wrote outputs (exit 0 or 3), UTC epoch ms.
    var lastSuccessMs: Int64?

    /// The state in `path`; empty when the file does not exist yet (the first run).
    static func load(path: String) throws -> RunState {
        guard FileBytes.isRegularFile(path) else { return RunState() }
        let root = try JSONNode.parse(try FileBytes.read(path, maxBytes: 16 << 20), origin: path)
        try root.requireOnlyKeys(["schemaVersion", "lastSuccessMs", "cursors", "feeds"])
        let version = try root.member("schemaVersion")
        guard try version.int64() == Int64(schemaVersion) else {
            throw version.error(expected: "schemaVersion \(schemaVersion)")
        }
        var state = RunState()
        state.lastSuccessMs = try root.optionalMember("lastSuccessMs")?.int64()
        for (key, node) in try root.member("cursors").members() {
            let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.count == 3, let venue = Venue(rawValue: parts[0]), let feed = Feed(rawValue: parts[1]) else {
                throw node.error(expected: "a cursor keyed venue/feed/symbol")
            }
            state.cursors[SourceKey(venue: venue, feed: feed, symbol: parts[2])] = try node.int64()
        }
        for (key, node) in try root.member("feeds").members() {
            try node.requireOnlyKeys([
                "lastSuccessMs", "lastErrorMs", "lastError", "consecutiveFailures", "recordsTotal", "errorsTotal",
            ])
            func optionalInt(_ name: String) throws -> Int64? { try node.optionalMember(name)?.int64() }
            state.feeds[key] = FeedHealth(
                lastSuccessMs: try optionalInt("lastSuccessMs"), lastErrorMs: try optionalInt("lastErrorMs"),
                lastError: try node.optionalMember("lastError")?.string(),
                consecutiveFailures: Int(try node.member("consecutiveFailures").int64()),
                recordsTotal: Int(try node.member("recordsTotal").int64()),
                errorsTotal: Int(try node.member("errorsTotal").int64()))
        }
        return state
    }

    /// Pretty JSON, keys sorted.
    func encoded() -> [UInt8] {
        func number(_ value: Int64?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
        let cursorMembers = cursors.keys.sorted().map {
            JSONMember(key: $0.description, value: number(cursors[$0]))
        }
        let feedMembers = feeds.keys.sorted().map { key -> JSONMember in
            let health = feeds[key]!
            return JSONMember(
                key: key,
                value: .object([
                    JSONMember(key: "lastSuccessMs", value: number(health.lastSuccessMs)),
                    JSONMember(key: "lastErrorMs", value: number(health.lastErrorMs)),
                    JSONMember(key: "lastError", value: health.lastError.map { .string($0) } ?? .null),
                    JSONMember(key: "consecutiveFailures", value: number(Int64(health.consecutiveFailures))),
                    JSONMember(key: "recordsTotal", value: number(Int64(health.recordsTotal))),
                    JSONMember(key: "errorsTotal", value: number(Int64(health.errorsTotal))),
                ]))
        }
        return JSONWriter.encode(
            .object([
                JSONMember(key: "schemaVersion", value: .number(String(Self.schemaVersion))),
                JSONMember(key: "lastSuccessMs", value: number(lastSuccessMs)),
                JSONMember(key: "cursors", value: .object(cursorMembers)),
                JSONMember(key: "feeds", value: .object(feedMembers)),
            ]), pretty: true)
    }

    /// Folds one run in: cursors move forward to the newest merged records (never back), and each feed of
    /// `coverage` records a success or a failure at `atMs`, with the records it merged.
    mutating func absorb(_ merged: RecordStore.Merged, coverage: [FeedCoverage], atMs: Int64) {
        for (source, newest) in merged.newestMs { cursors[source] = max(cursors[source] ?? .min, newest) }
        for entry in coverage {
            let key = "\(entry.venue.rawValue)/\(entry.feed.rawValue)"
            var health = feeds[key] ?? FeedHealth()
            health.recordsTotal += merged.addedBySource.filter {
                $0.key.venue == entry.venue && $0.key.feed == entry.feed
            }
            .values.reduce(0, +)
            switch entry.status {
            case .covered:
                health.lastSuccessMs = atMs
                health.consecutiveFailures = 0
            case .failed(let reason):
                health.lastErrorMs = atMs
                health.lastError = reason
                health.consecutiveFailures += 1
                health.errorsTotal += 1
            case .unavailable:
                break
            }
            feeds[key] = health
        }
    }

    /// Every feed of `coverage` as `snapshot.json` and `liqpipe.prom` report it.
    func freshness(coverage: [FeedCoverage]) -> [SourceFreshness] {
        coverage.sorted().map { entry in
            let health = feeds["\(entry.venue.rawValue)/\(entry.feed.rawValue)"] ?? FeedHealth()
            let status: SourceFreshness.Status
            switch entry.status {
            case .covered: status = .ok
            case .failed: status = .failing
            case .unavailable: status = .unavailable
            }
            return SourceFreshness(
                venue: entry.venue, feed: entry.feed, status: status, lastSuccessMs: health.lastSuccessMs,
                lastErrorMs: health.lastErrorMs, lastError: health.lastError,
                consecutiveFailures: health.consecutiveFailures,
                newestRecordMs: newestMs(venue: entry.venue, feed: entry.feed), recordsTotal: health.recordsTotal,
                errorsTotal: health.errorsTotal)
        }
    }

    /// The newest cursor of a venue feed over its symbols: how fresh the store is for it.
    func newestMs(venue: Venue, feed: Feed) -> Int64? {
        cursors.filter { $0.key.venue == venue && $0.key.feed == feed }.values.max()
    }
}
