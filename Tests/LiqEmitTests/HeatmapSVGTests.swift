import Testing

@testable import LiqEmit

@Suite struct HeatmapSVGTests {
    @Test func wellFormedWithOneRectPerNonEmptyCell() throws {
        let input = SampleHeatmap.input
        let svg = HeatmapSVG().render(input)
        let names = try XMLCheck.elements(svg)
        #expect(names.first == "svg")
        let cells = input.valuesUSD.flatMap { $0 }.filter { $0 > 0 }.count
        // Between <g class="cells"> and its </g>, only cell rects.
        let cellGroup = svg.split(separator: "<g class=\"cells\"")[1].split(separator: "</g>")[0]
        #expect(cellGroup.components(separatedBy: "<rect ").count - 1 == cells)
        #expect(cells > 500)
        #expect(names.filter { $0 == "polyline" }.count == 1)
        // Nine time labels, one date, thirteen price labels, the colour-bar labels, axis titles, USD, the title.
        let layout = HeatmapLayout(input: input, width: 1200, height: 700)
        let expectedTexts = 9 + 1 + 13 + layout.colourTicks.count + 2 + 1 + 1
        #expect(names.filter { $0 == "text" }.count == expectedTexts)
        #expect(names.filter { $0 == "stop" }.count == 9)
    }

    @Test func polylineHasEveryPricePoint() throws {
        let input = SampleHeatmap.input
        let svg = HeatmapSVG().render(input)
        let points = svg.split(separator: "points=\"")[1].split(separator: "\"")[0].split(separator: " ")
        #expect(points.count == input.pricePath.count)
        // The first point is the plot's left edge; coordinates carry at most one decimal.
        let layout = HeatmapLayout(input: input, width: 1200, height: 700)
        #expect(points[0].hasPrefix("\(layout.plotLeft),"))
        #expect(points.allSatisfy { $0.split(separator: ",").allSatisfy { !$0.contains("e") && Double($0) != nil } })
        #expect(
            points.allSatisfy { point in
                point.split(separator: ",").allSatisfy { ($0.split(separator: ".").dropFirst().first?.count ?? 0) <= 1 }
            })
    }

    @Test func cellsMatchTheRasterColours() throws {
        let input = HeatmapRendererTests.smallInput()
        let svg = HeatmapSVG().render(input)
        let layout = HeatmapLayout(input: input, width: 1200, height: 700)
        let largest = layout.cellRect(band: 1, column: 0)
        // Same whole-pixel rectangle and the same viridis top colour as the PNG.
        #expect(
            svg.contains(
                "<rect x=\"\(largest.x0)\" y=\"\(largest.y0)\" width=\"\(largest.x1 - largest.x0)\" "
                    + "height=\"\(largest.y1 - largest.y0)\" fill=\"#fde725\"/>"))
        #expect(svg.contains("fill=\"\(HeatmapRenderer.emptyCell.hex)\""))
    }

    @Test func titleIsEscaped() throws {
        let small = HeatmapRendererTests.smallInput()
        let input = HeatmapImageInput(
            title: "BTC & ETH <\"cascade\">", timesMs: small.timesMs, bucketMs: small.bucketMs,
            bandEdges: small.bandEdges, valuesUSD: small.valuesUSD, pricePath: [])
        let svg = HeatmapSVG().render(input)
        _ = try XMLCheck.elements(svg)
        #expect(svg.contains("<title>BTC &amp; ETH &lt;&quot;cascade&quot;&gt;</title>"))
    }

    @Test func checkerRejectsBrokenDocuments() {
        #expect(throws: XMLCheck.Failure.self) { try XMLCheck.elements("<svg><g></svg></g>") }
        #expect(throws: XMLCheck.Failure.self) { try XMLCheck.elements("<svg><text>a & b</text></svg>") }
        #expect(throws: XMLCheck.Failure.self) { try XMLCheck.elements("<svg width=3></svg>") }
        #expect(throws: XMLCheck.Failure.self) { try XMLCheck.elements("<svg>") }
    }

    @Test func sameInputSameText() {
        #expect(HeatmapSVG().render(SampleHeatmap.input) == HeatmapSVG().render(SampleHeatmap.input))
    }
}
