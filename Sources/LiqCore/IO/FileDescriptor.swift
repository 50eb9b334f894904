#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Loops over the POSIX calls that may do less than asked, so callers never lose the tail of a write.
public enum FileDescriptor {
    /// Writes every byte to `descriptor`, retrying short writes and `EINTR`; returns the `errno` of a failure, nil
    /// on success.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return nil
    }
}
