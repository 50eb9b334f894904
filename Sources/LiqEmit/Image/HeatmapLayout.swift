#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Where everything of a heatmap picture goes, shared by the PNG raster and the SVG so both show the same image.
///
/// Coordinates are image pixels from the top-left corner. Time runs left to right over
/// [first bucket start, last bucket end); price runs bottom to top over [first band edge, last band edge].
/// Colour follows log10(USD) from `logLow` (darkest) to `logHigh` (brightest); the range is at least one decade
/// and at most `decadesShown`, so a handful of dust-sized cells cannot wash out the large ones.
struct HeatmapLayout {
    /// Text sizes: tick labels are 5×7 glyphs scaled ×2 (12 px advance, 14 px high), the title ×3.
    static let labelScale = 2
    static let titleScale = 3
    static let labelHeight = BitmapFont.glyphHeight * labelScale
    static let decadesShown = 4.0
    static let tickLength = 6

    let input: HeatmapImageInput
    let width: Int
    let height: Int
    /// The cell area: [plotLeft, plotRight) × [plotTop, plotBottom).
    let plotLeft: Int
    let plotTop: Int
    let plotRight: Int
    let plotBottom: Int
    /// The colour bar: [barLeft, barLeft + barWidth) × [plotTop, plotBottom).
    let barLeft: Int
    let barWidth = 18
    let startMs: Int64
    let endMs: Int64
    let logLow: Double
    let logHigh: Double

    /// A tick mark: its position along the axis in pixels and its label (`secondLine` under it, for dates).
    struct Tick: Equatable {
        var position: Double
        var label: String
        var secondLine: String?
    }

    init(input: HeatmapImageInput, width: Int, height: Int) {
        self.input = input
        self.width = width
        self.height = height
        startMs = input.timesMs[0]
        endMs = input.timesMs[input.timesMs.count - 1] + input.bucketMs
        let positive = input.valuesUSD.flatMap { $0 }.filter { $0 > 0 }
        let high = positive.max().map { log10($0) } ?? 3
        let low = positive.min().map { max(log10($0), high - Self.decadesShown) } ?? high
        logHigh = high
        logLow = min(low, high - 1)
        plotTop = 56
        plotBottom = height - 92
        // The left margin fits the widest price label, the tick, and the vertical axis label.
        let priceLabels = Self.priceTickValues(
            low: input.bandEdges[0], high: input.bandEdges[input.bandEdges.count - 1], pixels: plotBottom - plotTop)
        let widestLabel = priceLabels.map { BitmapFont.width(of: $0.label, scale: Self.labelScale) }.max() ?? 0
        plotLeft = 16 + Self.labelHeight + 14 + widestLabel + 8 + Self.tickLength
        barLeft = width - 150
        plotRight = barLeft - 28
    }

    /// Horizontal pixel of a time in epoch milliseconds.
    func x(_ timeMs: Int64) -> Double {
        Double(plotLeft) + Double(timeMs - startMs) / Double(endMs - startMs) * Double(plotRight - plotLeft)
    }

    /// Vertical pixel of a price in USD.
    func y(_ price: Double) -> Double {
        let low = input.bandEdges[0]
        let high = input.bandEdges[input.bandEdges.count - 1]
        return Double(plotBottom) - (price - low) / (high - low) * Double(plotBottom - plotTop)
    }

    /// Position 0…1 on the colour map of a cell holding `usd` (> 0).
    func colourFraction(_ usd: Double) -> Double { (log10(usd) - logLow) / (logHigh - logLow) }

    /// Vertical pixel on the colour bar of log10(USD) = `decade`.
    func barY(_ decade: Double) -> Double {
        Double(plotBottom) - (decade - logLow) / (logHigh - logLow) * Double(plotBottom - plotTop)
    }

    /// The whole-pixel span [start, end) of column `column` and [top, bottom) of band `band`; neighbours share
    /// their boundaries, so cells tile the plot without gaps or overlaps.
    func cellRect(band: Int, column: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        let start = input.timesMs[column]
        return (
            Int(x(start).rounded()), Int(y(input.bandEdges[band + 1]).rounded()),
            Int(x(start + input.bucketMs).rounded()), Int(y(input.bandEdges[band]).rounded())
        )
    }
}
