import CZlib

/// A minimal PNG reader for the tests: 8-bit RGB/RGBA, no interlace; checks every chunk's CRC and undoes all
/// five row filters, so the encoder's output is verified independently of any image library.
struct PNGDecoder {
    struct Chunk {
        var type: String
        var data: [UInt8]
        var crcMatches: Bool
    }

    var chunks: [Chunk] = []
    var width = 0
    var height = 0
    var bytesPerPixel = 0
    var pixels: [UInt8] = []

    init(_ bytes: [UInt8]) throws {
        guard bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Failure("signature") }
        var offset = 8
        func bigEndian(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset < bytes.count {
            let length = bigEndian(offset)
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let stored = bigEndian(offset + 8 + length)
            let computed = typeAndData.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            chunks.append(
                Chunk(
                    type: String(decoding: typeAndData.prefix(4), as: UTF8.self), data: Array(typeAndData.dropFirst(4)),
                    crcMatches: stored == computed))
            offset += 12 + length
        }
        guard let header = chunks.first, header.type == "IHDR" else { throw Failure("IHDR first") }
        width = header.data[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = header.data[4..<8].reduce(0) { $0 << 8 | Int($1) }
        bytesPerPixel = header.data[9] == 6 ? 4 : 3
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        let raw = try Self.inflate(compressed, expected: height * (width * bytesPerPixel + 1))
        pixels = try Self.unfilter(raw, width: width, height: height, bytesPerPixel: bytesPerPixel)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard czlib_inflate_init2(stream, 15) == Z_OK else { throw Failure("inflateInit2") }
        var input = input
        var output = [UInt8](repeating: 0, count: expected + 1)
        let (status, written) = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = destination.baseAddress
                stream.pointee.avail_out = uInt(destination.count)
                let status = CZlib.inflate(stream, Z_FINISH)
                return (status, destination.count - Int(stream.pointee.avail_out))
            }
        }
        guard status == Z_STREAM_END, written == expected else { throw Failure("inflate \(status) \(written)") }
        return Array(output.prefix(written))
    }

    static func unfilter(_ raw: [UInt8], width: Int, height: Int, bytesPerPixel: Int) throws -> [UInt8] {
        let rowBytes = width * bytesPerPixel
        var pixels = [UInt8](repeating: 0, count: rowBytes * height)
        for row in 0..<height {
            let type = raw[row * (rowBytes + 1)]
            for index in 0..<rowBytes {
                let value = Int(raw[row * (rowBytes + 1) + 1 + index])
                let left = index >= bytesPerPixel ? Int(pixels[row * rowBytes + index - bytesPerPixel]) : 0
                let up = row > 0 ? Int(pixels[(row - 1) * rowBytes + index]) : 0
                let upLeft =
                    row > 0 && index >= bytesPerPixel ? Int(pixels[(row - 1) * rowBytes + index - bytesPerPixel]) : 0
                let predictor: Int
                switch type {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = a <= b && a <= c ? left : (b <= c ? up : upLeft)
                default: throw Failure("filter type \(type)")
                }
                pixels[row * rowBytes + index] = UInt8(truncatingIfNeeded: value + predictor)
            }
        }
        return pixels
    }
}
