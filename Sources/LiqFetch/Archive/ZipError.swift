/// A zip archive could not be read or one of its entries failed verification. Always names the file; the entry and
/// the byte offset in the file when the failure belongs to one.
public struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The OS refused (no such file, permission…); the text is `strerror`'s.
        case system(String)
        /// No end-of-central-directory record in the last 64 KiB + 22 bytes, and the file does not start like one.
        case notZip
        /// The file starts with a local file header but has no end-of-central-directory record: a cut-off download.
        case truncatedArchive(fileBytes: Int)
        /// A structure (`what`) that should lie inside the file extends past its end.
        case truncated(what: String, needed: Int, fileBytes: Int)
        /// A structure does not have the shape the zip format requires; the text says what was expected and found.
        case malformed(String)
        /// Archives spanning several disks (`.z01`…) are not read.
        case multiDisk
        /// Only stored (0) and deflated (8) entries are read.
        case unsupportedMethod(UInt16)
        /// The entry is encrypted (general-purpose flag bit 0).
        case encrypted
        /// zlib refused the compressed data; its message.
        case inflate(String)
        /// The deflate stream had not ended when the entry's compressed bytes were used up.
        case streamTruncated(compressedBytes: Int)
        /// The deflate stream ended before the entry's compressed size: bytes left over.
        case trailingData(bytes: Int)
        /// The uncompressed length differs from the central directory's size.
        case sizeMismatch(expected: Int, found: Int)
        /// The CRC-32 of the uncompressed bytes differs from the central directory's.
        case crcMismatch(expected: UInt32, found: UInt32)
        /// `singleFileEntry()` found a number of file entries other than one.
        case fileEntryCount(Int)
    }

    /// The archive file.
    public var path: String
    /// The entry's name, when the failure belongs to one.
    public var entry: String?
    /// Byte offset in the archive file where the failing structure or data starts.
    public var offset: Int?
    /// What went wrong.
    public var kind: Kind

    /// An error about `path`, optionally one entry of it and a byte offset in the file.
    public init(path: String, entry: String? = nil, offset: Int? = nil, kind: Kind) {
        self.path = path
        self.entry = entry
        self.offset = offset
        self.kind = kind
    }

    /// `PATH[: entry "NAME"][ at byte offset N]: reason`, for the CLI to print as is.
    public var description: String {
        var location = path
        if let entry { location += ": entry \"\(entry)\"" }
        if let offset { location += " at byte offset \(offset)" }
        return "\(location): \(reason)"
    }

    private var reason: String {
        switch kind {
        case .system(let message): return message
        case .notZip: return "not a zip archive (no end-of-central-directory record)"
        case .truncatedArchive(let fileBytes):
            return "truncated zip archive: it starts with a local file header but has no end-of-central-directory "
                + "record (\(fileBytes) bytes)"
        case .truncated(let what, let needed, let fileBytes):
            return "truncated: \(what) needs the file to hold \(needed) bytes, it holds \(fileBytes)"
        case .malformed(let message): return "malformed: \(message)"
        case .multiDisk: return "archives spanning several disks are not supported"
        case .unsupportedMethod(let method):
            return "unsupported compression method \(method) (only stored 0 and deflated 8 are read)"
        case .encrypted: return "encrypted entries are not supported"
        case .inflate(let message): return "corrupt deflate data: \(message)"
        case .streamTruncated(let compressedBytes):
            return "deflate stream truncated: no end of stream within the compressed size of \(compressedBytes) bytes"
        case .trailingData(let bytes):
            return "\(bytes) bytes after the end of the deflate stream, inside the entry's compressed size"
        case .sizeMismatch(let expected, let found):
            return "uncompressed size mismatch: expected \(expected) bytes, found \(found)"
        case .crcMismatch(let expected, let found):
            return "CRC-32 mismatch: expected \(hex(expected)), found \(hex(found))"
        case .fileEntryCount(let count): return "expected exactly one file entry, found \(count)"
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
