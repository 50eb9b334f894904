import Foundation

/// A per-minute gauge of self-excitation for one asset: the Hawkes branching ratio n̂ fitted on a trailing window,
/// and the current intensity over the baseline λ(t)/μ — how far above its exogenous rate the asset's liquidation
/// flow is running because of earlier liquidations (DOMAIN.md §5, analytics anchors §7.1 "rolling gauge").
///
/// Feed it COMPLETE liquidation tapes only (Bybit `allLiquidation`, OKX, Hyperliquid fills); the caller filters.
/// Binance's stream keeps at most one liquidation per symbol per second, which removes exactly the tight clusters
/// the estimate is made of: a simulated n = 0.70 with a 0.5 s kernel reads ≈ 0.0 after that sampling (§7.2).
/// Timestamps need sub-second resolution for second-scale kernels for the same reason.
///
/// Refitting the window every minute would cost a full MLE per minute; instead it is refitted every
/// `refitEveryMinutes`, warm-started from the previous fit (consecutive windows overlap almost entirely, so that
/// converges in a few steps), and the minutes between carry the last fit. λ(t)/μ is recomputed every minute.
public struct RollingBranchingRatio: Sendable, Equatable {
    /// Length of the trailing window, minutes.
    public var windowMinutes: Int
    /// Minutes between refits.
    public var refitEveryMinutes: Int
    /// Fewer events than this in the window give no estimate: the MLE of n is too noisy to read.
    public var minimumEvents: Int
    /// The fitter used on each window.
    public var estimator: HawkesEstimator

    public init(
        windowMinutes: Int = 360, refitEveryMinutes: Int = 15, minimumEvents: Int = 200,
        estimator: HawkesEstimator = HawkesEstimator()
    ) {
        precondition(windowMinutes > 0 && refitEveryMinutes > 0 && minimumEvents >= 2)
        self.windowMinutes = windowMinutes
        self.refitEveryMinutes = refitEveryMinutes
        self.minimumEvents = minimumEvents
        self.estimator = estimator
    }

    /// The gauge at the end of one minute.
    public struct Point: Sendable, Equatable {
        /// Start of the minute, UTC milliseconds.
        public var minuteMs: Int64
        /// n̂ of the latest fit, nil while the window held fewer than `minimumEvents`.
        public var branchingRatio: Double?
        /// λ/μ at the end of the minute under the latest fit (≥ 1), nil with the branching ratio.
        public var intensityOverBaseline: Double?
    }

    private static let minuteMs: Int64 = 60_000

    /// One point per minute in [`fromMinuteMs`, `toMinuteMs`) (minute-aligned UTC milliseconds), from one asset's
    /// liquidation times in UTC milliseconds (any order). The data are taken to start at `fromMinuteMs`, so the
    /// first windows are shorter than `windowMinutes`; earlier events are ignored.
    public func series(eventTimesMs: [Int64], fromMinuteMs: Int64, toMinuteMs: Int64) -> [Point] {
        precondition(
            fromMinuteMs % Self.minuteMs == 0 && toMinuteMs % Self.minuteMs == 0 && fromMinuteMs <= toMinuteMs,
            "the series runs over whole minutes")
        let times = eventTimesMs.filter { $0 >= fromMinuteMs && $0 < toMinuteMs }.sorted()
        let windowMs = Int64(windowMinutes) * Self.minuteMs
        var points: [Point] = []
        var current: HawkesFit?
        var previous: HawkesFit?
        for (index, minuteMs) in stride(from: fromMinuteMs, to: toMinuteMs, by: Int(Self.minuteMs)).enumerated() {
            let endMs = minuteMs + Self.minuteMs
            let windowStartMs = max(endMs - windowMs, fromMinuteMs)
            let window =
                Self.firstIndex(in: times, atOrAfter: windowStartMs)..<Self.firstIndex(in: times, atOrAfter: endMs)
            if index % refitEveryMinutes == 0 {
                current = nil
                if window.count >= minimumEvents {
                    let seconds = times[window].map { Double($0 - windowStartMs) / 1_000 }
                    current = estimator.fit(
                        eventTimes: seconds, horizon: Double(endMs - windowStartMs) / 1_000, warmStart: previous)
                    previous = current ?? previous
                }
            }
            points.append(
                Point(
                    minuteMs: minuteMs, branchingRatio: current?.branchingRatio,
                    intensityOverBaseline: current.map {
                        Self.intensityOverBaseline(fit: $0, eventTimesMs: times[window], atMs: endMs)
                    }))
        }
        return points
    }

    /// `λ(t)/μ = 1 + (α/μ)·Σ e^{−β(t − tᵢ)}` over events before `atMs`. Events older than 40 kernel lifetimes add
    /// less than e^{−40} each and are skipped, so a minute costs only the recent events.
    static func intensityOverBaseline(fit: HawkesFit, eventTimesMs: ArraySlice<Int64>, atMs: Int64) -> Double {
        let horizonMs = Int64(min(40 / fit.beta * 1_000, Double(Int64.max / 2)))
        let recent = eventTimesMs[firstIndex(in: eventTimesMs, atOrAfter: atMs - horizonMs)...]
        let excitation = recent.reduce(0.0) { sum, timeMs in
            timeMs < atMs ? sum + exp(-fit.beta * Double(atMs - timeMs) / 1_000) : sum
        }
        return 1 + fit.alpha / fit.mu * excitation
    }

    /// The first index of sorted `times` whose value is ≥ `bound` (binary search).
    private static func firstIndex<Times: RandomAccessCollection<Int64>>(
        in times: Times, atOrAfter bound: Int64
    ) -> Times.Index {
        var low = times.startIndex
        var high = times.endIndex
        while low < high {
            let middle = times.index(low, offsetBy: times.distance(from: low, to: high) / 2)
            if times[middle] < bound { low = times.index(after: middle) } else { high = middle }
        }
        return low
    }
}
