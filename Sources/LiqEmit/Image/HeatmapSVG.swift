/// The heatmap picture of `HeatmapRenderer` as SVG text: same layout, same colours, but scalable, with real text
/// and one `<rect>` per non-empty cell.
///
/// Deterministic: the same input gives byte-identical text. Coordinates are pixels of a `width × height` view box,
/// printed with at most one decimal and no exponents; cells snap to whole pixels exactly as in the raster.
public struct HeatmapSVG: Sendable {
    /// View box size in pixels.
    public var width: Int
    public var height: Int

    /// An SVG writer for `width × height` pictures (at least 480 × 320, as for the raster).
    public init(width: Int = 1200, height: Int = 700) {
        precondition(width >= 480 && height >= 320, "heatmap pictures are at least 480 × 320 pixels")
        self.width = width
        self.height = height
    }

    /// The SVG document of `input`, UTF-8, ending in a newline.
    public func render(_ input: HeatmapImageInput) -> String {
        let layout = HeatmapLayout(input: input, width: width, height: height)
        let plotWidth = layout.plotRight - layout.plotLeft
        let plotHeight = layout.plotBottom - layout.plotTop
        let textColour = "#dcdce4"
        let axisColour = "#787884"
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="monospace" font-size="14" fill="\(textColour)">

            """
        svg += "<title>\(Self.escaped(input.title))</title>\n<defs>\n"
        svg += "<clipPath id=\"plot\"><rect x=\"\(layout.plotLeft)\" y=\"\(layout.plotTop)\" "
        svg += "width=\"\(plotWidth)\" height=\"\(plotHeight)\"/></clipPath>\n"
        svg += "<linearGradient id=\"colour-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n"
        for stop in ColorMap.stops {
            svg += "<stop offset=\"\(Self.number(stop.offset, digits: 4))\" stop-color=\"\(stop.color.hex)\"/>\n"
        }
        svg += "</linearGradient>\n</defs>\n"
        svg += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(HeatmapRenderer.figureBackground.hex)\"/>\n"
        svg += "<rect x=\"\(layout.plotLeft)\" y=\"\(layout.plotTop)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" "
        svg += "fill=\"\(HeatmapRenderer.emptyCell.hex)\"/>\n"

        svg += "<g class=\"cells\" shape-rendering=\"crispEdges\">\n"
        for (band, row) in input.valuesUSD.enumerated() {
            for (column, usd) in row.enumerated() where usd > 0 {
                let cell = layout.cellRect(band: band, column: column)
                let fill = ColorMap.color(at: layout.colourFraction(usd)).hex
                svg += "<rect x=\"\(cell.x0)\" y=\"\(cell.y0)\" width=\"\(cell.x1 - cell.x0)\" "
                svg += "height=\"\(cell.y1 - cell.y0)\" fill=\"\(fill)\"/>\n"
            }
        }
        svg += "</g>\n"

        let points = input.pricePath.filter { $0.price.isFinite }.map {
            Self.number(layout.x($0.timeMs)) + "," + Self.number(layout.y($0.price))
        }
        if !points.isEmpty {
            svg += "<polyline class=\"price\" clip-path=\"url(#plot)\" fill=\"none\" "
            svg += "stroke=\"\(HeatmapRenderer.priceLine.hex)\" stroke-width=\"2\" stroke-linejoin=\"round\" "
            svg += "points=\"\(points.joined(separator: " "))\"/>\n"
        }

        svg += axes(layout, axisColour: axisColour)
        svg += colourBar(layout, axisColour: axisColour)
        svg += "<text x=\"\(layout.plotLeft)\" y=\"36\" font-size=\"22\">\(Self.escaped(input.title))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    private func axes(_ layout: HeatmapLayout, axisColour: String) -> String {
        let left = layout.plotLeft
        let bottom = layout.plotBottom
        let tick = HeatmapLayout.tickLength
        var svg = "<g class=\"axes\" stroke=\"\(axisColour)\" shape-rendering=\"crispEdges\">\n"
        svg += "<path fill=\"none\" d=\"M\(left) \(layout.plotTop)V\(bottom)H\(layout.plotRight)\"/>\n"
        for mark in layout.timeTicks {
            svg += "<path d=\"M\(Self.number(mark.position)) \(bottom)v\(tick)\"/>\n"
        }
        for mark in layout.priceTicks {
            svg += "<path d=\"M\(left - tick) \(Self.number(mark.position))h\(tick)\"/>\n"
        }
        svg += "</g>\n<g class=\"time-labels\" text-anchor=\"middle\">\n"
        for mark in layout.timeTicks {
            let x = Self.number(mark.position)
            svg += "<text x=\"\(x)\" y=\"\(bottom + tick + 18)\">\(mark.label)</text>\n"
            if let date = mark.secondLine { svg += "<text x=\"\(x)\" y=\"\(bottom + tick + 38)\">\(date)</text>\n" }
        }
        svg += "</g>\n<g class=\"price-labels\" text-anchor=\"end\">\n"
        for mark in layout.priceTicks {
            svg += "<text x=\"\(left - tick - 6)\" y=\"\(Self.number(mark.position + 5))\">\(mark.label)</text>\n"
        }
        svg += "</g>\n"
        let centreX = (left + layout.plotRight) / 2
        svg += "<text x=\"\(centreX)\" y=\"\(height - 12)\" text-anchor=\"middle\">Time (UTC)</text>\n"
        let centreY = (layout.plotTop + bottom) / 2
        svg += "<text x=\"30\" y=\"\(centreY)\" text-anchor=\"middle\" transform=\"rotate(-90 30 \(centreY))\">"
        svg += "Price (USD)</text>\n"
        return svg
    }

    private func colourBar(_ layout: HeatmapLayout, axisColour: String) -> String {
        let right = layout.barLeft + layout.barWidth
        var svg = "<g class=\"colour-bar\">\n"
        svg += "<rect x=\"\(layout.barLeft)\" y=\"\(layout.plotTop)\" width=\"\(layout.barWidth)\" "
        svg += "height=\"\(layout.plotBottom - layout.plotTop)\" fill=\"url(#colour-scale)\"/>\n"
        for mark in layout.colourTicks {
            let y = Self.number(mark.position)
            svg += "<path stroke=\"\(axisColour)\" d=\"M\(right) \(y)h\(HeatmapLayout.tickLength)\"/>\n"
            let textX = right + HeatmapLayout.tickLength + 6
            svg += "<text x=\"\(textX)\" y=\"\(Self.number(mark.position + 5))\">\(mark.label)</text>\n"
        }
        svg += "<text x=\"\(layout.barLeft)\" y=\"\(layout.plotTop - 12)\">USD</text>\n</g>\n"
        return svg
    }

    /// At most `digits` decimals, no trailing zeros, no exponent: 12.0 → `12`, 3.14159 → `3.1`.
    static func number(_ value: Double, digits: Int = 1) -> String { NumberFormat.plain(value, fractionDigits: digits) }

    /// Text safe inside an element or an attribute.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
