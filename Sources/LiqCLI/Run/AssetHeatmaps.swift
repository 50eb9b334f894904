import LiqAnalytics
import LiqCore

/// Every heatmap of one base asset, on one grid: realised liquidations, the estimated levels with their ensemble
/// spread, the validation of one against the other, and the price path the pictures draw.
struct AssetHeatmaps {
    var grid: HeatmapGrid
    /// The price the band width was resolved at (the asset's latest price in the run), USD.
    var referencePrice: Double
    var realized: RealizedHeatmap
    /// Nil when the run has no price bars of the asset (the model needs bars and open interest).
    var estimated: EstimatedEnsembleHeatmap?
    var validation: EstimatedLevelsValidation?
    /// Closing price per bar of one venue (the first with bars, in venue order), for the pictures.
    var pricePath: [(timeMs: Int64, price: Double)]

    /// The heatmaps of every base asset with liquidations or price bars, by asset name.
    static func build(
        liquidations: [LiquidationEvent], bars: [PriceBar], openInterest: [OpenInterestSample], spec: HeatmapSpec
    ) throws -> [String: AssetHeatmaps] {
        let assets = Set(liquidations.map(\.baseAsset)).union(bars.map(\.baseAsset)).sorted()
        var result: [String: AssetHeatmaps] = [:]
        for asset in assets {
            let assetBars = bars.filter { $0.baseAsset == asset }
                .sorted { ($0.venue, $0.symbol, $0.bucketStartMs) < ($1.venue, $1.symbol, $1.bucketStartMs) }
            let events = liquidations.filter { $0.baseAsset == asset }
            // The reference price of a relative band width: the asset's latest price in the run.
            let latestBar = assetBars.max { ($0.bucketStartMs, $1.venue) < ($1.bucketStartMs, $0.venue) }
            let latestEvent = events.max(by: LiquidationTotals.canonicalOrder)
            guard let referencePrice = latestBar?.close ?? latestEvent?.price,
                let grid = HeatmapGrid(
                    baseAsset: asset, bucket: spec.bucket, width: spec.width(for: asset), referencePrice: referencePrice
                )
            else { continue }
            let realized = try RealizedHeatmap(events: events, grid: grid)
            var heatmaps = AssetHeatmaps(
                grid: grid, referencePrice: referencePrice, realized: realized, estimated: nil, validation: nil,
                pricePath: pricePath(assetBars))
            if !assetBars.isEmpty {
                let series = Dictionary(grouping: assetBars) { InstrumentKey(venue: $0.venue, symbol: $0.symbol) }
                    .sorted { $0.key < $1.key }
                    .map { key, bars in
                        EstimatedVenueSeries(
                            venue: key.venue, bars: bars,
                            openInterest: openInterest.filter { $0.venue == key.venue && $0.symbol == key.symbol }
                                .sorted { $0.timestampMs < $1.timestampMs })
                    }
                let estimated = try EstimatedLevelsEnsemble.publishedMixes(base: spec.model).run(series, grid: grid)
                heatmaps.estimated = estimated
                heatmaps.validation = validation(realized: realized, estimated: estimated.central)
            }
            result[asset] = heatmaps
        }
        return result
    }

    /// Closes of the first venue (in venue order) that has bars of the asset, in time order.
    static func pricePath(_ bars: [PriceBar]) -> [(timeMs: Int64, price: Double)] {
        guard let first = bars.first else { return [] }
        return bars.filter { $0.venue == first.venue && $0.symbol == first.symbol }
            .map { ($0.bucketStartMs + $0.intervalMs, $0.close) }
    }

    /// Predicted clearing against realised liquidations, over the buckets the model ran.
    static func validation(realized: RealizedHeatmap, estimated: EstimatedHeatmap) -> EstimatedLevelsValidation {
        let modelled = Set(estimated.columns.map(\.bucketStartMs))
        var realised: [PositionSide: [HeatmapCell: Double]] = [.long: [:], .short: [:]]
        for cell in realized.cells where modelled.contains(cell.cell.bucketStartMs) {
            if cell.longUSD > 0 { realised[.long, default: [:]][cell.cell] = cell.longUSD }
            if cell.shortUSD > 0 { realised[.short, default: [:]][cell.cell] = cell.shortUSD }
        }
        return EstimatedLevelsValidation(predicted: estimated.predictedCleared, realised: realised)
    }
}
