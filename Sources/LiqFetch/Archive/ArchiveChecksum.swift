#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The content of a data.binance.vision `.zip.CHECKSUM` sibling: one `sha256sum` line, `<64 hex>  <filename>`.
/// Parsing accepts what `sha256sum -c` accepts for one line: two spaces, one space, or a space and the `*`
/// binary marker between digest and name; upper- or lowercase hex; a trailing newline (LF or CRLF) or none.
public struct ArchiveChecksum: Sendable, Equatable {
    /// The expected SHA-256, lowercase hex (64 characters).
    public var digestHex: String
    /// The archive's file name as written in the checksum file.
    public var filename: String

    /// A checksum known by other means; `digestHex` lowercase.
    public init(digestHex: String, filename: String) {
        self.digestHex = digestHex
        self.filename = filename
    }

    /// Parses the body of the checksum file at `path` (named in errors).
    public init(parsing body: [UInt8], path: String) throws(ArchiveChecksumError) {
        func malformed(_ message: String) -> ArchiveChecksumError {
            ArchiveChecksumError(path: path, kind: .malformed(message))
        }
        var line = body[...]
        if line.last == UInt8(ascii: "\n") { line = line.dropLast() }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard !line.isEmpty else { throw malformed("empty") }
        guard !line.contains(UInt8(ascii: "\n")) else { throw malformed("expected one line, found several") }
        let digest = line.prefix(64)
        guard digest.count == 64, digest.allSatisfy(Self.isHexDigit) else {
            throw malformed("expected 64 hex digits at the start, found \"\(Self.quoted(line))\"")
        }
        var rest = line.dropFirst(64)
        guard rest.first == UInt8(ascii: " ") else {
            throw malformed("expected a space after the digest, found \"\(Self.quoted(rest))\"")
        }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "*") { rest = rest.dropFirst() }
        guard !rest.isEmpty else { throw malformed("no file name after the digest") }
        digestHex = String(decoding: digest, as: UTF8.self).lowercased()
        filename = String(decoding: rest, as: UTF8.self)
    }

    /// Reads and parses the checksum file at `path` (at most 4 KiB: one line).
    public init(contentsOf path: String) throws(ArchiveChecksumError) {
        let body = try Self.withOpenFile(path) { (descriptor) throws(ArchiveChecksumError) in
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while let count = try Self.read(descriptor, into: &buffer, path: path) {
                bytes += buffer[0..<count]
                guard bytes.count <= 4096 else {
                    throw ArchiveChecksumError(path: path, kind: .malformed("longer than 4096 bytes"))
                }
            }
            return bytes
        }
        try self.init(parsing: body, path: path)
    }

    /// Checks the file at `path` against this checksum's digest.
    public func verify(file path: String) throws(ArchiveChecksumError) {
        try Self.verify(file: path, expectedHex: digestHex)
    }

    /// Streams the file at `path` through SHA-256 in 1 MiB reads and compares with `expectedHex` (any case).
    public static func verify(file path: String, expectedHex: String) throws(ArchiveChecksumError) {
        let actual = SHA256.hex(try digest(ofFile: path))
        guard actual == expectedHex.lowercased() else {
            throw ArchiveChecksumError(path: path, kind: .mismatch(expected: expectedHex.lowercased(), actual: actual))
        }
    }

    /// Compares the SHA-256 of `bytes` (an archive already in memory, as downloaded) with `expectedHex` (any
    /// case); a mismatch names `path`, where the bytes came from. Saves reading back a file just written.
    public static func verify(_ bytes: [UInt8], path: String, expectedHex: String) throws(ArchiveChecksumError) {
        let actual = SHA256.hex(SHA256.digest(bytes))
        guard actual == expectedHex.lowercased() else {
            throw ArchiveChecksumError(path: path, kind: .mismatch(expected: expectedHex.lowercased(), actual: actual))
        }
    }

    /// SHA-256 of the file at `path`, read in 1 MiB chunks.
    public static func digest(ofFile path: String) throws(ArchiveChecksumError) -> [UInt8] {
        try withOpenFile(path) { (descriptor) throws(ArchiveChecksumError) in
            var hasher = SHA256()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while let count = try read(descriptor, into: &buffer, path: path) {
                buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            }
            return hasher.finalize()
        }
    }

    private static func withOpenFile<Value>(
        _ path: String, _ body: (Int32) throws(ArchiveChecksumError) -> Value
    ) throws(ArchiveChecksumError) -> Value {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ArchiveChecksumError(path: path, kind: .system(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// Reads up to `buffer.count` bytes; nil at the end of the file.
    private static func read(_ descriptor: Int32, into buffer: inout [UInt8], path: String) throws(ArchiveChecksumError)
        -> Int?
    {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ArchiveChecksumError(path: path, kind: .system(String(cString: strerror(errno))))
            }
            return count == 0 ? nil : count
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// Up to 100 bytes as printable text for an error message, control characters escaped, "…" when cut.
    private static func quoted(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(100), as: UTF8.self).unicodeScalars.map { scalar in
            scalar.isASCII && scalar.value >= 0x20 ? String(scalar) : scalar.escaped(asASCII: true)
        }
        return text.joined() + (bytes.count > 100 ? "…" : "")
    }
}
