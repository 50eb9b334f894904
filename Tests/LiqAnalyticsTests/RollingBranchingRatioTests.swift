import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct RollingBranchingRatioTests {
    /// 2025-10-10 20:00 UTC, minute-aligned.
    static let startMs: Int64 = 1_760_126_400_000

    /// Three hours of a seeded Hawkes process with μ = 0.05/s, n = 0.6, β = 0.5/s: a stationary rate of 0.125/s,
    /// ≈ 7.5 events a minute, so the 200-event minimum is reached after roughly 27 minutes.
    static func simulatedEventTimesMs() -> [Int64] {
        var random = SplitMix64(seed: 21)
        let seconds = HawkesProcess(mu: 0.05, alpha: 0.3, beta: 0.5).simulate(horizon: 3 * 3_600, using: &random)
        return seconds.map { startMs + Int64(($0 * 1_000).rounded(.down)) }
    }

    @Test func nilBeforeEnoughEventsThenAValue() throws {
        let times = Self.simulatedEventTimesMs()
        let gauge = RollingBranchingRatio(windowMinutes: 360, refitEveryMinutes: 15, minimumEvents: 200)
        let points = gauge.series(
            eventTimesMs: times, fromMinuteMs: Self.startMs, toMinuteMs: Self.startMs + 180 * 60_000)
        #expect(points.count == 180)
        #expect(points.map(\.minuteMs) == (0..<180).map { Self.startMs + Int64($0) * 60_000 })

        // The first refit (minute 0) sees a handful of events: nothing until a refit finds ≥ 200 in its window.
        let firstValue = try #require(points.firstIndex { $0.branchingRatio != nil })
        #expect(firstValue > 0 && firstValue % 15 == 0)
        let endOfFirstValueMinute = Self.startMs + Int64(firstValue + 1) * 60_000
        #expect(times.filter { $0 < endOfFirstValueMinute }.count >= 200)
        let endOfPreviousRefitMinute = Self.startMs + Int64(firstValue - 15 + 1) * 60_000
        #expect(times.filter { $0 < endOfPreviousRefitMinute }.count < 200)
        #expect(points[..<firstValue].allSatisfy { $0.branchingRatio == nil && $0.intensityOverBaseline == nil })
        #expect(points[firstValue...].allSatisfy { $0.branchingRatio != nil && $0.intensityOverBaseline != nil })

        // Between refits the fit is carried; λ/μ moves every minute and never drops below 1.
        #expect(Set(points[150..<165].map(\.branchingRatio)).count == 1)
        #expect(Set(points[150..<165].map(\.intensityOverBaseline)).count > 1)
        #expect(points[firstValue...].allSatisfy { $0.intensityOverBaseline! >= 1 })

        // After three hours (≈ 1,350 events) n̂ is near the true 0.6; its standard error is ≈ 0.04 here, ±0.15
        // leaves room for the short window.
        let last = try #require(points.last?.branchingRatio)
        #expect(abs(last - 0.6) <= 0.15, "n̂ = \(last)")
    }

    @Test func quietAssetNeverGetsAnEstimate() {
        let times = (0..<100).map { Self.startMs + Int64($0) * 30_000 }
        let points = RollingBranchingRatio(minimumEvents: 200).series(
            eventTimesMs: times, fromMinuteMs: Self.startMs, toMinuteMs: Self.startMs + 120 * 60_000)
        #expect(points.count == 120)
        #expect(points.allSatisfy { $0.branchingRatio == nil && $0.intensityOverBaseline == nil })
    }

    @Test func intensityOverBaselineSumsDecayedExcitation() {
        // μ = 1, α = 0.5, β = 1/s; events 1 s and 2 s before t (and one at t, not yet counted):
        // λ/μ = 1 + 0.5·(e^{−1} + e^{−2}) = 1 + 0.5·(0.367879 + 0.135335) = 1.251607.
        let fit = HawkesFit(
            mu: 1, alpha: 0.5, beta: 1, branchingRatio: 0.5, logLikelihood: 0, iterations: 0, converged: true)
        let times: [Int64] = [8_000, 9_000, 10_000]
        let ratio = RollingBranchingRatio.intensityOverBaseline(fit: fit, eventTimesMs: times[...], atMs: 10_000)
        #expect(abs(ratio - 1.251607) < 1e-6)
    }
}
