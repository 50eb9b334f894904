import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Unbuffered writes to a file descriptor, so output from pipeline threads and the main thread never interleaves
/// inside a line and nothing is lost in a buffer when the process exits.
enum FileStream {
    /// Writes `text`; a failure (a closed pipe) is ignored, because diagnostics must never fail the run.
    static func write(_ text: String, to descriptor: Int32) {
        _ = FileDescriptor.writeAll(Array(text.utf8), to: descriptor)
    }
}
