import LiqCore
import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// One process at a time per lock file (`run`, `maintain`, each `backfill` shard): an exclusive `flock`, with the holder's pid and start time written in
/// the file so the one that is refused can say who holds it.
///
/// The kernel drops a `flock` when its process dies, so a killed run never blocks the next; what it leaves is
/// its line in the file (a clean release empties it). The next holder finds that line, says the previous run
/// (pid, start) died without releasing, and carries on: the store and state are written atomically, so there is
/// nothing to repair.
final class ProcessLock {
    private var descriptor: Int32
    let path: String
    let activity: String
    /// The dead holder's line found on taking the lock, or nil when the previous holder released it cleanly.
    let recoveredFrom: String?

    /// The lock is held by a live process.
    struct Busy: Error, CustomStringConvertible {
        var path: String
        /// What the lock guards (`run`, `maintain`, `backfill of this shard`).
        var activity: String
        /// The holder's `pid … started …` line, when it wrote one.
        var holder: String?
        var description: String {
            "another \(activity) is running (lock \(path) is held\(holder.map { " by \($0)" } ?? ""))"
        }
    }

    /// Takes the lock at `path` (its directory created as needed) without waiting; `activity` names what it
    /// guards in the refusal.
    init(path: String, activity: String, nowMs: Int64 = WallClock.nowMs()) throws {
        self.path = path
        self.activity = activity
        if let slash = path.lastIndex(of: "/") { try AtomicFile.createDirectories(String(path[..<slash])) }
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.content(of: descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw Busy(path: path, activity: activity, holder: holder) }
            throw OutputError(path: path, operation: "flock", reason: String(cString: strerror(code)))
        }
        recoveredFrom = Self.content(of: descriptor)
        let line = "pid \(getpid()) started \(Timestamp.iso8601(nowMs))\n"
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, line, line.utf8.count, 0) == line.utf8.count,
            fsync(descriptor) == 0
        else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw OutputError(path: path, operation: "write", reason: reason)
        }
    }

    /// The warning to print when the previous holder died holding the lock; nil after a clean release.
    var recoveryWarning: String? {
        recoveredFrom.map {
            "liqpipe: warning: \(path): the previous \(activity) did not finish (\($0)); recovered\n"
        }
    }

    /// Empties the file (the mark of a clean release) and drops the lock.
    func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// The file's first line, trimmed; nil when empty or unreadable. Bounded: a lock file is one short line.
    private static func content(of descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let line = buffer[..<count].prefix { $0 != 0x0A }
        let text = String(decoding: line, as: UTF8.self)
        return text.isEmpty ? nil : text
    }
}
