import LiqCore
import LiqEmit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The POSIX calls `maintain` needs (listing, streaming copy, fsync, unlink, recursive removal), each turning
/// `errno` into an `OutputError` naming the path and the call once.
enum MaintainFiles {
    static func failure(_ path: String, _ operation: String) -> OutputError {
        OutputError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    /// Names in a directory (without `.` and `..`), sorted; none when it does not exist or is not a directory.
    static func entries(of directory: String) throws(OutputError) -> [String] {
        guard let handle = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw failure(directory, "opendir")
        }
        defer { closedir(handle) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = String(
                cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// True when `path` is a directory (not following a symbolic link, so removal never leaves the tree).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Opens `path` for writing, replacing any previous file.
    static func create(_ path: String) throws(OutputError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "open") }
        return descriptor
    }

    static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
        if let code = FileDescriptor.writeAll(bytes, to: descriptor) {
            throw OutputError(path: path, operation: "write", reason: String(cString: strerror(code)))
        }
    }

    /// Appends the bytes of `source` from byte `offset` to `descriptor` in 1 MiB chunks: memory stays bounded
    /// whatever the size of a day's captures.
    static func copy(_ source: String, from offset: Int = 0, to descriptor: Int32, path: String) throws(OutputError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure(source, "open") }
        defer { close(input) }
        guard lseek(input, off_t(offset), SEEK_SET) == off_t(offset) else { throw failure(source, "lseek") }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(source, "read")
            }
            if count == 0 { return }
            try write(Array(chunk[..<count]), to: descriptor, path: path)
        }
    }

    static func sync(_ descriptor: Int32, path: String) throws(OutputError) {
        guard fsync(descriptor) == 0 else { throw failure(path, "fsync") }
    }

    /// Makes a directory's entries (a rename, an unlink) durable.
    static func syncDirectory(_ path: String) throws(OutputError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "open") }
        defer { close(descriptor) }
        try sync(descriptor, path: path)
    }

    static func rename(_ from: String, to destination: String) throws(OutputError) {
        guard Glibc.rename(from, destination) == 0 else { throw failure(from, "rename to \(destination)") }
    }

    /// Removes a file; one already gone is fine (a previous, interrupted maintain removed it).
    static func unlink(_ path: String) throws(OutputError) {
        guard Glibc.unlink(path) == 0 || errno == ENOENT else { throw failure(path, "unlink") }
    }

    /// Removes `path` and everything below it; returns how many files were removed. Symbolic links are removed,
    /// never followed.
    @discardableResult
    static func removeTree(_ path: String) throws(OutputError) -> Int {
        guard isDirectory(path) else {
            try unlink(path)
            return 1
        }
        var files = 0
        for name in try entries(of: path) { files += try removeTree(path + "/" + name) }
        guard rmdir(path) == 0 || errno == ENOENT else { throw failure(path, "rmdir") }
        return files
    }

    /// Removes `path` when it is an empty directory; true when it did.
    static func removeIfEmpty(_ path: String) throws(OutputError) -> Bool {
        guard isDirectory(path), try entries(of: path).isEmpty else { return false }
        guard rmdir(path) == 0 else { throw failure(path, "rmdir") }
        return true
    }

    /// Every file directly or indirectly under `path` (1 for a file), for dry-run counts.
    static func fileCount(_ path: String) throws(OutputError) -> Int {
        guard isDirectory(path) else { return 1 }
        var files = 0
        for name in try entries(of: path) { files += try fileCount(path + "/" + name) }
        return files
    }
}
