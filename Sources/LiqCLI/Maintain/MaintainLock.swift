import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// One `maintain` at a time per state directory: an exclusive `flock` on `<stateDirectory>/maintain.lock`, held
/// until `release()` or the process ends (the kernel drops it with a killed process's descriptors, so a crash never
/// leaves a stale lock). It also makes the compaction's temporary files safe to overwrite: no other maintain is
/// writing them.
final class MaintainLock {
    static let fileName = "maintain.lock"
    private var descriptor: Int32

    /// Why the lock could not be taken.
    struct Busy: Error, CustomStringConvertible {
        var path: String
        var description: String { "another maintain is running (lock \(path) is held)" }
    }

    /// Takes the lock in `directory` (created as needed) without waiting.
    init(directory: String) throws {
        try AtomicFile.createDirectories(directory)
        let path = directory + "/" + Self.fileName
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
