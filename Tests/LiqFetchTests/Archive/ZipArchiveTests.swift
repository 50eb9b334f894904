import Foundation
import Testing

@testable import LiqFetch

@Suite struct ZipArchiveTests {
    /// 3 MiB + a partial tail: several 256 KiB output chunks and 64 KiB input blocks.
    static let content = ArchiveFixtures.csvBytes(count: (3 << 20) + 1234)

    /// A directory holding `data.csv` (the shared content) for the tools to archive.
    private func directoryWithData() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(Self.content, to: "data.csv")
        return directory
    }

    @Test(
        arguments: ZipSource.allCases,
        [
            (["-q", "-X"], ZipEntry.CompressionMethod.deflated),
            (["-q", "-X", "-0"], .stored),
        ])
    func infoZipRoundTrips(source: ZipSource, zip: (options: [String], method: ZipEntry.CompressionMethod)) throws {
        let (options, method) = zip
        guard ArchiveFixtures.hasZip else { return }
        let directory = try directoryWithData()
        defer { directory.remove() }
        try ArchiveFixtures.run(ArchiveFixtures.zip, options + ["archive.zip", "data.csv"], in: directory.path)
        let archive = try source.open(directory.path + "/archive.zip")
        let entry = try archive.singleFileEntry()
        #expect(entry.name == "data.csv")
        #expect(entry.method == method)
        #expect(entry.uncompressedSize == Self.content.count)
        #expect(entry.crc32 == ArchiveFixtures.crc32(Self.content))
        #expect(try ArchiveFixtures.readAll(archive, entry) == Self.content)
    }

    /// `zip - -` reads stdin and writes to a pipe, so it cannot seek back: sizes and CRC follow the data in a data
    /// descriptor and the local header holds zeros (ZIP64 descriptor, since the input size is unknown).
    @Test(arguments: ZipSource.allCases) func infoZipFromStdinUsesDataDescriptor(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let directory = try directoryWithData()
        defer { directory.remove() }
        try ArchiveFixtures.run(
            "/bin/sh", ["-c", "\(ArchiveFixtures.zip) -q - - < data.csv | cat > stream.zip"], in: directory.path)
        let archive = try source.open(directory.path + "/stream.zip")
        let entry = try archive.singleFileEntry()
        #expect(entry.name == "-")
        #expect(entry.hasDataDescriptor)
        #expect(try ArchiveFixtures.readAll(archive, entry) == Self.content)
    }

    /// Python's `zipfile`: stored, deflated, ZIP64 local headers (`force_zip64`), and `open(name, "w")` on an
    /// unseekable sink, which writes data descriptors.
    @Test(
        arguments: ZipSource.allCases,
        [
            ("z.write('data.csv', compress_type=zipfile.ZIP_STORED)", ZipEntry.CompressionMethod.stored, false),
            ("z.write('data.csv', compress_type=zipfile.ZIP_DEFLATED)", .deflated, false),
            ("w = z.open('data.csv', 'w', force_zip64=True); w.write(data); w.close()", .deflated, false),
            ("w = z.open('data.csv', 'w'); w.write(data); w.close()", .deflated, true),
        ])
    func pythonZipfileRoundTrips(
        source: ZipSource, zipfile: (write: String, method: ZipEntry.CompressionMethod, unseekable: Bool)
    ) throws {
        let (write, method, unseekable) = zipfile
        guard ArchiveFixtures.python != nil else { return }
        let directory = try directoryWithData()
        defer { directory.remove() }
        let script = """
            import zipfile
            class Sink:
                def __init__(self, f): self.f = f
                def write(self, b): return self.f.write(b)
                def flush(self): self.f.flush()
            data = open('data.csv', 'rb').read()
            with open('archive.zip', 'wb') as raw:
                with zipfile.ZipFile(\(unseekable ? "Sink(raw)" : "raw"), 'w', zipfile.ZIP_DEFLATED) as z:
                    \(write)
            """
        try ArchiveFixtures.runPython(script, in: directory.path)
        let archive = try source.open(directory.path + "/archive.zip")
        let entry = try archive.singleFileEntry()
        #expect(entry.method == method)
        #expect(entry.hasDataDescriptor == unseekable)
        #expect(try ArchiveFixtures.readAll(archive, entry) == Self.content)
    }

    /// ZIP64 in the central directory (sizes and offset saturated at 0xFFFFFFFF, real values in the extra field)
    /// and a ZIP64 end-of-central-directory record: no tool writes these for small files, so built by hand.
    @Test(arguments: ZipSource.allCases) func zip64CentralDirectoryAndEndRecord(source: ZipSource) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let payload = Array(Self.content[0..<300_000])
        let name = Array("data.csv".utf8)
        let crc = ArchiveFixtures.crc32(payload)
        var zip = LittleEndianWriter()
        zip.u32(0x0403_4b50)
        for field in [45, 0, 0, 0, 0x21] { zip.u16(field) }
        zip.u32(crc)
        zip.u32(0xFFFF_FFFF)
        zip.u32(0xFFFF_FFFF)
        zip.u16(name.count)
        zip.u16(20)
        zip.bytes += name
        for field in [1, 16] { zip.u16(field) }
        zip.u64(payload.count)
        zip.u64(payload.count)
        zip.bytes += payload
        let centralOffset = zip.bytes.count
        zip.u32(0x0201_4b50)
        for field in [45, 45, 0, 0, 0, 0x21] { zip.u16(field) }
        zip.u32(crc)
        zip.u32(0xFFFF_FFFF)
        zip.u32(0xFFFF_FFFF)
        for field in [name.count, 28, 0, 0, 0] { zip.u16(field) }
        zip.u32(0)
        zip.u32(0xFFFF_FFFF)
        zip.bytes += name
        for field in [1, 24] { zip.u16(field) }
        for field in [payload.count, payload.count, 0] { zip.u64(field) }
        let centralSize = zip.bytes.count - centralOffset
        let zip64RecordOffset = zip.bytes.count
        zip.u32(0x0606_4b50)
        zip.u64(44)
        for field in [45, 45] { zip.u16(field) }
        zip.u32(0)
        zip.u32(0)
        for field in [1, 1, centralSize, centralOffset] { zip.u64(field) }
        zip.u32(0x0706_4b50)
        zip.u32(0)
        zip.u64(zip64RecordOffset)
        zip.u32(1)
        zip.u32(0x0605_4b50)
        for field in [0, 0, 0xFFFF, 0xFFFF] { zip.u16(field) }
        zip.u32(0xFFFF_FFFF)
        zip.u32(0xFFFF_FFFF)
        zip.u16(0)
        let path = try directory.write(zip.bytes, to: "zip64.zip")
        if ArchiveFixtures.python != nil {
            // The hand-made archive is valid for an independent reader too.
            try ArchiveFixtures.runPython(
                "import zipfile; z = zipfile.ZipFile('zip64.zip'); assert z.testzip() is None; "
                    + "assert len(z.read('data.csv')) == \(payload.count)", in: directory.path)
        }
        let archive = try source.open(path)
        #expect(
            archive.entries == [
                ZipEntry(
                    name: "data.csv", method: .stored, flags: 0, compressedSize: payload.count,
                    uncompressedSize: payload.count, crc32: crc, localHeaderOffset: 0)
            ])
        #expect(try ArchiveFixtures.readAll(archive, archive.entries[0], chunkBytes: 100_000) == payload)
    }

    @Test(arguments: ZipSource.allCases) func twoEntriesAreListedAndSingleFileEntryRefuses(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = ArchiveFixtures.csvBytes(count: 500_000, seed: 1)
        let second = ArchiveFixtures.csvBytes(count: 700_000, seed: 2)
        try directory.write(first, to: "day/a.csv")
        try directory.write(second, to: "day/b.csv")
        try ArchiveFixtures.run(ArchiveFixtures.zip, ["-q", "-r", "two.zip", "day"], in: directory.path)
        let path = directory.path + "/two.zip"
        let archive = try source.open(path)
        #expect(archive.entries.map(\.name) == ["day/", "day/a.csv", "day/b.csv"])
        #expect(try ArchiveFixtures.readAll(archive, archive.entries[1]) == first)
        #expect(try ArchiveFixtures.readAll(archive, archive.entries[2]) == second)
        let error = #expect(throws: ZipError.self) { try archive.singleFileEntry() }
        #expect(error?.description == "\(path): expected exactly one file entry, found 2")
    }

    /// Empty files (stored, and deflated to the 2-byte empty stream) read as no chunks and verify.
    @Test(arguments: ZipSource.allCases) func emptyEntriesReadAsNoChunks(source: ZipSource) throws {
        guard ArchiveFixtures.python != nil else { return }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = """
            import zipfile
            with zipfile.ZipFile('empty.zip', 'w') as z:
                z.writestr('stored.csv', b'', compress_type=zipfile.ZIP_STORED)
                z.writestr('deflated.csv', b'', compress_type=zipfile.ZIP_DEFLATED)
            """
        try ArchiveFixtures.runPython(script, in: directory.path)
        let archive = try source.open(directory.path + "/empty.zip")
        #expect(archive.entries.map(\.method) == [.stored, .deflated])
        for entry in archive.entries {
            #expect(entry.uncompressedSize == 0)
            #expect(try archive.openEntry(entry).nextChunk() == nil)
        }
    }

    /// A 50 MiB entry streams in chunks no larger than the limit; its SHA-256 matches Python's of the source.
    @Test(arguments: ZipSource.allCases) func largeEntryStreamsInBoundedChunks(source: ZipSource) throws {
        guard ArchiveFixtures.python != nil else { return }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = """
            import hashlib, zipfile
            row = b''.join(b'%d,BTCUSDT,%d,%d.%03d\\n' % (1760126400000 + i * 60000, i * 7919 % 100003, i % 977, i % 1000) for i in range(4096))
            data = (row * (50 * 1024 * 1024 // len(row) + 1))[:50 * 1024 * 1024]
            open('digest.txt', 'w').write(hashlib.sha256(data).hexdigest())
            with zipfile.ZipFile('big.zip', 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
                z.writestr('big.csv', data)
            """
        try ArchiveFixtures.runPython(script, in: directory.path)
        let archive = try source.open(directory.path + "/big.zip")
        let limit = 256 << 10
        let reader = try archive.openEntry(try archive.singleFileEntry(), chunkBytes: limit)
        var hasher = SHA256()
        var total = 0
        var largest = 0
        while let chunk = try reader.nextChunk() {
            largest = max(largest, chunk.count)
            total += chunk.count
            hasher.update(chunk)
        }
        #expect(largest <= limit)
        #expect(total == 50 << 20)
        let expected = try String(contentsOfFile: directory.path + "/digest.txt", encoding: .utf8)
        #expect(SHA256.hex(hasher.finalize()) == expected)
    }
}
