import CZlib

/// Streams one entry's uncompressed bytes in chunks of at most `chunkBytes`, reading its compressed data 64 KiB at
/// a time — so an entry of any size goes straight into the CSV parser without being held whole.
///
/// At the end it checks the length and CRC-32 against the central directory; a mismatch, a deflate stream cut short
/// or followed by extra bytes inside the compressed size, or corrupt deflate data is a `ZipError` naming the file,
/// the entry and the byte offset. A chunk is handed out before the entry's end is verified: a caller that must not
/// act on unverified data waits for `nextChunk()` to return nil.
/// Memory: one output chunk, one 64 KiB input block, zlib's 32 KiB window.
public final class ZipEntryReader {
    /// The entry being read, as listed in the central directory.
    public let entry: ZipEntry
    /// The most bytes one `nextChunk()` returns.
    public let chunkBytes: Int
    private let file: ArchiveFile
    private let inflater: RawInflater?
    /// Where the compressed data starts in the file, and how much of it has been read.
    private let dataOffset: Int
    private var compressedRead = 0
    /// Compressed bytes read but not yet inflated: `input[inputStart...]`.
    private var input: [UInt8] = []
    private var inputStart = 0
    private var produced = 0
    private var crc: UInt = 0
    private var finished = false

    init(file: ArchiveFile, entry: ZipEntry, dataOffset: Int, chunkBytes: Int) {
        self.file = file
        self.entry = entry
        self.dataOffset = dataOffset
        self.chunkBytes = max(1, chunkBytes)
        inflater = entry.method == .deflated ? RawInflater() : nil
        crc = CZlib.crc32(0, nil, 0)
    }

    /// The next up to `chunkBytes` uncompressed bytes, or nil once the whole entry has been read and verified.
    public func nextChunk() throws(ZipError) -> [UInt8]? {
        guard !finished else { return nil }
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        var filled = 0
        var ended = false
        while filled < chunkBytes && !ended {
            if inputStart == input.count && compressedRead < entry.compressedSize { try readInput() }
            if let inflater {
                let step = try inflate(with: inflater, into: &chunk, at: filled)
                filled += step.produced
                if step.streamEnded {
                    ended = true
                } else if step.consumed == 0 && step.produced == 0 {
                    // No progress with output room left: zlib needs input and the compressed size is used up.
                    throw failure(
                        .streamTruncated(compressedBytes: entry.compressedSize), at: dataOffset + compressedRead)
                }
            } else {
                let count = min(chunkBytes - filled, input.count - inputStart)
                if count > 0 {
                    chunk.withUnsafeMutableBytes { destination in
                        input.withUnsafeBytes { source in
                            (destination.baseAddress! + filled).copyMemory(
                                from: source.baseAddress! + inputStart, byteCount: count)
                        }
                    }
                }
                inputStart += count
                filled += count
                ended = compressedRead == entry.compressedSize && inputStart == input.count
            }
            guard produced + filled <= entry.uncompressedSize else {
                throw failure(.sizeMismatch(expected: entry.uncompressedSize, found: produced + filled), at: nil)
            }
        }
        chunk.removeSubrange(filled...)
        produced += filled
        crc = chunk.withUnsafeBytes {
            CZlib.crc32(crc, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count))
        }
        if ended { try finish() }
        return filled == 0 && ended ? nil : chunk
    }

    /// Reads the next block (at most 64 KiB) of the entry's compressed data.
    private func readInput() throws(ZipError) {
        let count = min(64 << 10, entry.compressedSize - compressedRead)
        if input.count != count { input = [UInt8](repeating: 0, count: count) }
        let offset = dataOffset + compressedRead
        let got = try file.read(into: &input, at: offset)
        guard got == count else {
            throw failure(
                .truncated(
                    what: "the compressed data", needed: dataOffset + entry.compressedSize, fileBytes: offset + got),
                at: offset + got)
        }
        compressedRead += count
        inputStart = 0
    }

    private func inflate(with inflater: RawInflater, into chunk: inout [UInt8], at filled: Int) throws(ZipError)
        -> RawInflater.Step
    {
        let inputOffset = dataOffset + compressedRead - (input.count - inputStart)
        let result: Result<RawInflater.Step, RawInflater.Failure> = chunk.withUnsafeMutableBytes { destination in
            input.withUnsafeBytes { source in
                Result { () throws(RawInflater.Failure) in
                    try inflater.inflate(
                        UnsafeRawBufferPointer(rebasing: source[inputStart...]),
                        into: UnsafeMutableRawBufferPointer(rebasing: destination[filled...]))
                }
            }
        }
        switch result {
        case .failure(let error): throw failure(.inflate(error.message), at: inputOffset)
        case .success(let step):
            inputStart += step.consumed
            if step.streamEnded {
                let left = (input.count - inputStart) + (entry.compressedSize - compressedRead)
                if left > 0 { throw failure(.trailingData(bytes: left), at: dataOffset + entry.compressedSize - left) }
            }
            return step
        }
    }

    /// The whole entry has been produced: its length and CRC-32 must match the central directory.
    private func finish() throws(ZipError) {
        finished = true
        guard produced == entry.uncompressedSize else {
            throw failure(.sizeMismatch(expected: entry.uncompressedSize, found: produced), at: nil)
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else {
            throw failure(.crcMismatch(expected: entry.crc32, found: UInt32(truncatingIfNeeded: crc)), at: nil)
        }
    }

    private func failure(_ kind: ZipError.Kind, at offset: Int?) -> ZipError {
        finished = true
        return ZipError(path: file.path, entry: entry.name, offset: offset ?? entry.localHeaderOffset, kind: kind)
    }
}

@available(*, unavailable)
extension ZipEntryReader: Sendable {}
