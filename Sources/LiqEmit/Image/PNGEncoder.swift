import CZlib

/// Writes 8-bit RGB or RGBA pixels as a PNG file (ISO/IEC 15948): signature, IHDR, IDAT, IEND.
///
/// Rows are filtered one at a time (each row gets the PNG filter with the smallest sum of absolute residuals,
/// the heuristic the PNG specification recommends) and streamed through zlib; every full 64 KiB of compressed
/// output becomes its own IDAT chunk. Besides the input and the output, memory is three rows and zlib's state.
public enum PNGEncoder {
    /// How the pixel bytes are laid out: 3 or 4 bytes per pixel, row-major, top row first, no padding.
    public enum Layout: Sendable {
        case rgb
        case rgba

        var bytesPerPixel: Int { self == .rgb ? 3 : 4 }
        /// The PNG colour type of IHDR: 2 = truecolour, 6 = truecolour with alpha.
        var colourType: UInt8 { self == .rgb ? 2 : 6 }
    }

    /// PNG bytes of `image`.
    public static func encode(_ image: RGBImage) throws(ImageEncodingError) -> [UInt8] {
        try encode(pixels: image.pixels, width: image.width, height: image.height, layout: .rgb)
    }

    /// PNG bytes of `pixels`, which must hold exactly `width × height` pixels in `layout`.
    public static func encode(
        pixels: [UInt8], width: Int, height: Int, layout: Layout
    ) throws(ImageEncodingError) -> [UInt8] {
        precondition(width > 0 && height > 0 && width < 1 << 31 && height < 1 << 31, "PNG sizes are 1…2^31-1")
        let rowBytes = width * layout.bytesPerPixel
        precondition(pixels.count == rowBytes * height, "\(pixels.count) bytes for \(width)×\(height) \(layout)")

        var output: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        // Bit depth 8, colour type, compression 0 (deflate), filter method 0 (adaptive), no interlace.
        header += [8, layout.colourType, 0, 0, 0]
        appendChunk("IHDR", header[...], to: &output)

        let deflater = try Deflater()
        var filter = RowFilter(rowBytes: rowBytes, bytesPerPixel: layout.bytesPerPixel)
        try pixels.withUnsafeBufferPointer { (all) throws(ImageEncodingError) in
            for row in 0..<height {
                let current = UnsafeBufferPointer(rebasing: all[(row * rowBytes)..<((row + 1) * rowBytes)])
                let previous =
                    row == 0 ? nil : UnsafeBufferPointer(rebasing: all[((row - 1) * rowBytes)..<(row * rowBytes)])
                let filtered = filter.filter(current, previous: previous)
                try filtered.withUnsafeBufferPointer { (bytes) throws(ImageEncodingError) in
                    try deflater.compress(bytes, finish: row == height - 1) { appendChunk("IDAT", $0, to: &output) }
                }
            }
        }
        appendChunk("IEND", [], to: &output)
        return output
    }

    /// Length, type, data, then the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: ArraySlice<UInt8>, to output: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &output)
        output += typeBytes
        output += data
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &output)
    }

    static func appendBigEndian(_ value: UInt32, to output: inout [UInt8]) {
        output += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
