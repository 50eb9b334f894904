#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Reads whole small files (specs, fixture payloads) with a hard size limit, so a wrong path pointing at a huge
/// file fails fast instead of exhausting memory.
public enum FileBytes {
    public static func read(_ path: String, maxBytes: Int) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, kind: .system(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw FileReadError(path: path, kind: .system(String(cString: strerror(errno))))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw FileReadError(path: path, kind: .notRegularFile) }
        guard status.st_size <= maxBytes else {
            throw FileReadError(path: path, kind: .tooLarge(limit: maxBytes))
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, kind: .system(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        // A file that shrank while being read is returned as it was found: what was read, no more.
        return Array(bytes[..<filled])
    }

    /// True when `path` names an existing regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// True when `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
