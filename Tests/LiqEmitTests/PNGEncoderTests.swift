import LiqEmit
import Testing

@Suite struct PNGEncoderTests {
    /// Deterministic noise: a 32-bit LCG (Numerical Recipes constants), so the image is the same in every run.
    static func noise(count: Int, seed: UInt32) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 24)
        }
    }

    @Test(arguments: [(PNGEncoder.Layout.rgb, 3), (.rgba, 4)])
    func roundTripsEveryPixel(layout: PNGEncoder.Layout, bytesPerPixel: Int) throws {
        // Gradients (favour Sub/Up/Average/Paeth), a flat band (None/Up) and noise (none helps) in one picture.
        let width = 97
        let height = 61
        var pixels = Self.noise(count: width * height * bytesPerPixel, seed: 7)
        for y in 0..<40 {
            for x in 0..<width {
                for channel in 0..<bytesPerPixel {
                    pixels[(y * width + x) * bytesPerPixel + channel] =
                        y < 20 ? UInt8((x * 3 + y * 5 + channel * 40) & 0xFF) : 0x42
                }
            }
        }
        let png = try PNGEncoder.encode(pixels: pixels, width: width, height: height, layout: layout)
        let decoded = try PNGDecoder(png)
        #expect(decoded.chunks.map(\.type).first == "IHDR")
        #expect(decoded.chunks.map(\.type).last == "IEND")
        #expect(decoded.chunks.allSatisfy { $0.crcMatches })
        // IHDR: width, height, bit depth 8, colour type 2 (RGB) or 6 (RGBA), compression/filter/interlace 0.
        #expect(decoded.chunks[0].data == [0, 0, 0, 97, 0, 0, 0, 61, 8, layout == .rgb ? 2 : 6, 0, 0, 0])
        #expect(decoded.width == width && decoded.height == height && decoded.bytesPerPixel == bytesPerPixel)
        #expect(decoded.pixels == pixels)
    }

    @Test func largeOutputIsSplitIntoBoundedIDATChunks() throws {
        // 400 × 400 noise barely compresses: ~480 KB of deflate output must arrive as several IDAT chunks of at
        // most 64 KiB each, proving the encoder streams instead of building one giant buffer.
        let pixels = Self.noise(count: 400 * 400 * 3, seed: 99)
        let png = try PNGEncoder.encode(pixels: pixels, width: 400, height: 400, layout: .rgb)
        let decoded = try PNGDecoder(png)
        let idat = decoded.chunks.filter { $0.type == "IDAT" }
        #expect(idat.count > 5)
        #expect(idat.allSatisfy { $0.data.count <= 65_536 })
        #expect(decoded.chunks.allSatisfy { $0.crcMatches })
        #expect(decoded.pixels == pixels)
    }

    @Test func flatImageCompressesAndEncodesTheSameTwice() throws {
        let image = RGBImage(width: 300, height: 200, background: RGBColor(red: 10, green: 20, blue: 30))
        let first = try PNGEncoder.encode(image)
        #expect(first.count < 1_000)  // 180 000 raw bytes of one colour.
        #expect(try PNGEncoder.encode(image) == first)
        let decoded = try PNGDecoder(first)
        #expect(decoded.pixels == image.pixels)
    }

    @Test func singlePixel() throws {
        let png = try PNGEncoder.encode(pixels: [1, 2, 3, 4], width: 1, height: 1, layout: .rgba)
        #expect(try PNGDecoder(png).pixels == [1, 2, 3, 4])
    }
}
