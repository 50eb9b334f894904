import Foundation
import Testing

@testable import LiqFetch

/// Corrupt, truncated and non-zip input: every failure is a `ZipError` naming the file (and the entry and byte
/// offset where they apply) — never a crash, a hang or silently wrong bytes.
@Suite struct ZipArchiveErrorTests {
    /// An Info-ZIP archive of one 1 MiB `data.csv` (`-X`: no extra fields), its bytes, and where its parts lie.
    private struct Fixture {
        let directory: TemporaryDirectory
        let content: [UInt8]
        let bytes: [UInt8]
        let centralOffset: Int
        /// Offset of the compressed data (after the 30-byte local header and the 8-byte name).
        let dataOffset = 38

        init(store: Bool = false) throws {
            directory = try TemporaryDirectory()
            content = ArchiveFixtures.csvBytes(count: 1 << 20, seed: 7)
            try directory.write(content, to: "data.csv")
            try ArchiveFixtures.run(
                ArchiveFixtures.zip, ["-q", "-X"] + (store ? ["-0"] : []) + ["archive.zip", "data.csv"],
                in: directory.path)
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/archive.zip")))
            centralOffset = ArchiveFixtures.centralDirectoryOffset(bytes)
        }

        var compressedSize: Int { Int(ArchiveFixtures.uint32(bytes, centralOffset + 20)) }

        /// Writes `bytes` as a new archive file and returns its path.
        func write(_ bytes: [UInt8], as name: String) throws -> String {
            try directory.write(bytes, to: name)
        }
    }

    @Test(arguments: ZipSource.allCases) func randomBytesAreNotAZip(source: ZipSource) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var state: UInt64 = 42
        let noise = (0..<100_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return UInt8(truncatingIfNeeded: state >> 40)
        }
        for (name, bytes) in [("noise.zip", noise), ("empty.zip", []), ("short.zip", [0x50, 0x4b])] {
            let path = try directory.write(bytes, to: name)
            let error = #expect(throws: ZipError.self) { try source.open(path) }
            #expect(error?.description == "\(path): not a zip archive (no end-of-central-directory record)")
        }
    }

    @Test func missingFileNamesTheFile() throws {
        let path = "/nonexistent-liqpipe/archive.zip"
        let error = #expect(throws: ZipError.self) { try ZipArchive(path: path) }
        #expect(error?.description == "\(path): No such file or directory")
    }

    /// A download cut anywhere before its end has lost its end-of-central-directory record.
    @Test(arguments: ZipSource.allCases, [1, 4, 30, 38, 1000, 200_000, -200, -60, -23, -1])
    func truncatedArchive(source: ZipSource, cut: Int) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let length = cut > 0 ? cut : fixture.bytes.count + cut
        let path = try fixture.write(Array(fixture.bytes[..<length]), as: "cut.zip")
        let error = #expect(throws: ZipError.self) { try source.open(path) }
        let expected =
            length >= 4
            ? "\(path): truncated zip archive: it starts with a local file header but has no end-of-central-directory "
                + "record (\(length) bytes)"
            : "\(path): not a zip archive (no end-of-central-directory record)"
        #expect(error?.description == expected)
    }

    @Test(arguments: ZipSource.allCases) func corruptStoredByteIsACRCMismatch(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture(store: true)
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        bytes[fixture.dataOffset + 500_000] ^= 0x20
        let path = try fixture.write(bytes, as: "corrupt.zip")
        let archive = try source.open(path)
        let expected = ArchiveFixtures.crc32(fixture.content)
        var corrupted = fixture.content
        corrupted[500_000] ^= 0x20
        let found = ArchiveFixtures.crc32(corrupted)
        let error = ArchiveFixtures.readError(archive, archive.entries[0])
        #expect(error?.kind == .crcMismatch(expected: expected, found: found))
        #expect(
            error?.description
                == "\(path): entry \"data.csv\" at byte offset 0: CRC-32 mismatch: expected "
                + "0x\(String(expected, radix: 16)), found 0x\(String(found, radix: 16))")
    }

    /// A flipped byte in deflate data is caught by zlib (bad block, bad distance), the length or the CRC check.
    @Test(arguments: ZipSource.allCases, [0, 1, 100, 5000, 50_000, -10, -2])
    func corruptDeflateByteIsAnError(source: ZipSource, position: Int) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        let offset = fixture.dataOffset + (position >= 0 ? position : fixture.compressedSize + position)
        bytes[offset] ^= 0x55
        let path = try fixture.write(bytes, as: "corrupt.zip")
        let archive = try source.open(path)
        let error = try #require(ArchiveFixtures.readError(archive, archive.entries[0]))
        #expect(error.path == path)
        #expect(error.entry == "data.csv")
        switch error.kind {
        case .inflate, .crcMismatch, .sizeMismatch, .streamTruncated, .trailingData: break
        default: Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ZipSource.allCases) func compressedSizeTooSmallIsATruncatedStream(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        let shortened = fixture.compressedSize - 100
        ArchiveFixtures.putUInt32(UInt32(shortened), into: &bytes, at: fixture.centralOffset + 20)
        let path = try fixture.write(bytes, as: "short.zip")
        let archive = try source.open(path)
        let error = ArchiveFixtures.readError(archive, archive.entries[0])
        #expect(
            error?.description
                == "\(path): entry \"data.csv\" at byte offset \(fixture.dataOffset + shortened): deflate stream "
                + "truncated: no end of stream within the compressed size of \(shortened) bytes")
    }

    @Test(arguments: ZipSource.allCases) func bytesAfterTheDeflateStreamAreTrailingData(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        let size = fixture.compressedSize
        ArchiveFixtures.putUInt32(UInt32(size + 10), into: &bytes, at: fixture.centralOffset + 20)
        let path = try fixture.write(bytes, as: "long.zip")
        let archive = try source.open(path)
        let error = ArchiveFixtures.readError(archive, archive.entries[0])
        #expect(
            error?.description
                == "\(path): entry \"data.csv\" at byte offset \(fixture.dataOffset + size): 10 bytes after the end "
                + "of the deflate stream, inside the entry's compressed size")
    }

    @Test(arguments: ZipSource.allCases) func uncompressedSizeMismatch(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        ArchiveFixtures.putUInt32(UInt32(fixture.content.count + 1), into: &bytes, at: fixture.centralOffset + 24)
        let path = try fixture.write(bytes, as: "size.zip")
        let archive = try source.open(path)
        let error = ArchiveFixtures.readError(archive, archive.entries[0])
        #expect(
            error?.description
                == "\(path): entry \"data.csv\" at byte offset 0: uncompressed size mismatch: expected "
                + "\(fixture.content.count + 1) bytes, found \(fixture.content.count)")
    }

    @Test(arguments: ZipSource.allCases) func unsupportedMethodAndEncryptionAreRefusedAtOpen(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bzip2 = fixture.bytes
        bzip2[fixture.centralOffset + 10] = 12
        let bzip2Path = try fixture.write(bzip2, as: "bzip2.zip")
        let bzip2Archive = try source.open(bzip2Path)
        #expect(bzip2Archive.entries[0].method == .other(12))
        let methodError = #expect(throws: ZipError.self) { try bzip2Archive.openEntry(bzip2Archive.entries[0]) }
        #expect(
            methodError?.description
                == "\(bzip2Path): entry \"data.csv\" at byte offset 0: unsupported compression method 12 (only stored "
                + "0 and deflated 8 are read)")
        var encrypted = fixture.bytes
        encrypted[fixture.centralOffset + 8] |= 0x01
        let encryptedPath = try fixture.write(encrypted, as: "encrypted.zip")
        let encryptedArchive = try source.open(encryptedPath)
        let encryptedError = #expect(throws: ZipError.self) {
            try encryptedArchive.openEntry(encryptedArchive.entries[0])
        }
        #expect(
            encryptedError?.description
                == "\(encryptedPath): entry \"data.csv\" at byte offset 0: encrypted entries are not supported")
    }

    @Test(arguments: ZipSource.allCases) func centralDirectoryOutsideTheFileIsMalformed(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        let record = bytes.count - 22
        ArchiveFixtures.putUInt32(0x7FFF_0000, into: &bytes, at: record + 16)
        let path = try fixture.write(bytes, as: "offset.zip")
        let error = #expect(throws: ZipError.self) { try source.open(path) }
        let size = ArchiveFixtures.uint32(bytes, record + 12)
        #expect(
            error?.description
                == "\(path) at byte offset \(record): malformed: central directory (offset \(0x7FFF_0000), \(size) "
                + "bytes) does not end before the end-of-central-directory record at \(record)")
    }

    @Test(arguments: ZipSource.allCases) func localHeaderWithWrongSignatureIsMalformed(source: ZipSource) throws {
        guard ArchiveFixtures.hasZip else { return }
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        var bytes = fixture.bytes
        bytes[2] = 0x07
        let path = try fixture.write(bytes, as: "local.zip")
        let archive = try source.open(path)
        let error = #expect(throws: ZipError.self) { try archive.openEntry(archive.entries[0]) }
        #expect(
            error?.description
                == "\(path): entry \"data.csv\" at byte offset 0: malformed: expected a local file header signature "
                + "50 4b 03 04, found 50 4b 07 04")
    }
}
