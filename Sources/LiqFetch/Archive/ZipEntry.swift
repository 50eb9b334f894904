/// One entry of a zip archive's central directory. Sizes and CRC come from the central directory (with ZIP64
/// extra fields applied): they are authoritative, since a local header followed by a data descriptor holds zeros.
public struct ZipEntry: Sendable, Equatable {
    /// How the entry's bytes are stored.
    public enum CompressionMethod: Sendable, Equatable {
        case stored
        case deflated
        /// Any other method number (bzip2 12, LZMA 14, zstd 93…): listed, but `openEntry` refuses it.
        case other(UInt16)

        init(_ number: UInt16) {
            switch number {
            case 0: self = .stored
            case 8: self = .deflated
            default: self = .other(number)
            }
        }
    }

    /// The name as stored: UTF-8 (flag bit 11) or, for older tools, CP437 read as UTF-8 — ASCII names either way.
    public var name: String
    /// Stored, deflated, or another method `openEntry` refuses.
    public var method: CompressionMethod
    /// General-purpose bit flags: bit 0 encrypted, bit 3 sizes and CRC in a data descriptor after the data.
    public var flags: UInt16
    /// Bytes of compressed data in the file.
    public var compressedSize: Int
    /// Bytes once inflated.
    public var uncompressedSize: Int
    /// CRC-32 (zlib's polynomial) of the uncompressed bytes.
    public var crc32: UInt32
    /// Byte offset of the entry's local file header in the archive file.
    public var localHeaderOffset: Int

    init(
        name: String, method: CompressionMethod, flags: UInt16, compressedSize: Int, uncompressedSize: Int,
        crc32: UInt32, localHeaderOffset: Int
    ) {
        self.name = name
        self.method = method
        self.flags = flags
        self.compressedSize = compressedSize
        self.uncompressedSize = uncompressedSize
        self.crc32 = crc32
        self.localHeaderOffset = localHeaderOffset
    }

    /// Flag bit 0 (traditional PKWARE or strong encryption).
    public var isEncrypted: Bool { flags & 0x0001 != 0 }
    /// Flag bit 3: the local header's sizes and CRC are zero and a data descriptor follows the data.
    public var hasDataDescriptor: Bool { flags & 0x0008 != 0 }
    /// Directory entries end in "/" and hold no data.
    public var isDirectory: Bool { name.hasSuffix("/") }
}
