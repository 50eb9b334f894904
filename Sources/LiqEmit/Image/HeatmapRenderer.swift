/// Draws a liquidation heatmap as an RGB raster: cells coloured by log10(USD) through viridis, the price path as
/// a white line over them, time and price axes, a title and a colour bar with its USD scale.
///
/// Pure and deterministic: the same input and size give the same pixels. Encode with `PNGEncoder`.
public struct HeatmapRenderer: Sendable {
    /// The dark figure background around the plot.
    public static let figureBackground = RGBColor(red: 17, green: 17, blue: 22)
    /// Empty cells: darker than viridis' darkest purple (68, 1, 84), so "no liquidations" never reads as "a few".
    public static let emptyCell = RGBColor(red: 8, green: 6, blue: 14)
    /// The price line: white stands apart from every viridis colour, including its yellow top.
    public static let priceLine = RGBColor(red: 255, green: 255, blue: 255)
    static let text = RGBColor(red: 220, green: 220, blue: 228)
    static let axis = RGBColor(red: 120, green: 120, blue: 132)

    /// Image size in pixels.
    public var width: Int
    public var height: Int

    /// A renderer for `width × height` pictures (at least 480 × 320 so the margins leave a plot).
    public init(width: Int = 1200, height: Int = 700) {
        precondition(width >= 480 && height >= 320, "heatmap pictures are at least 480 × 320 pixels")
        self.width = width
        self.height = height
    }

    /// The picture of `input`.
    public func render(_ input: HeatmapImageInput) -> RGBImage {
        let layout = HeatmapLayout(input: input, width: width, height: height)
        var image = RGBImage(width: width, height: height, background: Self.figureBackground)
        image.fill(x0: layout.plotLeft, y0: layout.plotTop, x1: layout.plotRight, y1: layout.plotBottom, Self.emptyCell)
        for (band, row) in input.valuesUSD.enumerated() {
            for (column, usd) in row.enumerated() where usd > 0 {
                let cell = layout.cellRect(band: band, column: column)
                let color = ColorMap.color(at: layout.colourFraction(usd))
                image.fill(x0: cell.x0, y0: cell.y0, x1: cell.x1, y1: cell.y1, color)
            }
        }
        drawPricePath(input.pricePath, layout: layout, into: &image)
        drawAxes(layout, into: &image)
        drawColourBar(layout, into: &image)
        BitmapFont.draw(
            input.title, into: &image, x: layout.plotLeft, y: 16, scale: HeatmapLayout.titleScale, color: Self.text)
        return image
    }

    /// Straight segments between consecutive points, 2 px wide, clipped to the plot area.
    private func drawPricePath(
        _ path: [HeatmapImageInput.PricePoint], layout: HeatmapLayout, into image: inout RGBImage
    ) {
        func plot(_ x: Double, _ y: Double) {
            let column = Int(x.rounded(.down))
            let row = Int(y.rounded(.down))
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                let px = column + dx
                let py = row + dy
                guard px >= layout.plotLeft && px < layout.plotRight && py >= layout.plotTop && py < layout.plotBottom
                else { continue }
                image.set(x: px, y: py, Self.priceLine)
            }
        }
        let points = path.filter { $0.price.isFinite }.map { (layout.x($0.timeMs), layout.y($0.price)) }
        if points.count == 1 { plot(points[0].0, points[0].1) }
        for (from, to) in zip(points, points.dropFirst()) {
            // Half-pixel steps along the longer axis leave no holes in steep segments.
            let steps = max(1, Int((max(abs(to.0 - from.0), abs(to.1 - from.1)) * 2).rounded(.up)))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                plot(from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t)
            }
        }
    }

    private func drawAxes(_ layout: HeatmapLayout, into image: inout RGBImage) {
        let left = layout.plotLeft
        let bottom = layout.plotBottom
        let scale = HeatmapLayout.labelScale
        let tick = HeatmapLayout.tickLength
        image.fill(x0: left - 1, y0: layout.plotTop, x1: left, y1: bottom + 1, Self.axis)
        image.fill(x0: left - 1, y0: bottom, x1: layout.plotRight, y1: bottom + 1, Self.axis)
        for mark in layout.timeTicks {
            let x = Int(mark.position.rounded())
            image.fill(x0: x, y0: bottom + 1, x1: x + 1, y1: bottom + 1 + tick, Self.axis)
            var textX = x - BitmapFont.width(of: mark.label, scale: scale) / 2
            textX = min(max(textX, 0), width - BitmapFont.width(of: mark.label, scale: scale))
            BitmapFont.draw(mark.label, into: &image, x: textX, y: bottom + tick + 6, scale: scale, color: Self.text)
            if let date = mark.secondLine {
                let dateX = max(0, x - BitmapFont.width(of: date, scale: scale) / 2)
                let dateY = bottom + tick + 10 + HeatmapLayout.labelHeight
                BitmapFont.draw(date, into: &image, x: dateX, y: dateY, scale: scale, color: Self.text)
            }
        }
        let timeLabel = "TIME (UTC)"
        BitmapFont.draw(
            timeLabel, into: &image, x: (left + layout.plotRight - BitmapFont.width(of: timeLabel, scale: scale)) / 2,
            y: height - 8 - HeatmapLayout.labelHeight, scale: scale, color: Self.text)
        for mark in layout.priceTicks {
            let y = Int(mark.position.rounded())
            image.fill(x0: left - 1 - tick, y0: y, x1: left - 1, y1: y + 1, Self.axis)
            let textX = left - 1 - tick - 6 - BitmapFont.width(of: mark.label, scale: scale)
            BitmapFont.draw(
                mark.label, into: &image, x: textX, y: y - HeatmapLayout.labelHeight / 2, scale: scale, color: Self.text
            )
        }
        let priceLabel = "PRICE (USD)"
        BitmapFont.draw(
            priceLabel, into: &image, x: 16,
            y: (layout.plotTop + bottom + BitmapFont.width(of: priceLabel, scale: scale)) / 2, scale: scale,
            color: Self.text, vertical: true)
    }

    /// A vertical strip through the colour map, bottom = `logLow`, top = `logHigh`, with decade ticks.
    private func drawColourBar(_ layout: HeatmapLayout, into image: inout RGBImage) {
        let scale = HeatmapLayout.labelScale
        let right = layout.barLeft + layout.barWidth
        for y in layout.plotTop..<layout.plotBottom {
            let fraction = Double(layout.plotBottom - 1 - y) / Double(layout.plotBottom - 1 - layout.plotTop)
            image.fill(x0: layout.barLeft, y0: y, x1: right, y1: y + 1, ColorMap.color(at: fraction))
        }
        for mark in layout.colourTicks {
            let y = min(layout.plotBottom - 1, Int(mark.position.rounded()))
            image.fill(x0: right, y0: y, x1: right + HeatmapLayout.tickLength, y1: y + 1, Self.axis)
            BitmapFont.draw(
                mark.label, into: &image, x: right + HeatmapLayout.tickLength + 6,
                y: y - HeatmapLayout.labelHeight / 2, scale: scale, color: Self.text)
        }
        BitmapFont.draw(
            "USD", into: &image, x: layout.barLeft, y: layout.plotTop - HeatmapLayout.labelHeight - 8, scale: scale,
            color: Self.text)
    }
}
