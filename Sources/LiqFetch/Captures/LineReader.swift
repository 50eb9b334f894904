public import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Reads a newline-delimited file line by line with bounded memory: a fixed read buffer and a hard limit on the
/// length of one line, so a capture of any size streams and a corrupt one without newlines fails cleanly.
public final class LineReader {
    /// The longest line accepted; venue messages are a few KiB, snapshots a few hundred.
    public let maxLineBytes: Int
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// 1-based number of the line last returned, for error messages.
    public private(set) var lineNumber = 0

    public init(path: String, maxLineBytes: Int = 4 << 20) throws(FileReadError) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, kind: .system(String(cString: strerror(errno)))) }
    }

    deinit { close(descriptor) }

    /// The next line without its `\n` (and `\r`), or nil at the end of the file.
    public func nextLine() throws(FileReadError) -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                if line.last == 0x0D { line.removeLast() }
                // A long line lying wholly in the buffer is refused too, not only one that overflows it.
                guard line.count <= maxLineBytes else {
                    throw FileReadError(
                        path: path, kind: .tooLarge(limit: maxLineBytes), position: "line \(lineNumber + 1)")
                }
                start = newline + 1
                lineNumber += 1
                return line
            }
            if buffer.count - start > maxLineBytes {
                throw FileReadError(
                    path: path, kind: .tooLarge(limit: maxLineBytes), position: "line \(lineNumber + 1)")
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private func fill() throws(FileReadError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, kind: .system(String(cString: strerror(errno))))
            }
            if count == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[..<count]) }
            return
        }
    }
}

@available(*, unavailable)
extension LineReader: Sendable {}
