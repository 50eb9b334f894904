import LiqCore
import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The backfill's resume state: one small JSON file per finished item,
/// `<directory>/<venue>/<dataset>/<symbol>/<period>.json`, renamed into place only after the item's store files
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

    /// Writes the entry to `.<name>.tmp` beside it, then renames it into place: a reader sees the old entry or
    /// the new, never a torn one. Not fsync'd, unlike the store's files (`AtomicFile`): the entry is written only
    /// after the item's store files are durable, and an entry a power cut loses or empties (or two writers of one
    /// item tear) reads as none, so the item is redone, rewriting the same bytes. Two fsyncs and a directory
    /// listing less per item: on a month of daily archives they were most of `backfill`'s wall time.
    private func write(_ item: BackfillItem, _ members: [JSONMember]) throws(OutputError) {
        let entry = JSONValue.object([JSONMember(key: "key", value: .string(item.key))] + members)
        let path = path(for: item)
        let slash = path.lastIndex(of: "/")!
        try AtomicFile.createDirectories(String(path[..<slash]))
        // A fixed name: a run killed mid-write leaves it behind only until the item's next write replaces it.
        let temporary = String(path[...slash]) + "." + path[path.index(after: slash)...] + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(temporary, "open", errno) }
        let code = FileDescriptor.writeAll(JSONWriter.encode(entry, pretty: false), to: descriptor)
        close(descriptor)
        if let code {
            unlink(temporary)
            throw Self.failure(temporary, "write", code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Self.failure(path, "rename", code)
        }
    }

    private static func failure(_ path: String, _ operation: String, _ code: Int32) -> OutputError {
        OutputError(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
}
