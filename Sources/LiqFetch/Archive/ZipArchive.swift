/// Reads a zip archive from a local file, or from bytes already in memory, with bounded reads — the end-of-central-directory record, the central
/// directory entry by entry, one local header per opened entry — never the whole file in memory. Supports what
/// data.binance.vision, Info-ZIP `zip` and Python's `zipfile` write: stored and deflated entries, data descriptors
/// (flag bit 3) and ZIP64 sizes and offsets.
///
/// The central directory is authoritative for sizes and CRC-32 (local headers followed by a data descriptor hold
/// zeros). Offsets are taken as absolute: an archive with bytes prepended (a self-extractor) is reported malformed.
public final class ZipArchive {
    /// The archive file as given, or the name given to in-memory bytes; every error names it.
    public let path: String
    /// The central directory's entries in file order, directories included.
    public let entries: [ZipEntry]
    private let file: ArchiveFile

    /// Opens `path` and reads its central directory.
    public init(path: String) throws(ZipError) {
        self.path = path
        file = try ArchiveFile(path: path)
        let directory = try Self.locateCentralDirectory(in: file)
        entries = try Self.readEntries(of: file, directory: directory)
    }

    /// Reads the central directory of an archive held in memory (a download already checked by its checksum),
    /// named `path` in every error — its URL, say. The same bounded reads and errors as from a file; the bytes
    /// are shared with the caller, not copied.
    public init(bytes: [UInt8], path: String) throws(ZipError) {
        self.path = path
        file = ArchiveFile(bytes: bytes, path: path)
        let directory = try Self.locateCentralDirectory(in: file)
        entries = try Self.readEntries(of: file, directory: directory)
    }

    /// A streaming reader of `entry`'s uncompressed bytes, in chunks of at most `chunkBytes`.
    public func openEntry(_ entry: ZipEntry, chunkBytes: Int = 256 << 10) throws(ZipError) -> ZipEntryReader {
        func failure(_ kind: ZipError.Kind) -> ZipError {
            ZipError(path: path, entry: entry.name, offset: entry.localHeaderOffset, kind: kind)
        }
        if entry.isEncrypted { throw failure(.encrypted) }
        if case .other(let number) = entry.method { throw failure(.unsupportedMethod(number)) }
        let header = try file.read(
            at: entry.localHeaderOffset, count: 30, what: "local file header of \"\(entry.name)\"")
        guard header.uint32(at: 0) == 0x0403_4b50 else {
            throw failure(
                .malformed("expected a local file header signature 50 4b 03 04, found \(header.hexPrefix(4))"))
        }
        let dataOffset = entry.localHeaderOffset + 30 + Int(header.uint16(at: 26)) + Int(header.uint16(at: 28))
        guard dataOffset <= file.size - entry.compressedSize else {
            throw failure(
                .truncated(
                    what: "the compressed data of \"\(entry.name)\"", needed: dataOffset + entry.compressedSize,
                    fileBytes: file.size))
        }
        return ZipEntryReader(file: file, entry: entry, dataOffset: dataOffset, chunkBytes: chunkBytes)
    }

    /// The archive's only file entry (directories ignored): data.binance.vision zips hold one CSV each, so any
    /// other count means the wrong file.
    public func singleFileEntry() throws(ZipError) -> ZipEntry {
        let files = entries.filter { !$0.isDirectory }
        guard files.count == 1 else { throw ZipError(path: path, kind: .fileEntryCount(files.count)) }
        return files[0]
    }

    /// Where the central directory lies and how many entries it holds.
    private struct CentralDirectory {
        var offset: Int
        var size: Int
        var count: Int
    }

    /// Finds the end-of-central-directory record (22 bytes + a comment of up to 65 535, so within the last
    /// 65 557 bytes) scanning backwards, then its ZIP64 locator and record when present.
    private static func locateCentralDirectory(in file: ArchiveFile) throws(ZipError) -> CentralDirectory {
        let tailLength = min(file.size, 22 + 0xFFFF)
        let tailStart = file.size - tailLength
        let tail = try file.read(at: tailStart, count: tailLength, what: "end of central directory")
        var candidate = tailLength - 22
        var found: Int?
        while candidate >= 0 {
            if tail.uint32(at: candidate) == 0x0605_4b50,
                candidate + 22 + Int(tail.uint16(at: candidate + 20)) <= tailLength
            {
                found = candidate
                break
            }
            candidate -= 1
        }
        guard let record = found else {
            // A cut-off download still starts with a local file header: say so rather than "not a zip".
            let head = file.size >= 4 ? try file.read(at: 0, count: 4, what: "local file header") : []
            if head.count == 4 && head.uint32(at: 0) == 0x0403_4b50 {
                throw ZipError(path: file.path, kind: .truncatedArchive(fileBytes: file.size))
            }
            throw ZipError(path: file.path, kind: .notZip)
        }
        let recordOffset = tailStart + record
        if tail.uint16(at: record + 4) != 0 || tail.uint16(at: record + 6) != 0 {
            throw ZipError(path: file.path, offset: recordOffset, kind: .multiDisk)
        }
        var directory = CentralDirectory(
            offset: Int(tail.uint32(at: record + 16)), size: Int(tail.uint32(at: record + 12)),
            count: Int(tail.uint16(at: record + 10)))
        // ZIP64: a 20-byte locator just before the record points at the ZIP64 end-of-central-directory record.
        if record >= 20, tail.uint32(at: record - 20) == 0x0706_4b50 {
            let locatorOffset = recordOffset - 20
            let zip64Offset = try checkedInt(
                tail.uint64(at: record - 20 + 8), "ZIP64 end-of-central-directory offset", file, locatorOffset)
            let zip64 = try file.read(at: zip64Offset, count: 56, what: "ZIP64 end-of-central-directory record")
            guard zip64.uint32(at: 0) == 0x0606_4b50 else {
                throw ZipError(
                    path: file.path, offset: zip64Offset,
                    kind: .malformed(
                        "expected a ZIP64 end-of-central-directory signature 50 4b 06 06, found \(zip64.hexPrefix(4))"))
            }
            if zip64.uint32(at: 16) != 0 || zip64.uint32(at: 20) != 0 {
                throw ZipError(path: file.path, offset: zip64Offset, kind: .multiDisk)
            }
            directory = CentralDirectory(
                offset: try checkedInt(zip64.uint64(at: 48), "central directory offset", file, zip64Offset),
                size: try checkedInt(zip64.uint64(at: 40), "central directory size", file, zip64Offset),
                count: try checkedInt(zip64.uint64(at: 32), "entry count", file, zip64Offset))
        }
        guard directory.offset <= file.size - directory.size, directory.offset + directory.size <= recordOffset else {
            throw ZipError(
                path: file.path, offset: recordOffset,
                kind: .malformed(
                    "central directory (offset \(directory.offset), \(directory.size) bytes) does not end before the "
                        + "end-of-central-directory record at \(recordOffset)"))
        }
        return directory
    }

    /// Reads `directory.count` central file headers (46 bytes + name, extra field and comment each).
    private static func readEntries(of file: ArchiveFile, directory: CentralDirectory) throws(ZipError) -> [ZipEntry] {
        let end = directory.offset + directory.size
        // Each header takes at least 46 bytes: a count beyond that is a corrupt record, not a reason to reserve.
        guard directory.count <= directory.size / 46 else {
            throw ZipError(
                path: file.path, offset: directory.offset,
                kind: .malformed(
                    "\(directory.count) entries cannot fit in a central directory of \(directory.size) bytes"))
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(directory.count)
        var offset = directory.offset
        for _ in 0..<directory.count {
            guard offset + 46 <= end else {
                throw ZipError(
                    path: file.path, offset: offset,
                    kind: .malformed("central directory ends after \(entries.count) of \(directory.count) entries"))
            }
            let fixed = try file.read(at: offset, count: 46, what: "central directory file header")
            guard fixed.uint32(at: 0) == 0x0201_4b50 else {
                throw ZipError(
                    path: file.path, offset: offset,
                    kind: .malformed("expected a central directory signature 50 4b 01 02, found \(fixed.hexPrefix(4))"))
            }
            let nameLength = Int(fixed.uint16(at: 28))
            let extraLength = Int(fixed.uint16(at: 30))
            let variableLength = nameLength + extraLength + Int(fixed.uint16(at: 32))
            guard offset + 46 + variableLength <= end else {
                throw ZipError(
                    path: file.path, offset: offset,
                    kind: .malformed("central directory file header runs past the end of the central directory"))
            }
            let variable = try file.read(
                at: offset + 46, count: nameLength + extraLength, what: "central directory entry name")
            let name = String(decoding: variable[0..<nameLength], as: UTF8.self)
            var entry = ZipEntry(
                name: name, method: .init(fixed.uint16(at: 10)), flags: fixed.uint16(at: 8),
                compressedSize: Int(fixed.uint32(at: 20)), uncompressedSize: Int(fixed.uint32(at: 24)),
                crc32: fixed.uint32(at: 16), localHeaderOffset: Int(fixed.uint32(at: 42)))
            try applyZip64(Array(variable[nameLength...]), to: &entry, diskStart: fixed.uint16(at: 34), file, offset)
            entries.append(entry)
            offset += 46 + variableLength
        }
        return entries
    }

    /// Replaces the 32-bit fields saturated at 0xFFFFFFFF with the ZIP64 extra field's (id 0x0001) 64-bit values,
    /// which appear in a fixed order and only for the fields that are saturated.
    private static func applyZip64(
        _ extra: [UInt8], to entry: inout ZipEntry, diskStart: UInt16, _ file: ArchiveFile, _ headerOffset: Int
    ) throws(ZipError) {
        let saturated = 0xFFFF_FFFF
        guard
            entry.uncompressedSize == saturated || entry.compressedSize == saturated
                || entry.localHeaderOffset == saturated || diskStart == 0xFFFF
        else { return }
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.uint16(at: position)
            let length = Int(extra.uint16(at: position + 2))
            let body = position + 4
            guard body + length <= extra.count else { break }
            if id == 0x0001 {
                var field = body
                func next(_ what: String) throws(ZipError) -> Int {
                    guard field + 8 <= body + length else {
                        throw ZipError(
                            path: file.path, entry: entry.name, offset: headerOffset,
                            kind: .malformed("ZIP64 extra field of \(length) bytes lacks the \(what)"))
                    }
                    defer { field += 8 }
                    return try checkedInt(extra.uint64(at: field), what, file, headerOffset)
                }
                if entry.uncompressedSize == saturated { entry.uncompressedSize = try next("uncompressed size") }
                if entry.compressedSize == saturated { entry.compressedSize = try next("compressed size") }
                if entry.localHeaderOffset == saturated { entry.localHeaderOffset = try next("local header offset") }
                return
            }
            position = body + length
        }
        throw ZipError(
            path: file.path, entry: entry.name, offset: headerOffset,
            kind: .malformed("sizes or offset are 0xFFFFFFFF but there is no ZIP64 extra field"))
    }

    /// A 64-bit field as an `Int`, refusing values no file of ours can hold.
    private static func checkedInt(
        _ value: UInt64, _ what: String, _ file: ArchiveFile, _ offset: Int
    ) throws(ZipError) -> Int {
        guard value <= UInt64(Int.max) else {
            throw ZipError(path: file.path, offset: offset, kind: .malformed("\(what) \(value) is out of range"))
        }
        return Int(value)
    }
}

@available(*, unavailable)
extension ZipArchive: Sendable {}

extension [UInt8] {
    /// Little-endian integers, the byte order of every zip structure.
    fileprivate func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    fileprivate func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }

    /// The first `count` bytes as spaced hex, for "expected signature …, found …".
    fileprivate func hexPrefix(_ count: Int) -> String {
        prefix(count).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
