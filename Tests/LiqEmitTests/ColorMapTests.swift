import Testing

@testable import LiqEmit

@Suite struct ColorMapTests {
    @Test func endpointsAreViridisFirstAndLastEntries() {
        // matplotlib _viridis_data[0] = (0.267004, 0.004874, 0.329415) × 255 = (68.09, 1.24, 84.00) → (68, 1, 84);
        // [255] = (0.993248, 0.906157, 0.143936) × 255 = (253.28, 231.07, 36.70) → (253, 231, 37).
        #expect(ColorMap.color(at: 0) == RGBColor(red: 68, green: 1, blue: 84))
        #expect(ColorMap.color(at: 1) == RGBColor(red: 253, green: 231, blue: 37))
        // Entry 128 = (0.127568, 0.566949, 0.550556) × 255 = (32.53, 144.57, 140.39) → (33, 145, 140).
        #expect(ColorMap.color(at: 128.0 / 255) == RGBColor(red: 33, green: 145, blue: 140))
    }

    @Test func outOfRangeClamps() {
        #expect(ColorMap.color(at: -3) == ColorMap.color(at: 0))
        #expect(ColorMap.color(at: 7) == ColorMap.color(at: 1))
        #expect(ColorMap.color(at: .nan) == ColorMap.color(at: 0))
    }

    @Test func luminanceRisesAlongTheMap() {
        // Every 1/32 of the map is clearly brighter than the previous one.
        let coarse = (0...32).map { ColorMap.color(at: Double($0) / 32).luminance }
        for (lower, higher) in zip(coarse, coarse.dropFirst()) { #expect(lower < higher) }
        #expect(coarse[0] < 0.02 && coarse[32] > 0.75)
        // Between neighbouring 8-bit colours, rounding may trade one step of red for none of green: the dip is
        // then below one red step (0.2126 × ~1/255 × the sRGB slope ≈ 0.0004 here), never a visible reversal.
        let fine = (0...512).map { ColorMap.color(at: Double($0) / 512).luminance }
        for (lower, higher) in zip(fine, fine.dropFirst()) { #expect(higher > lower - 0.0005) }
        #expect(HeatmapRenderer.emptyCell.luminance < coarse[0])
    }

    @Test func hexIsLowerCaseSixDigits() {
        #expect(RGBColor(red: 253, green: 231, blue: 37).hex == "#fde725")
        #expect(RGBColor(red: 0, green: 10, blue: 255).hex == "#000aff")
    }
}
