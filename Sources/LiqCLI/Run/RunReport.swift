import LiqAnalytics
import LiqCore
import LiqEmit

/// The outputs of one run, computed from what the pipeline collected: deduplicated records, coverage per venue
/// feed, the exit code, and the encoded files.
struct RunReport {
    var specName: String
    var heatmapSpec: HeatmapSpec
    var cascadeSpec: CascadeSpec
    var liquidations: [LiquidationEvent]
    var openInterest: [OpenInterestSample]
    var funding: [FundingSample]
    var markPrices: [MarkPriceSample]
    var priceBars: [PriceBar]
    var failures: [SourceFailure]
    var duplicateLiquidations: Int
    var coverage: [FeedCoverage]
    /// Incremental runs: each feed's freshness, for `snapshot.json`.
    var sources: (checkedAtMs: Int64, feeds: [SourceFreshness])?

    init(spec: PipelineSpec, result: IngestRun.Result) {
        specName = spec.name
        heatmapSpec = spec.heatmap
        cascadeSpec = spec.cascades
        let collected = result.collected
        liquidations = collected.liquidations.sorted(by: LiquidationTotals.canonicalOrder)
        duplicateLiquidations = collected.duplicateLiquidations
        // The same sample fetched twice (overlapping history pages) is one sample.
        var seenOI: Set<String> = []
        openInterest = collected.openInterest.filter { seenOI.insert(RecordKey.of($0)).inserted }
        var seenFunding: Set<String> = []
        funding = collected.funding.filter { seenFunding.insert(RecordKey.of($0)).inserted }
        var seenMarks: Set<String> = []
        markPrices = collected.markPrices.filter { seenMarks.insert(RecordKey.of($0)).inserted }
        var seenBars: Set<String> = []
        priceBars = collected.priceBars.filter { seenBars.insert(RecordKey.of($0)).inserted }
        failures = collected.failures.sorted { ($0.venue, $0.feed, $0.origin) < ($1.venue, $1.feed, $1.origin) }
        coverage = []
        for runtime in result.venues {
            for feed in runtime.spec.feeds.sorted() {
                let failed = failures.filter { $0.venue == runtime.spec.venue && $0.feed == feed }
                let status: FeedCoverage.Status
                if let first = failed.first {
                    let more = failed.count > 1 ? " (and \(failed.count - 1) more)" : ""
                    status = .failed(reason: first.message + more)
                } else if let reason = runtime.adapter.restUnavailability(of: feed),
                    feed != .liquidations || runtime.spec.captures.isEmpty
                {
                    // No REST source, and (for liquidations) no captures of the venue's stream either.
                    status = .unavailable(reason: reason)
                } else {
                    status = .covered(feed == .liquidations ? runtime.adapter.liquidationCompleteness : .complete)
                }
                coverage.append(FeedCoverage(venue: runtime.spec.venue, feed: feed, status: status))
            }
        }
    }

    /// The report's records as one batch (what a store merge takes).
    var records: NormalisedBatch {
        NormalisedBatch(
            liquidations: liquidations, openInterest: openInterest, funding: funding, markPrices: markPrices,
            priceBars: priceBars)
    }

    var recordCount: Int {
        liquidations.count + openInterest.count + funding.count + markPrices.count + priceBars.count
    }

    var exitCode: ExitCode {
        if failures.isEmpty { return .success }
        return recordCount > 0 ? .partial : .failure
    }

    /// The asset whose heatmaps are also written at the top of the output directory: BTC when the run has it,
    /// else the first asset by name (every asset's are under `heatmaps/<ASSET>/`).
    static func primaryAsset(_ assets: [String]) -> String? {
        assets.contains("BTC") ? "BTC" : assets.sorted().first
    }

    /// Output file name (relative to the output directory) → encoded bytes, in the order they are written.
    func files() throws -> [(name: String, bytes: [UInt8])] {
        let times =
            liquidations.map(\.timestampMs) + openInterest.map(\.timestampMs) + funding.map(\.timestampMs)
            + markPrices.map(\.timestampMs) + priceBars.map(\.bucketStartMs)
        let range = times.min().flatMap { low in times.max().map { low...$0 } }
        let signals = CascadeSignals(
            liquidations: liquidations, bars: priceBars, openInterest: openInterest, funding: funding,
            coverage: coverage, spec: cascadeSpec)
        let snapshot = SnapshotJSON.encode(
            SnapshotJSON.Input(
                specName: specName, liquidations: LiquidationTotals(events: liquidations),
                market: MarketSnapshot(openInterest: openInterest, funding: funding), coverage: coverage,
                dataRangeMs: range, cascades: signals.detection.states, sources: sources))
        var files: [(name: String, bytes: [UInt8])] = [
            ("liquidations.csv", LiquidationsCSV.encode(liquidations)),
            ("open_interest.csv", OpenInterestCSV.encode(openInterest)),
            ("funding.csv", FundingCSV.encode(funding)),
            ("mark_prices.csv", MarkPriceCSV.encode(markPrices)),
            ("price_bars.csv", PriceBarsCSV.encode(priceBars)),
            ("snapshot.json", snapshot),
            (SignalsCSV.fileName, SignalsCSV.encode(signals.detection)),
            (SignalsJSON.fileName, SignalsJSON.encode(signals.detection, panels: signals.panels)),
        ]
        files += signals.panels.map { (PanelCSV.fileName(asset: $0.baseAsset), PanelCSV.encode($0)) }
        let heatmaps = try AssetHeatmaps.build(
            liquidations: liquidations, bars: priceBars, openInterest: openInterest, spec: heatmapSpec)
        let primary = Self.primaryAsset(Array(heatmaps.keys))
        for asset in heatmaps.keys.sorted() {
            let assetFiles = try Self.heatmapFiles(heatmaps[asset]!, spec: heatmapSpec)
            files += assetFiles.map { ("heatmaps/\(asset)/\($0.name)", $0.bytes) }
            if asset == primary { files += assetFiles }
            files += try Self.pictures(heatmaps[asset]!)
        }
        return files
    }

    /// The heatmap files of one asset: realised (CSV, JSON, Grafana wide CSV, Plotly/TradingView JSON) and, when
    /// the run had price bars, the estimated levels, the liquidation map and the validation.
    static func heatmapFiles(_ heatmaps: AssetHeatmaps, spec: HeatmapSpec) throws -> [(name: String, bytes: [UInt8])] {
        let asset = heatmaps.grid.baseAsset
        var files: [(name: String, bytes: [UInt8])] = [
            (HeatmapRealizedCSV.fileName, HeatmapRealizedCSV.encode(heatmaps.realized)),
            (
                HeatmapRealizedJSON.fileName,
                HeatmapRealizedJSON.encode(
                    heatmaps.realized, bandWidth: spec.width(for: asset), referencePrice: heatmaps.referencePrice)
            ),
            (HeatmapWideCSV.fileName, try HeatmapWideCSV.encode(heatmaps.realized)),
            (HeatmapPlotlyJSON.fileName, try HeatmapPlotlyJSON.encode(heatmaps.realized)),
        ]
        if let estimated = heatmaps.estimated {
            files += [
                (EstimatedHeatmapCSV.fileName, EstimatedHeatmapCSV.encode(estimated)),
                (
                    EstimatedHeatmapJSON.fileName,
                    EstimatedHeatmapJSON.encode(estimated, ensemble: .publishedMixes(base: spec.model))
                ),
                (
                    EstimatedLiquidationMapCSV.fileName,
                    EstimatedLiquidationMapCSV.encode(estimated.central.liquidationMap)
                ),
            ]
        }
        if let validation = heatmaps.validation {
            files.append(
                (EstimatedValidationJSON.fileName, EstimatedValidationJSON.encode(validation, grid: heatmaps.grid)))
        }
        return files
    }
    /// The pictures of one asset, written at the top of the output directory whatever the primary asset:
    /// `heatmap_<ASSET>` shows the estimated levels (what traders know as a liquidation heatmap; the realised one
    /// when the run had no bars) and `heatmap_realized_<ASSET>` where liquidations happened, each as PNG and SVG.
    static func pictures(_ heatmaps: AssetHeatmaps) throws -> [(name: String, bytes: [UInt8])] {
        let asset = heatmaps.grid.baseAsset
        let path = heatmaps.pricePath.map { HeatmapImageInput.PricePoint(timeMs: $0.timeMs, price: $0.price) }
        var realised: [HeatmapCell: Double] = [:]
        for cell in heatmaps.realized.cells { realised[cell.cell] = cell.totalUSD }
        var pictures: [(name: String, input: HeatmapImageInput)] = []
        let realisedInput = HeatmapImageInput(
            title: "\(asset) realised liquidations, USD per \(heatmaps.grid.bucket)", grid: heatmaps.grid,
            valuesUSD: realised, pricePath: path)
        if let estimated = heatmaps.estimated {
            var levels: [HeatmapCell: Double] = [:]
            for column in estimated.central.columns {
                for level in column.levels {
                    levels[HeatmapCell(bucketStartMs: column.bucketStartMs, band: level.band)] =
                        level.longUSD + level.shortUSD
                }
            }
            if let input = HeatmapImageInput(
                title: "\(asset) estimated liquidation levels, USD", grid: heatmaps.grid, valuesUSD: levels,
                pricePath: path)
            {
                pictures.append(("heatmap_\(asset)", input))
            }
            if let realisedInput { pictures.append(("heatmap_realized_\(asset)", realisedInput)) }
        } else if let realisedInput {
            pictures.append(("heatmap_\(asset)", realisedInput))
        }
        var files: [(name: String, bytes: [UInt8])] = []
        for picture in pictures {
            files.append((picture.name + ".png", try PNGEncoder.encode(HeatmapRenderer().render(picture.input))))
            files.append((picture.name + ".svg", Array(HeatmapSVG().render(picture.input).utf8)))
        }
        return files
    }
}
