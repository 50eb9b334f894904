import LiqCore
import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The backfill's resume state: one small JSON file per finished item,
/// `<directory>/<venue>/<dataset>/<symbol>/<period>.json`, written atomically only after the item's store files
/// are durably renamed into place. A kill at any moment therefore leaves every item either recorded (its files
/// complete) or unrecorded (redone next run, rewriting the same bytes): no gaps, no duplicates. One file per item
/// (not one shared file) lets workers and concurrent `--shard` processes record without coordinating.
struct BackfillLedger: Sendable {
    /// `<stateDirectory>/backfill`.
    var directory: String

    enum Status: String, Sendable {
        case done
        case missing
    }

    static let maxEntryBytes = 1 << 20

    func path(for item: BackfillItem) -> String { "\(directory)/\(item.key).json" }

    /// The recorded status of `item`, nil when it has none. An unreadable or malformed entry counts as none: the
    /// item is redone, which is always safe.
    func status(of item: BackfillItem) -> Status? {
        let path = path(for: item)
        guard access(path, F_OK) == 0,
            let bytes = try? FileBytes.read(path, maxBytes: Self.maxEntryBytes),
            let document = try? JSONNode.parse(bytes, origin: path),
            let key = try? document.member("key").string(), key == item.key,
            let status = try? document.member("status").string()
        else { return nil }
        return Status(rawValue: status)
    }

    /// Records `item` as done with its record count and the store files it wrote (relative to the store).
    func recordDone(_ item: BackfillItem, records: Int, files: [String]) throws(OutputError) {
        try write(
            item,
            [
                JSONMember(key: "status", value: .string(Status.done.rawValue)),
                JSONMember(key: "records", value: .number(String(records))),
                JSONMember(key: "files", value: .array(files.map { .string($0) })),
            ])
    }

    /// Records that the venue has no data for `item`, with its answer.
    func recordMissing(_ item: BackfillItem, reason: String) throws(OutputError) {
        try write(
            item,
            [
                JSONMember(key: "status", value: .string(Status.missing.rawValue)),
                JSONMember(key: "reason", value: .string(reason)),
            ])
    }

    private func write(_ item: BackfillItem, _ members: [JSONMember]) throws(OutputError) {
        let entry = JSONValue.object([JSONMember(key: "key", value: .string(item.key))] + members)
        try AtomicFile.write(JSONWriter.encode(entry, pretty: false), to: path(for: item))
    }
}
