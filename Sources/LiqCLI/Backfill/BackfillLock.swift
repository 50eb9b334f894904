import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// One backfill at a time per shard and state directory: an exclusive `flock` on
/// `<stateDirectory>/backfill-shard-<K>-of-<N>.lock` (beside the ledger, not in it), held until `release()` or the
/// process ends (the kernel drops it when a killed process's descriptors close, so a crash never leaves a stale
/// lock). A cron job that starts while the previous backfill still runs stops at once instead of fetching the same
/// items twice.
final class BackfillLock {
    private var descriptor: Int32

    /// Why the lock could not be taken.
    struct Busy: Error, CustomStringConvertible {
        var path: String
        var description: String { "another backfill of this shard is running (lock \(path) is held)" }
    }

    /// Takes the lock of `shard` in `directory` (created as needed) without waiting.
    init(directory: String, shard: BackfillShard) throws {
        try AtomicFile.createDirectories(directory)
        let path = "\(directory)/backfill-shard-\(shard.index)-of-\(shard.count).lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw Busy(path: path) }
            throw OutputError(path: path, operation: "flock", reason: String(cString: strerror(code)))
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
