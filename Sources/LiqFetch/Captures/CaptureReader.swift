public import LiqCore

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Reads a capture file line by line with bounded memory: plain NDJSON, or gzip (detected by its magic bytes
/// `1f 8b`) with any number of members, inflated in chunks as it goes — never the whole file in memory.
///
/// Crash tolerance: the lines of a gzip member are handed out only once the member's trailer (CRC-32 + ISIZE)
/// has verified, so a torn tail — a member cut short by a crash, a bad checksum, garbage after the last member —
/// costs exactly that member's lines; reading stops there and `warnings` says where (file and byte offset).
/// Corruption in the middle (a bad member followed by good ones) is handled the same way: reading stops at the
/// bad member with a warning. Segments are append-only and fsync'd member by member, so only a failing disk
/// corrupts the middle; guessing where the next member starts would risk handing out misaligned bytes as lines.
/// A `.part` segment (the collector's current hour) reads the same way: it ends at its last flushed member.
///
/// Memory: one 64 KiB read chunk, at most `maxLineBytes` of line, and the unverified output of one member up to
/// `memberHoldBytes`. A member larger than that (never written by `CaptureSegmentWriter`, whose members hold
/// about its flush threshold; possible in a file compressed by `gzip` as one member) is released before its
/// trailer is checked, and a warning then says its lines were unverified.
public final class CaptureReader {
    /// The longest line accepted, in bytes; venue messages are a few KiB, snapshots a few hundred.
    public let maxLineBytes: Int
    /// How much decompressed output of one member is held back until its trailer verifies, in bytes.
    public let memberHoldBytes: Int
    public let path: String
    /// True when the file is gzip-compressed.
    public let isGzip: Bool
    /// 1-based number of the line last returned, for error messages.
    public private(set) var lineNumber = 0
    /// Data that was skipped (torn tail, corrupt member), each naming the file and byte offset.
    public private(set) var warnings: [String] = []

    private let descriptor: Int32
    /// Compressed input not yet inflated (gzip only).
    private var input: [UInt8] = []
    private var inputStart = 0
    /// Byte offset in the file of `input[inputStart]`.
    private var inputOffset = 0
    /// Byte offset in the file where the member being inflated starts.
    private var memberOffset = 0
    /// True when the current member's output was handed out before its trailer verified.
    private var memberReleased = false
    private var inflater: GzipInflater?
    /// Line text: the file's bytes (plain) or the decompressed output (gzip).
    private var text: [UInt8] = []
    private var start = 0
    /// `text[..<available]` may be returned; the rest belongs to a member not yet verified.
    private var available = 0
    /// `text[start..<searched]` is known to hold no newline.
    private var searched = 0
    /// No more bytes will become available.
    private var finished = false
    private var fileEnded = false

    public init(path: String, maxLineBytes: Int = 4 << 20, memberHoldBytes: Int = 16 << 20) throws(FileReadError) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        self.memberHoldBytes = memberHoldBytes
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, kind: .system(String(cString: strerror(errno)))) }
        do {
            // Two bytes decide the format; a pipe may deliver them separately.
            var head: [UInt8] = []
            while head.count < 2, let chunk = try Self.read(descriptor, path: path) { head += chunk }
            isGzip = head.starts(with: [0x1F, 0x8B])
            if isGzip {
                input = head
                inflater = GzipInflater()
            } else {
                text = head
                available = head.count
            }
            fileEnded = head.count < 2
            finished = fileEnded && !isGzip
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The next line without its `\n` (and `\r`), or nil at the end of the readable data.
    public func nextLine() throws(FileReadError) -> [UInt8]? {
        while true {
            if let newline = text[searched..<available].firstIndex(of: 0x0A) {
                return try take(upTo: newline, skipping: 1)
            }
            searched = available
            // A long line lying wholly in the buffer is refused too, not only one that overflows it.
            if available - start > maxLineBytes {
                throw FileReadError(
                    path: path, kind: .tooLarge(limit: maxLineBytes), position: "line \(lineNumber + 1)")
            }
            if finished {
                guard start < available else { return nil }
                return try take(upTo: available, skipping: 0)
            }
            try advance()
        }
    }

    private func take(upTo end: Int, skipping separator: Int) throws(FileReadError) -> [UInt8] {
        var line = Array(text[start..<end])
        if line.last == 0x0D { line.removeLast() }
        guard line.count <= maxLineBytes else {
            throw FileReadError(path: path, kind: .tooLarge(limit: maxLineBytes), position: "line \(lineNumber + 1)")
        }
        start = end + separator
        searched = start
        lineNumber += 1
        return line
    }

    /// Makes more bytes available, or sets `finished`.
    private func advance() throws(FileReadError) {
        if start > 0 {
            text.removeFirst(start)
            available -= start
            searched -= start
            start = 0
        }
        guard let inflater else {
            if let chunk = try Self.read(descriptor, path: path) {
                text += chunk
                available = text.count
            } else {
                finished = true
            }
            return
        }
        if inputStart == input.count {
            input.removeAll(keepingCapacity: true)
            inputStart = 0
            if !fileEnded, let chunk = try Self.read(descriptor, path: path) {
                input = chunk
            } else {
                fileEnded = true
                if inflater.inMember {
                    skipMember(because: "is truncated (the file ends at byte \(inputOffset))")
                }
                finished = true
                return
            }
        }
        do {
            let step = try inflater.inflate(input[inputStart...], into: &text)
            inputStart += step.consumed
            inputOffset += step.consumed
            if step.memberEnded {
                available = text.count
                memberOffset = inputOffset
                memberReleased = false
            } else if text.count - available > memberHoldBytes {
                available = text.count
                memberReleased = true
            }
        } catch {
            inputOffset += error.consumed
            skipMember(because: "is corrupt (\(error.message)); the rest of the file is not read")
            finished = true
        }
    }

    /// Drops the unverified output of the current member and records why.
    private func skipMember(because reason: String) {
        text.removeSubrange(available...)
        let released =
            memberReleased ? "; lines already read from it were not verified (member larger than the hold limit)" : ""
        warnings.append("\(path): gzip member at byte offset \(memberOffset) \(reason)\(released)")
    }

    /// The next chunk of the file, or nil at its end.
    private static func read(_ descriptor: Int32, path: String) throws(FileReadError) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, kind: .system(String(cString: strerror(errno))))
            }
            if count == 0 { return nil }
            chunk.removeSubrange(count...)
            return chunk
        }
    }
}

@available(*, unavailable)
extension CaptureReader: Sendable {}
