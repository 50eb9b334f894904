import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Replaces a file atomically: readers see the old content or the new, never a torn mix, and a crash at any point
/// leaves the old file intact.
///
/// Temp file in the same directory (rename is atomic only within a file system) → write all → fsync the file →
/// rename over the target → fsync the directory so the rename itself survives a power cut.
public enum AtomicFile {
    /// Writes `bytes` to `path`, creating parent directories as needed.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let directory = parentDirectory(of: path)
        try createDirectories(directory)
        let prefix = ".\(baseName(of: path)).tmp-"
        removeAbandonedTemporaries(in: directory, prefix: prefix)
        let temporary = "\(directory)/\(prefix)\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(temporary, "open") }
        if let code = FileDescriptor.writeAll(bytes, to: descriptor) {
            let error = OutputError(path: temporary, operation: "write", reason: String(cString: strerror(code)))
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if fsync(descriptor) != 0 {
            let error = failure(temporary, "fsync")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let error = failure(path, "rename")
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Deletes this target's temporary files whose writer is gone (a process killed between open and rename):
    /// the target itself was never touched, but the directory would keep the debris forever, and readers that list
    /// it (a partitioned store) would see files no run wrote. A live writer's file (another process replacing the
    /// same target right now) is left alone.
    static func removeAbandonedTemporaries(in directory: String, prefix: String) {
        guard let stream = opendir(directory) else { return }
        var abandoned: [String] = []
        // The name is read in place, up to its NUL: an entry near the end of readdir's buffer may be shorter than
        // `dirent`, so copying the whole struct can read past the mapped page.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(stream) {
            let name = String(
                cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH { abandoned.append(name) }
        }
        closedir(stream)
        for name in abandoned { unlink(directory + "/" + name) }
    }

    /// `mkdir -p`.
    public static func createDirectories(_ path: String) throws(OutputError) {
        if path.isEmpty || path == "/" || path == "." { return }
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError(path: path, operation: "mkdir", reason: "exists and is not a directory")
            }
            return
        }
        try createDirectories(parentDirectory(of: path))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw failure(path, "mkdir") }
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func failure(_ path: String, _ operation: String) -> OutputError {
        OutputError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
