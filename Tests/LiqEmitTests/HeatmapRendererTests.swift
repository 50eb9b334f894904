import Foundation
import Testing

@testable import LiqEmit

@Suite struct HeatmapRendererTests {
    static let startMs: Int64 = 1_760_126_400_000  // 2025-10-10T20:00:00Z

    /// 4 columns of 15 minutes × 3 bands of $10 between $100 and $130.
    static func smallInput(path: [HeatmapImageInput.PricePoint] = []) -> HeatmapImageInput {
        HeatmapImageInput(
            title: "test", timesMs: (0..<4).map { startMs + Int64($0) * 900_000 }, bucketMs: 900_000,
            bandEdges: [100, 110, 120, 130],
            valuesUSD: [[0, 1_000, 0, 0], [10_000_000, 0, 5_000, 0], [0, 0, 0, 100_000]], pricePath: path)
    }

    @Test func cellsTakeTheirColourAndEmptyCellsTheBackground() {
        let input = Self.smallInput()
        let image = HeatmapRenderer().render(input)
        let layout = HeatmapLayout(input: input, width: 1200, height: 700)
        let plotWidth = Double(layout.plotRight - layout.plotLeft)
        let plotHeight = Double(layout.plotBottom - layout.plotTop)
        // Cell centres computed from the plot rectangle alone: column c spans a quarter of the width, band b a
        // third of the height counted from the bottom.
        func centre(band: Int, column: Int) -> RGBColor {
            image.pixel(
                x: layout.plotLeft + Int((Double(column) + 0.5) * plotWidth / 4),
                y: layout.plotBottom - Int((Double(band) + 0.5) * plotHeight / 3))
        }
        // Largest value $10M → the top of the map; smallest $1K sits 4 decades lower → the bottom.
        #expect(centre(band: 1, column: 0) == RGBColor(red: 253, green: 231, blue: 37))
        #expect(centre(band: 0, column: 1) == RGBColor(red: 68, green: 1, blue: 84))
        // $100K: (5 − 3) / (7 − 3) = 0.5 of the way; $5K: (log10 5000 − 3) / 4 ≈ 0.1747.
        #expect(centre(band: 2, column: 3) == ColorMap.color(at: 0.5))
        #expect(centre(band: 1, column: 2) == ColorMap.color(at: (log10(5_000.0) - 3) / 4))
        for (band, column) in [(0, 0), (0, 2), (0, 3), (1, 1), (1, 3), (2, 0), (2, 1), (2, 2)] {
            #expect(centre(band: band, column: column) == HeatmapRenderer.emptyCell, "band \(band) column \(column)")
        }
        let brightest = centre(band: 1, column: 0).luminance
        #expect([centre(band: 0, column: 1), centre(band: 2, column: 3)].allSatisfy { $0.luminance < brightest })
    }

    @Test func pricePathIsDrawnInsideThePlotOnly() {
        // From $105 at the start to $125 at the end, then off the top of the scale to $200.
        let endMs = Self.startMs + 4 * 900_000
        let input = Self.smallInput(path: [
            .init(timeMs: Self.startMs, price: 105), .init(timeMs: endMs - 900_000, price: 120),
            .init(timeMs: endMs, price: 200),
        ])
        let image = HeatmapRenderer().render(input)
        let layout = HeatmapLayout(input: input, width: 1200, height: 700)
        // Halfway along the first segment: 22.5 minutes in, price 105 + 15 × 22.5/45 = 112.5.
        let x = Int(layout.x(Self.startMs + 1_350_000))
        let y = Int(layout.y(112.5))
        let near = (-1...1).flatMap { dx in (-1...1).map { dy in image.pixel(x: x + dx, y: y + dy) } }
        #expect(near.contains(HeatmapRenderer.priceLine))
        var outside = 0
        var inside = 0
        for row in 0..<image.height {
            for column in 0..<image.width where image.pixel(x: column, y: row) == HeatmapRenderer.priceLine {
                let inPlot =
                    column >= layout.plotLeft && column < layout.plotRight && row >= layout.plotTop
                    && row < layout.plotBottom
                if inPlot { inside += 1 } else { outside += 1 }
            }
        }
        #expect(outside == 0)
        // The first three columns lie wholly on the scale: at least one line pixel per pixel column there.
        #expect(inside >= (layout.plotRight - layout.plotLeft) * 3 / 4)
    }

    @Test func emptyGridDrawsAnEmptyPlotWithADefaultScale() {
        let input = HeatmapImageInput(
            title: "quiet", timesMs: [Self.startMs], bucketMs: 60_000, bandEdges: [10, 20], valuesUSD: [[0]],
            pricePath: [])
        let image = HeatmapRenderer(width: 480, height: 320).render(input)
        let layout = HeatmapLayout(input: input, width: 480, height: 320)
        for y in layout.plotTop..<layout.plotBottom {
            for x in layout.plotLeft..<layout.plotRight {
                if image.pixel(x: x, y: y) != HeatmapRenderer.emptyCell { Issue.record("pixel \(x),\(y)") }
            }
        }
        // No values: the bar shows $100–$1K rather than dividing by a zero-width range.
        #expect(layout.colourTicks.map(\.label) == ["$100", "$1K"])
    }

    @Test func sameInputSamePixelsAndBytes() throws {
        // A smaller picture keeps the debug-build test fast; the code path is the same.
        let renderer = HeatmapRenderer(width: 600, height: 400)
        let first = try PNGEncoder.encode(renderer.render(SampleHeatmap.input))
        let second = try PNGEncoder.encode(renderer.render(SampleHeatmap.input))
        #expect(first == second)
    }

    @Test func axesAndColourBarTicks() {
        let layout = HeatmapLayout(input: SampleHeatmap.input, width: 1200, height: 700)
        // 2 hours over ~880 px: 15-minute steps (8 labels ≤ room of 8), the date under the first only.
        #expect(
            layout.timeTicks.map(\.label) == [
                "20:00", "20:15", "20:30", "20:45", "21:00", "21:15", "21:30", "21:45", "22:00",
            ])
        #expect(layout.timeTicks.map(\.secondLine) == ["2025-10-10"] + Array(repeating: nil, count: 8))
        #expect(layout.timeTicks.first?.position == Double(layout.plotLeft))
        #expect(layout.timeTicks.last?.position == Double(layout.plotRight))
        // $100,000–$124,000 over 552 px: at most 13.8 ticks → 24,000 / 13.8 ≈ 1,739 → step 2,000.
        #expect(layout.priceTicks.map(\.label) == stride(from: 100, through: 124, by: 2).map { "\($0),000" })
        #expect(layout.colourTicks.map(\.label).allSatisfy { $0.hasPrefix("$") })
        #expect(layout.colourTicks.map(\.position) == layout.colourTicks.map(\.position).sorted(by: >))
    }

    @Test func dateIsRepeatedWhenTheDayChanges() {
        // 23:00 → 01:00 next day in 30-minute buckets.
        let start: Int64 = 1_760_137_200_000  // 2025-10-10T23:00:00Z
        let input = HeatmapImageInput(
            title: "midnight", timesMs: (0..<4).map { start + Int64($0) * 1_800_000 }, bucketMs: 1_800_000,
            bandEdges: [1, 2], valuesUSD: [[1, 0, 0, 0]], pricePath: [])
        let ticks = HeatmapLayout(input: input, width: 1200, height: 700).timeTicks
        #expect(
            ticks.map(\.label) == ["23:00", "23:15", "23:30", "23:45", "00:00", "00:15", "00:30", "00:45", "01:00"])
        #expect(ticks.compactMap(\.secondLine) == ["2025-10-10", "2025-10-11"])
        #expect(ticks[4].secondLine == "2025-10-11")
    }

    @Test(arguments: [
        (0, "$1"), (2, "$100"), (3, "$1K"), (4, "$10K"), (5, "$100K"), (6, "$1M"), (8, "$100M"), (9, "$1B"),
    ])
    func colourBarLabels(exponent: Int, label: String) {
        #expect(HeatmapLayout.usdPowerLabel(exponent) == label)
    }

    @Test func priceLabelsGroupThousandsAndShareTheirDecimals() {
        #expect(HeatmapLayout.groupedThousands("126000.5") == "126,000.5")
        #expect(HeatmapLayout.groupedThousands("-1234567") == "-1,234,567")
        #expect(HeatmapLayout.groupedThousands("999") == "999")
        let ticks = HeatmapLayout.priceTickValues(low: 0.5, high: 0.62, pixels: 200)
        // 0.12 / 5 = 0.024 → step 0.05 → 0.5, 0.55, 0.6.
        #expect(ticks.map(\.label) == ["0.50", "0.55", "0.60"])
        // 3 × 0.1 is 0.30000000000000004 in binary: the top edge still gets its tick.
        #expect(
            HeatmapLayout.priceTickValues(low: 0, high: 0.3, pixels: 120).map(\.label) == ["0.0", "0.1", "0.2", "0.3"])
    }

    @Test func fontDrawsLowerCaseAsCapitalsAndUnknownAsQuestionMark() {
        func drawn(_ text: String) -> RGBImage {
            var image = RGBImage(width: 40, height: 10, background: RGBColor(red: 0, green: 0, blue: 0))
            BitmapFont.draw(text, into: &image, x: 1, y: 1, scale: 1, color: RGBColor(red: 255, green: 255, blue: 255))
            return image
        }
        #expect(drawn("btc") == drawn("BTC"))
        #expect(drawn("€") == drawn("?"))
        #expect(drawn("1") != drawn("7"))
        #expect(BitmapFont.glyphs.values.allSatisfy { $0.count == 7 && $0.allSatisfy { $0 < 0x20 } })
        #expect(BitmapFont.width(of: "12:00", scale: 2) == (5 * 6 - 1) * 2)
    }

    @Test func writesTheSamplePictureWhenAsked() throws {
        // LIQPIPE_HEATMAP_SAMPLE=/tmp/heatmap-sample.png swift test --filter HeatmapRendererTests — to look at it.
        guard let path = ProcessInfo.processInfo.environment["LIQPIPE_HEATMAP_SAMPLE"] else { return }
        try AtomicFile.write(try PNGEncoder.encode(HeatmapRenderer().render(SampleHeatmap.input)), to: path)
        let svg = HeatmapSVG().render(SampleHeatmap.input)
        try AtomicFile.write(Array(svg.utf8), to: path.replacingOccurrences(of: ".png", with: ".svg"))
    }
}
