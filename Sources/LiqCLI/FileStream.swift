#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Unbuffered writes to a file descriptor, so output from pipeline threads and the main thread never interleaves
/// inside a line and nothing is lost in a buffer when the process exits.
enum FileStream {
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}
