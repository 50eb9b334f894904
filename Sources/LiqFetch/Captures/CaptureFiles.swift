#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The POSIX calls segment writing and recovery need, each turning `errno` into a `CaptureFileError` once.
enum CaptureFiles {
    static func failure(_ path: String, _ operation: String) -> CaptureFileError {
        CaptureFileError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    /// Creates `path` and its missing parents (mode 0755).
    static func makeDirectories(_ path: String) throws(CaptureFileError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw failure(prefix, "mkdir") }
        }
    }

    /// True when anything exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Makes the directory's entries (a created or renamed file) durable: without it a rename can be lost in a
    /// crash even though the file's data was synced.
    static func syncDirectory(_ path: String) throws(CaptureFileError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "open") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path, "fsync") }
    }

    static func rename(_ from: String, to destination: String) throws(CaptureFileError) {
        guard Glibc.rename(from, destination) == 0 else { throw failure(from, "rename to \(destination)") }
    }

    /// The parent directory of a path with at least one `/`.
    static func parent(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }
}
