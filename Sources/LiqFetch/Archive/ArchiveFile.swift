#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// An open archive file read by position (`pread`), shared by a `ZipArchive` and the entry readers it opens; closes
/// the descriptor when the last of them goes. Every read is bounded by its caller.
final class ArchiveFile {
    let path: String
    /// File size in bytes when opened.
    let size: Int
    private let descriptor: Int32

    init(path: String) throws(ZipError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
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
    }

    deinit {
        close(descriptor)
    }

    /// Exactly `count` bytes at `offset`; `what` names the structure for the error when the file is shorter.
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

    /// Fills `bytes` from `offset`, stopping early only at the end of the file; returns the bytes read.
    func read(into bytes: inout [UInt8], at offset: Int) throws(ZipError) -> Int {
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ZipError(path: path, offset: offset + filled, kind: .system(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

@available(*, unavailable)
extension ArchiveFile: Sendable {}
