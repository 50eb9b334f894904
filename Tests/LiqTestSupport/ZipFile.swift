/// Builds zip archives in memory (PKWARE APPNOTE: local headers, central directory, end record), deflated or
/// stored, so archive tests and the loopback copy of the Binance archive need no external tool.
public enum ZipFile {
    public static func make(_ entries: [(name: String, bytes: [UInt8])], deflated: Bool = true) -> [UInt8] {
        var archive: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let data = deflated ? Gzip.rawDeflate(entry.bytes) : entry.bytes
            let crc = Gzip.crc32(entry.bytes)
            let offset = UInt32(archive.count)
            let method: UInt16 = deflated ? 8 : 0
            // Version 20, no flags, method, DOS time/date 2025-10-10 00:00, CRC, sizes, name length, no extra.
            var common: [UInt8] = []
            append16(20, to: &common)
            append16(0, to: &common)
            append16(method, to: &common)
            append16(0, to: &common)
            append16(UInt16((2025 - 1980) << 9 | 10 << 5 | 10), to: &common)
            append32(crc, to: &common)
            append32(UInt32(data.count), to: &common)
            append32(UInt32(entry.bytes.count), to: &common)
            append16(UInt16(name.count), to: &common)
            append16(0, to: &common)
            append32(0x0403_4b50, to: &archive)
            archive += common + name + data
            append32(0x0201_4b50, to: &central)
            append16(20, to: &central)  // made by
            central += common
            append16(0, to: &central)  // comment length
            append16(0, to: &central)  // disk number
            append16(0, to: &central)  // internal attributes
            append32(0, to: &central)  // external attributes
            append32(offset, to: &central)
            central += name
        }
        let centralOffset = UInt32(archive.count)
        archive += central
        append32(0x0605_4b50, to: &archive)
        append16(0, to: &archive)
        append16(0, to: &archive)
        append16(UInt16(entries.count), to: &archive)
        append16(UInt16(entries.count), to: &archive)
        append32(UInt32(central.count), to: &archive)
        append32(centralOffset, to: &archive)
        append16(0, to: &archive)
        return archive
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) }
    }
}
