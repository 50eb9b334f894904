import LiqAnalytics
import LiqCore

/// The indicator stage of a run: a minute panel per base asset, the rolling Hawkes branching ratio from complete
/// feeds, and the cascade detector over them.
struct CascadeSignals {
    var panels: [MarketPanel]
    var detection: CascadeDetection

    init(
        liquidations: [LiquidationEvent], bars: [PriceBar], openInterest: [OpenInterestSample],
        funding: [FundingSample],
        coverage: [FeedCoverage], spec: CascadeSpec
    ) {
        panels = MarketPanel.build(
            liquidations: liquidations, bars: bars.filter { $0.intervalMs == 60_000 }, openInterest: openInterest,
            funding: funding, coverage: coverage, config: spec.panel)
        let rolling = RollingBranchingRatio(
            windowMinutes: spec.hawkesWindowMinutes, refitEveryMinutes: spec.hawkesRefitEveryMinutes,
            minimumEvents: spec.hawkesMinimumEvents)
        var ratios: [String: [Int64: Double]] = [:]
        for panel in panels {
            // Complete feeds only: a sampled stream (Binance, ≤ 1 event per symbol per second) erases the clustering
            // the estimator measures and drives n̂ towards 0 (DOMAIN.md §5).
            let times = liquidations.filter { $0.baseAsset == panel.baseAsset && $0.completeness == .complete }
                .map(\.timestampMs)
            guard let first = panel.rows.first?.minuteMs, let last = panel.rows.last?.minuteMs, !times.isEmpty
            else { continue }
            var byMinute: [Int64: Double] = [:]
            for point in rolling.series(eventTimesMs: times, fromMinuteMs: first, toMinuteMs: last) {
                if let ratio = point.branchingRatio { byMinute[point.minuteMs] = ratio }
            }
            ratios[panel.baseAsset] = byMinute
        }
        detection = CascadeDetector(config: spec.detector).detect(panels: panels, branchingRatios: ratios)
    }
}
