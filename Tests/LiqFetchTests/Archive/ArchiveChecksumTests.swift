import Testing

@testable import LiqFetch

@Suite struct ArchiveChecksumTests {
    static let digest = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
    static let name = "BTCUSDT-metrics-2025-10-10.zip"

    /// What `sha256sum` writes (two spaces), the binary marker, one space, uppercase hex, CRLF, no newline.
    @Test(arguments: [
        "\(digest)  \(name)\n",
        "\(digest) *\(name)\n",
        "\(digest) \(name)\n",
        "\(digest.uppercased())  \(name)\r\n",
        "\(digest)  \(name)",
    ])
    func parsesSha256sumLines(body: String) throws {
        let checksum = try ArchiveChecksum(parsing: Array(body.utf8), path: "x.zip.CHECKSUM")
        #expect(checksum == ArchiveChecksum(digestHex: Self.digest, filename: Self.name))
    }

    @Test(arguments: [
        ("", "empty"),
        ("\n", "empty"),
        ("\(digest)  a.zip\n\(digest)  b.zip\n", "expected one line, found several"),
        (
            "\(digest.dropLast())  \(name)\n",
            "expected 64 hex digits at the start, found \"\(digest.dropLast())  \(name)\""
        ),
        ("<html>Not Found</html>\n", "expected 64 hex digits at the start, found \"<html>Not Found</html>\""),
        ("\(digest)\t\(name)\n", "expected a space after the digest, found \"\\t\(name)\""),
        ("\(digest)  \n", "no file name after the digest"),
    ])
    func malformedBodiesNameTheFile(body: String, message: String) {
        let path = "data/futures/um/daily/metrics/BTCUSDT/\(Self.name).CHECKSUM"
        let error = #expect(throws: ArchiveChecksumError.self) {
            try ArchiveChecksum(parsing: Array(body.utf8), path: path)
        }
        #expect(error?.description == "\(path): malformed checksum file: \(message)")
    }

    @Test func verifiesAFileAndReportsAMismatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // 2.5 MiB: the file is hashed in several 1 MiB reads.
        let bytes = ArchiveFixtures.csvBytes(count: 5 << 19)
        let archive = try directory.write(bytes, to: Self.name)
        let actual = SHA256.hex(SHA256.digest(bytes))
        let checksumPath = try directory.write("\(actual.uppercased())  \(Self.name)\n", to: Self.name + ".CHECKSUM")
        let checksum = try ArchiveChecksum(contentsOf: checksumPath)
        #expect(checksum.filename == Self.name)
        try checksum.verify(file: archive)

        let error = #expect(throws: ArchiveChecksumError.self) {
            try ArchiveChecksum.verify(file: archive, expectedHex: Self.digest)
        }
        #expect(error?.description == "\(archive): SHA-256 mismatch: expected \(Self.digest), actual \(actual)")
    }

    /// The backfill checks a download before writing it: the digest of the bytes in memory, any case of hex; a
    /// mismatch names where the bytes came from. "abc" is FIPS 180-4's first example (ba7816bf…f20015ad).
    @Test func verifiesBytesInMemoryAndNamesTheirOriginOnAMismatch() throws {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let url = "http://127.0.0.1:8000/data/futures/um/daily/metrics/BTCUSDT/\(Self.name)"
        try ArchiveChecksum.verify(Array("abc".utf8), path: url, expectedHex: abc.uppercased())
        let error = #expect(throws: ArchiveChecksumError.self) {
            try ArchiveChecksum.verify(Array("abd".utf8), path: url, expectedHex: abc)
        }
        let actual = SHA256.hex(SHA256.digest(Array("abd".utf8)))
        #expect(actual != abc)
        #expect(error?.description == "\(url): SHA-256 mismatch: expected \(abc), actual \(actual)")
    }

    @Test func missingFilesNameThePath() {
        let path = "/nonexistent-liqpipe/a.zip"
        let error = #expect(throws: ArchiveChecksumError.self) {
            try ArchiveChecksum.verify(file: path, expectedHex: Self.digest)
        }
        #expect(error?.description == "\(path): No such file or directory")
        let checksumError = #expect(throws: ArchiveChecksumError.self) {
            try ArchiveChecksum(contentsOf: path + ".CHECKSUM")
        }
        #expect(checksumError?.description == "\(path).CHECKSUM: No such file or directory")
    }
}
