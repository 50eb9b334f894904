#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// An archive read by position, shared by a `ZipArchive` and the entry readers it opens: a file on disk (`pread`;
/// the descriptor closes when the last of them goes) or bytes already in memory (a download checked by its
/// SHA-256, which need not go through the disk first). Every read is bounded by its caller, and both kinds fail
/// with the same errors.
final class ArchiveFile {
    /// The file's path, or whatever names the in-memory bytes (their URL, say); every error names it.
    let path: String
    /// Size in bytes when opened.
    let size: Int
    private let storage: Storage

    private enum Storage {
        case descriptor(Int32)
        case memory([UInt8])
    }

    init(path: String) throws(ZipError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ZipError(path: path, kind: .system(String(cString: strerror(errno)))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw ZipError(path: path, kind: .system(message))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ZipError(path: path, kind: .system("not a regular file"))
        }
        size = Int(status.st_size)
        storage = .descriptor(descriptor)
    }

    /// `bytes` as the archive, named `path` in errors. The array is shared, not copied.
    init(bytes: [UInt8], path: String) {
        self.path = path
        size = bytes.count
        storage = .memory(bytes)
    }

    deinit {
        if case .descriptor(let descriptor) = storage { close(descriptor) }
    }

    /// Exactly `count` bytes at `offset`; `what` names the structure for the error when the archive is shorter.
    func read(at offset: Int, count: Int, what: String) throws(ZipError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size - count else {
            throw ZipError(
                path: path, offset: offset, kind: .truncated(what: what, needed: offset + count, fileBytes: size))
        }
        var bytes = [UInt8](repeating: 0, count: count)
        let filled = try read(into: &bytes, at: offset)
        guard filled == count else {
            throw ZipError(
                path: path, offset: offset,
                kind: .truncated(what: what, needed: offset + count, fileBytes: offset + filled))
        }
        return bytes
    }

    /// Fills `bytes` from `offset`, stopping early only at the end of the archive; returns the bytes read.
    func read(into bytes: inout [UInt8], at offset: Int) throws(ZipError) -> Int {
        switch storage {
        case .memory(let source):
            let count = max(0, min(bytes.count, source.count - offset))
            guard count > 0 else { return 0 }
            bytes.withUnsafeMutableBufferPointer { target in
                source.withUnsafeBufferPointer { source in
                    _ = target.update(fromContentsOf: source[offset..<(offset + count)])
                }
            }
            return count
        case .descriptor(let descriptor):
            var filled = 0
            while filled < bytes.count {
                let count = bytes.withUnsafeMutableBytes { buffer in
                    pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ZipError(
                        path: path, offset: offset + filled, kind: .system(String(cString: strerror(errno))))
                }
                if count == 0 { break }
                filled += count
            }
            return filled
        }
    }
}

@available(*, unavailable)
extension ArchiveFile: Sendable {}
