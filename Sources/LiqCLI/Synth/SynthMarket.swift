import Foundation
import LiqAnalytics
import LiqCore

/// The simulated market of one asset over the day: minute bars, open interest, funding and every liquidation
/// (market-wide, before it is split across venues), plus the cascade's ground truth.
///
/// Model (all times in seconds from the start of the day):
/// - liquidations arrive as a calm Poisson stream (`calmRate`) plus, from the onset, a Hawkes burst
///   (`burstMu`, branching ratio `burstBranching`, memory `1/burstBeta`) whose events are kept with probability
///   `envelope(t)`, a gamma-shaped curve that peaks `peakDelay` after the onset: the burst rises, peaks, decays;
/// - USD sizes are log-normal; calm events are long or short with equal odds, burst events are 92% long;
/// - the log price follows a random walk plus an impact proportional to each liquidated notional (longs push it
///   down, shorts up), scaled so the burst moves it by `cascadeDepth`; an hour after the onset it recovers part
///   of the drop;
/// - open interest drifts up and is flushed in proportion to the burst's liquidated notional (`oiFlush` in all);
/// - the running funding rate is high before the cascade (crowded longs), falls below zero with the flush, then
///   creeps back.
struct SynthMarket: Sendable {
    /// One liquidation: time (ms), the liquidated position's side, base quantity and the market price then.
    struct Liquidation: Sendable {
        var timeMs: Int64
        var isLong: Bool
        var quantity: Double
        var price: Double
        /// A uniform draw in [0, 1) that decides the venue, drawn with the event so venues never share a stream.
        var venueDraw: Double
    }

    /// Minute bar (open, high, low, close).
    struct Bar: Sendable {
        var open: Double
        var high: Double
        var low: Double
        var close: Double
    }

    /// Ground truth of the cascade (ms).
    struct Truth: Sendable {
        var onsetMs: Int64
        var peakMs: Int64
        var exhaustionMs: Int64
    }

    static let calmRate = 0.02  // liquidations per second (1.2 per minute), market-wide
    static let burstMu = 0.45  // immigrants per second before the envelope
    static let burstBranching = 0.7
    static let burstBeta = 0.1  // per second: 10 s memory
    static let peakDelay = 25.0 * 60  // seconds after the onset
    static let burstHorizon = 90.0 * 60  // seconds simulated after the onset
    static let cascadeDepth = 0.08
    /// Share of the peak rate the burst starts at (see `envelope`).
    static let onsetFloor = 0.35
    /// Early liquidations hit books that are being pulled: their impact is up to `1 + earlyImpactBoost` times
    /// the average, fading with `earlyImpactSeconds` (the total drop stays `cascadeDepth`).
    static let earlyImpactBoost = 12.0
    static let earlyImpactSeconds = 240.0
    static let oiFlush = 0.25
    /// Running funding per 8 h before the cascade: longs crowded (3× the 0.01% neutral rate) ...
    static let crowdedFunding = 0.0003
    /// ... falling with the flush to this much below zero once it is complete (shorts paying).
    static let flushedFunding = 0.0001
    static let secondVolatility = 0.00008  // log-price σ per second
    static let calmMedianUSD = 6_000.0
    static let burstMedianUSD = 18_000.0
    static let sizeSigma = 1.2

    let asset: SynthAsset
    let startMs: Int64
    let minutes: Int
    private(set) var bars: [Bar] = []
    /// Open interest at each minute's start (base units, one venue's scale).
    private(set) var openInterest: [Double] = []
    /// Running funding rate at each minute.
    private(set) var funding: [Double] = []
    private(set) var liquidations: [Liquidation] = []
    private(set) var truth: Truth?
    /// Price at each second of the day.
    private var secondPrices: [Double] = []

    init(asset: SynthAsset, startMs: Int64, minutes: Int, onsetSecond: Int?, seed: UInt64) {
        self.asset = asset
        self.startMs = startMs
        self.minutes = minutes
        var random = SplitMix64(seed: seed)
        let seconds = minutes * 60
        // Arrivals: calm Poisson + the enveloped Hawkes burst, as (second offset, is burst).
        var arrivals = HawkesProcess(mu: Self.calmRate, alpha: 0, beta: 1)
            .simulate(horizon: Double(seconds), using: &random).map { ($0, false) }
        if let onsetSecond {
            let burst = HawkesProcess(
                mu: Self.burstMu, alpha: Self.burstBranching * Self.burstBeta, beta: Self.burstBeta)
            for time in burst.simulate(horizon: Self.burstHorizon, using: &random)
            where Double.random(in: 0..<1, using: &random) < Self.envelope(time) {
                let at = Double(onsetSecond) + time
                if at < Double(seconds) { arrivals.append((at, true)) }
            }
            arrivals.sort { $0.0 < $1.0 }
        }
        // Sizes and sides first: the impact scale depends on the burst's total.
        var drafts: [(time: Double, isLong: Bool, usd: Double, burst: Bool, venue: Double)] = []
        for (time, burst) in arrivals {
            let isLong = Double.random(in: 0..<1, using: &random) < (burst ? 0.92 : 0.5)
            let median = burst ? Self.burstMedianUSD : Self.calmMedianUSD
            let usd = median * exp(Self.sizeSigma * Self.gaussian(&random))
            drafts.append((time, isLong, usd, burst, Double.random(in: 0..<1, using: &random)))
        }
        // Impact weight of a liquidation at `time`: front-loaded (see `earlyImpactBoost`), normalised below so the
        // burst's net longs still move the price by exactly `cascadeDepth`.
        func weight(_ time: Double) -> Double {
            guard let onsetSecond else { return 1 }
            let since = max(0, time - Double(onsetSecond))
            return 1 + Self.earlyImpactBoost * exp(-since / Self.earlyImpactSeconds)
        }
        let burstNet = drafts.filter(\.burst).reduce(0.0) { $0 + ($1.isLong ? $1.usd : -$1.usd) * weight($1.time) }
        let impactPerUSD = burstNet > 0 ? Self.cascadeDepth / burstNet : 0
        let burstTotal = drafts.filter(\.burst).reduce(0.0) { $0 + $1.usd }
        // Per-second path: random walk + impact of the second's liquidations + recovery after the burst.
        var impact = [Double](repeating: 0, count: seconds)
        var flushed = [Double](repeating: 0, count: seconds)
        for draft in drafts {
            let second = min(seconds - 1, Int(draft.time))
            impact[second] += (draft.isLong ? -1 : 1) * draft.usd * impactPerUSD * weight(draft.time)
            if draft.burst { flushed[second] += draft.usd / burstTotal }
        }
        var logPrice = log(asset.startPrice)
        var flushedSoFar = 0.0
        var oiFlushShares = [Double](repeating: 0, count: minutes)
        secondPrices.reserveCapacity(seconds)
        for second in 0..<seconds {
            var drift = 0.0
            if let onsetSecond, second >= onsetSecond + 3_600, second < onsetSecond + 3_600 + 7_200 {
                drift = Self.cascadeDepth * 0.4 / 7_200  // recovers 40% of the drop over two hours
            }
            logPrice += drift + Self.secondVolatility * Self.gaussian(&random) + impact[second]
            secondPrices.append(exp(logPrice))
            flushedSoFar += flushed[second]
            if second % 60 == 59 { oiFlushShares[second / 60] = flushedSoFar }
        }
        for minute in 0..<minutes {
            let slice = secondPrices[(minute * 60)..<(minute * 60 + 60)]
            let open = minute == 0 ? asset.startPrice : secondPrices[minute * 60 - 1]
            bars.append(
                Bar(
                    open: open, high: max(open, slice.max()!), low: min(open, slice.min()!), close: slice.last!))
            let trend = asset.openInterestBase * (1 + 0.03 * Double(minute) / 1_440)
            openInterest.append(trend * (1 - Self.oiFlush * (minute == 0 ? 0 : oiFlushShares[minute - 1])))
            let share = minute == 0 ? 0 : oiFlushShares[minute - 1]
            var rate = Self.crowdedFunding - (Self.crowdedFunding + Self.flushedFunding) * share
            if let onsetSecond, minute * 60 > onsetSecond + 3_600 {
                rate += 0.00008 * min(1, Double(minute * 60 - onsetSecond - 3_600) / 14_400)
            }
            funding.append(rate)
        }
        liquidations = drafts.map { draft in
            let second = min(seconds - 1, Int(draft.time))
            let price = secondPrices[second]
            return Liquidation(
                timeMs: startMs + Int64(draft.time * 1_000), isLong: draft.isLong, quantity: draft.usd / price,
                price: price, venueDraw: draft.venue)
        }
        if let onsetSecond { truth = groundTruth(onsetSecond: onsetSecond) }
    }

    /// The market price at `ms` (the price of that second).
    func price(atMs ms: Int64) -> Double {
        let second = Int((ms - startMs) / 1_000)
        return secondPrices[max(0, min(secondPrices.count - 1, second))]
    }

    /// Onset = the burst's start; peak = the minute of most liquidated USD (all sides) from the onset on;
    /// exhaustion = the first minute after the designed peak at which the burst's intensity envelope is down to
    /// 20% of its peak (from the design, like the demo fixtures' truth, not from noisy realised minutes).
    private func groundTruth(onsetSecond: Int) -> Truth {
        var usd = [Double](repeating: 0, count: minutes)
        for event in liquidations {
            usd[Int((event.timeMs - startMs) / 60_000)] += event.quantity * event.price
        }
        let onsetMinute = onsetSecond / 60
        var peak = onsetMinute
        for minute in onsetMinute..<minutes where usd[minute] > usd[peak] { peak = minute }
        // Exhaustion from the design, not from the noisy realised minutes (a Hawkes burst has lulls that would pass
        // any threshold early): the first minute after the designed peak at which the burst's intensity envelope
        // has fallen to 20% of its peak, the same 20% as DOMAIN.md §5's first exhaustion rule.
        var exhaustion = minutes - 1
        var minute = (onsetSecond + Int(Self.peakDelay)) / 60 + 1
        while minute < minutes {
            if Self.envelope(Double(minute * 60 - onsetSecond)) <= 0.2 {
                exhaustion = minute
                break
            }
            minute += 1
        }
        return Truth(
            onsetMs: startMs + Int64(onsetSecond) * 1_000, peakMs: startMs + Int64(peak) * 60_000,
            exhaustionMs: startMs + Int64(exhaustion) * 60_000)
    }

    /// Probability of keeping a burst event `t` seconds after the onset: (t/p)³·e^{3(1 − t/p)}, 1 at the peak, but
    /// never below `onsetFloor` before the peak: a cascade starts abruptly (10 Oct 2025: from nothing to billions
    /// within minutes of 20:50), so the first minutes are already far above the calm level.
    static func envelope(_ t: Double) -> Double {
        let x = t / peakDelay
        let shape = x * x * x * exp(3 * (1 - x))
        return x < 1 ? max(onsetFloor, shape) : shape
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ random: inout SplitMix64) -> Double {
        let u = 1 - Double.random(in: 0..<1, using: &random)
        let v = Double.random(in: 0..<1, using: &random)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
