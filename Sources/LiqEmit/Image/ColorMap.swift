/// The perceptually uniform "viridis" colour map (dark purple → blue → green → yellow), piecewise linear through
/// nine of its 256 entries.
///
/// Source: matplotlib `lib/matplotlib/_cm_listed.py`, `_viridis_data` (van der Walt, Smith & Firing, CC0),
/// entries 0, 32, 64, 96, 128, 160, 192, 224 and 255. Lightness rises monotonically along the map, so a brighter
/// cell always means more USD, also for colour-blind readers and in greyscale print.
public enum ColorMap {
    /// (position 0…1, red, green, blue in 0…1), positions = entry index / 255.
    static let viridis: [(position: Double, red: Double, green: Double, blue: Double)] = [
        (0 / 255, 0.267004, 0.004874, 0.329415),
        (32 / 255, 0.278826, 0.175490, 0.483397),
        (64 / 255, 0.229739, 0.322361, 0.545706),
        (96 / 255, 0.172719, 0.448791, 0.557885),
        (128 / 255, 0.127568, 0.566949, 0.550556),
        (160 / 255, 0.157851, 0.683765, 0.501686),
        (192 / 255, 0.369214, 0.788888, 0.382914),
        (224 / 255, 0.678489, 0.863742, 0.189503),
        (255 / 255, 0.993248, 0.906157, 0.143936),
    ]

    /// The colour at `fraction` (clamped to 0…1): 0 is the darkest, 1 the brightest.
    public static func color(at fraction: Double) -> RGBColor {
        let t = fraction.isNaN ? 0 : min(1, max(0, fraction))
        var upper = 1
        while upper < viridis.count - 1 && viridis[upper].position < t { upper += 1 }
        let low = viridis[upper - 1]
        let high = viridis[upper]
        let weight = (t - low.position) / (high.position - low.position)
        func channel(_ a: Double, _ b: Double) -> UInt8 { UInt8((255 * (a + (b - a) * weight)).rounded()) }
        return RGBColor(
            red: channel(low.red, high.red), green: channel(low.green, high.green), blue: channel(low.blue, high.blue))
    }

    /// The control points as SVG gradient stops: (offset 0…1, colour).
    static var stops: [(offset: Double, color: RGBColor)] { viridis.map { ($0.position, color(at: $0.position)) } }
}
