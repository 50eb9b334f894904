/// An 8-bit RGB raster, row-major from the top-left pixel, 3 bytes per pixel; what `PNGEncoder` writes.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height × 3` bytes: red, green, blue of each pixel, rows top to bottom.
    public private(set) var pixels: [UInt8]

    /// An image of `width × height` pixels, all `background`.
    public init(width: Int, height: Int, background: RGBColor) {
        precondition(width > 0 && height > 0, "an image has at least one pixel")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fill(x0: 0, y0: 0, x1: width, y1: height, background)
    }

    /// The colour at column `x`, row `y` (both inside the image).
    public func pixel(x: Int, y: Int) -> RGBColor {
        let offset = (y * width + x) * 3
        return RGBColor(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2])
    }

    /// Sets one pixel; coordinates outside the image are ignored, so shapes may run over the edges.
    public mutating func set(x: Int, y: Int, _ color: RGBColor) {
        guard x >= 0 && x < width && y >= 0 && y < height else { return }
        let offset = (y * width + x) * 3
        pixels[offset] = color.red
        pixels[offset + 1] = color.green
        pixels[offset + 2] = color.blue
    }

    /// Fills the half-open rectangle [x0, x1) × [y0, y1), clipped to the image.
    public mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int, _ color: RGBColor) {
        let left = max(0, x0)
        let right = min(width, x1)
        guard left < right else { return }
        for y in max(0, y0)..<max(max(0, y0), min(height, y1)) {
            for x in left..<right { set(x: x, y: y, color) }
        }
    }
}
