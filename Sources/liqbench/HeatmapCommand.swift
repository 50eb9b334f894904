import Foundation
import LiqAnalytics
import LiqCore

/// `liqbench heatmap`: the heatmap stage at month scale — the realised heatmap of N liquidation events and the
/// estimated levels (central model and the three-mix ensemble) over a month of 1-minute bars — timed on one
/// thread, with peak memory.
struct HeatmapCommand {
    static let usage = "usage: liqbench heatmap [--events N] [--minutes M]"

    /// Liquidation events.
    var events = 1_000_000
    /// Bars of 1 minute: 43,200 is a 30-day month.
    var minutes = 43_200

    init?(options: ArraySlice<String>) {
        var options = options
        while let flag = options.popFirst() {
            guard let value = options.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
            switch flag {
            case "--events": events = value
            case "--minutes": minutes = value
            default: return nil
            }
        }
    }

    func run() {
        print("liqbench heatmap — \(Machine.describe()), single thread")
        let market = SyntheticMarket(minutes: minutes, events: events, seed: 7)
        // 500 bands: 20 bps of the latest price covers ±50 % around it, wider than a month's range.
        let reference = market.bars.last?.close ?? 1
        for bucket in ["1h", "5m"] {
            guard
                let grid = HeatmapGrid(
                    baseAsset: "BTC", bucket: BucketSize(bucket)!, width: .relativeBasisPoints(20),
                    referencePrice: reference)
            else { fatalError("no grid") }
            _ = ProcessMemory.resetPeak()
            let before = ProcessMemory.residentBytes() ?? 0
            let started = Self.now()
            let realized = try! RealizedHeatmap(events: market.liquidations, grid: grid)
            let realizedSeconds = Self.now() - started
            let series = [
                EstimatedVenueSeries(venue: .binanceUSDM, bars: market.bars, openInterest: market.openInterest)
            ]
            let modelStarted = Self.now()
            let estimated = try! EstimatedLevelsEnsemble.publishedMixes().run(series, grid: grid)
            let modelSeconds = Self.now() - modelStarted
            let peak = ProcessMemory.peakResidentBytes() ?? 0
            let cells = estimated.central.columns.reduce(0) { $0 + $1.levels.count }
            print(
                """
                bucket \(bucket): realised \(market.liquidations.count) events → \(realized.cells.count) cells in \
                \(Self.format(realizedSeconds)) s; estimated \(market.bars.count) bars × 3 mixes → \
                \(estimated.central.columns.count) columns, \(cells) cells in \(Self.format(modelSeconds)) s; \
                peak RSS \(peak >> 20) MiB (\((peak - before) >> 20) MiB above the input)
                """)
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}
