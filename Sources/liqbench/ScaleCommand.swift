import Foundation
import LiqAnalytics
import LiqCore

/// `liqbench scale`: the realised heatmap, the estimated heatmap (central model and the p10/p90 ensemble) and the
/// cascade detector (minute panel, rolling Hawkes branching ratio on the complete feed, detector) over 1×, 10× and
/// 100× the same synthetic market, each factor in a fresh process so its peak RSS is its own. Per factor: wall and
/// CPU time per stage, time per input record, and peak RSS against what the inputs alone hold, with ratios to the
/// smallest factor so linear cost (time ratio ≈ factor) and memory growth read off directly.
struct ScaleCommand {
    static let usage =
        "usage: liqbench scale [--base-minutes M] [--per-minute L] [--factors 1,10,100] [--random-walk]"

    /// Minutes of 1-minute bars at factor 1 (default a day).
    var baseMinutes = 1440
    /// Liquidations per minute, the same at every factor (default 10).
    var perMinute = 10
    var factors = [1, 10, 100]
    /// By default the price reverts to its level (half-life about a day), so every factor spans the same price range
    /// and the figures show cost per record; `--random-walk` lets the range widen with time, as a trending market's
    /// does, which also grows the estimated model's book of open levels.
    var randomWalk = false
    /// Set in the child process: measure this factor only and print its `@` line.
    var only: Int?

    init?(options: ArraySlice<String>) {
        var options = options
        while let flag = options.popFirst() {
            if flag == "--random-walk" {
                randomWalk = true
                continue
            }
            guard let value = options.popFirst() else { return nil }
            switch flag {
            case "--factors":
                guard let list = ChildRun.integers(value) else { return nil }
                factors = list
            case "--base-minutes", "--per-minute", "--one":
                guard let number = Int(value), number > 0 else { return nil }
                if flag == "--base-minutes" { baseMinutes = number }
                if flag == "--per-minute" { perMinute = number }
                if flag == "--one" { only = number }
            default: return nil
            }
        }
    }

    func run() {
        if let only {
            measure(factor: only)
            return
        }
        print("liqbench scale — \(Machine.describe()), single thread, one process per factor")
        print(
            (randomWalk ? "random-walk price; " : "mean-reverting price (half-life ≈ 1 day); ")
                + "factor 1 = \(baseMinutes) one-minute bars, \(baseMinutes * perMinute) liquidations (half OKX complete), "
                + "open interest every 5 min, funding every 8 h; heatmaps at 1h buckets, 20 bps bands\n")
        var rows: [[Double]] = []
        for factor in factors {
            let figures = ChildRun.run(
                [
                    "scale", "--one", "\(factor)", "--base-minutes", "\(baseMinutes)", "--per-minute", "\(perMinute)",
                ] + (randomWalk ? ["--random-walk"] : []))
            rows.append(figures.map { Double($0) ?? .nan })
        }
        summarise(rows)
    }

    /// Child: builds the factor's market, then times each stage on it.
    private func measure(factor: Int) {
        let market = ScaledMarket(
            minutes: baseMinutes * factor, liquidationsPerMinute: perMinute, seed: 7,
            meanReversion: randomWalk ? 0 : 0.0005)
        let inputBytes = ProcessMemory.residentBytes() ?? 0
        let reference = market.bars.last?.close ?? 1
        guard
            let grid = HeatmapGrid(
                baseAsset: "BTC", bucket: BucketSize("1h")!, width: .relativeBasisPoints(20), referencePrice: reference)
        else { ChildRun.fail("no grid") }
        let realised = time {
            let heatmap = try! RealizedHeatmap(events: market.liquidations, grid: grid)
            return heatmap.cells.count
        }
        let estimated = time {
            let series = [
                EstimatedVenueSeries(venue: .binanceUSDM, bars: market.bars, openInterest: market.openInterest)
            ]
            let ensemble = try! EstimatedLevelsEnsemble.publishedMixes().run(series, grid: grid)
            return ensemble.central.columns.reduce(0) { $0 + $1.levels.count }
        }
        let cascade = time { cascadeSignals(market) }
        let peak = ProcessMemory.peakResidentBytes() ?? 0
        print(
            """
            ×\(factor): \(market.bars.count) bars, \(market.liquidations.count) liquidations, \(market.records) \
            records; realised \(realised.output) cells in \(format(realised.wall)) s, estimated \(estimated.output) \
            cells (\(estimated.output / max(1, market.bars.count / 60)) bands per hourly column) in \
            \(format(estimated.wall)) s, cascade \(cascade.output) transitions in \(format(cascade.wall)) s; \
            peak RSS \(peak >> 20) MiB, inputs \(inputBytes >> 20) MiB
            """)
        ChildRun.report(
            [
                factor, market.records, market.liquidations.count, market.bars.count, realised.wall, realised.cpu,
                estimated.wall, estimated.cpu, cascade.wall, cascade.cpu, peak, inputBytes,
            ].map { "\($0)" })
    }

    /// What `liqpipe run` does for its cascade outputs (LiqCLI's `CascadeSignals`, with `CascadeSpec`'s defaults):
    /// panels per asset, the rolling branching ratio from the complete feeds only, then the detector. Returns the
    /// number of state transitions, so the work cannot be optimised away.
    private func cascadeSignals(_ market: ScaledMarket) -> Int {
        let panels = MarketPanel.build(
            liquidations: market.liquidations, bars: market.bars, openInterest: market.openInterest,
            funding: market.funding, coverage: market.coverage, config: MarketPanelConfig())
        let rolling = RollingBranchingRatio(windowMinutes: 360, refitEveryMinutes: 15, minimumEvents: 200)
        var ratios: [String: [Int64: Double]] = [:]
        for panel in panels {
            let times = market.liquidations.filter { $0.baseAsset == panel.baseAsset && $0.completeness == .complete }
                .map(\.timestampMs)
            guard let first = panel.rows.first?.minuteMs, let last = panel.rows.last?.minuteMs, !times.isEmpty
            else { continue }
            var byMinute: [Int64: Double] = [:]
            for point in rolling.series(eventTimesMs: times, fromMinuteMs: first, toMinuteMs: last) {
                if let ratio = point.branchingRatio { byMinute[point.minuteMs] = ratio }
            }
            ratios[panel.baseAsset] = byMinute
        }
        return CascadeDetector(config: CascadeDetectorConfig()).detect(panels: panels, branchingRatios: ratios)
            .transitions.count
    }

    private func time(_ body: () -> Int) -> (output: Int, wall: Double, cpu: Double) {
        let (wall, cpu) = (BenchClock.wall(), BenchClock.threadCPU())
        let output = body()
        return (output, BenchClock.wall() - wall, BenchClock.threadCPU() - cpu)
    }

    /// The table over factors: CPU seconds and ns per input record per stage, then peak RSS, each with its ratio
    /// to the first factor.
    private func summarise(_ rows: [[Double]]) {
        guard let first = rows.first else { return }
        print(
            "\nfactor  records   realised CPU s (×)   ns/liq   estimated CPU s (×)   ns/bar   cascade CPU s (×)  "
                + " ns/record   peak RSS MiB (×)   inputs MiB")
        for row in rows {
            func stage(_ cpu: Int, _ per: Int) -> String {
                let seconds = row[cpu]
                return String(
                    format: "%9.3f (%6.1f×) %8.0f", seconds, seconds / first[cpu], seconds * 1e9 / row[per])
            }
            print(
                String(format: "%5.0f× %9.0f ", row[0], row[1]) + stage(5, 2) + "     " + stage(7, 3) + "    "
                    + stage(9, 1) + "   "
                    + String(
                        format: "%8.0f (%5.2f×) %10.0f", row[10] / 1_048_576, row[10] / first[10],
                        row[11] / 1_048_576))
        }
    }

    private func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
