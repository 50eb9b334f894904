import LiqAnalytics
import LiqCore
import Testing

@Suite struct HawkesProcessTests {
    @Test func poissonWhenThereIsNoExcitation() {
        // α = 0: a Poisson process of rate 2/s; over 10,000 s the count is 20,000 ± 3σ (σ = √20,000 ≈ 141).
        var random = SplitMix64(seed: 1)
        let times = HawkesProcess(mu: 2, alpha: 0, beta: 1).simulate(horizon: 10_000, using: &random)
        #expect(abs(times.count - 20_000) < 425)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(times.allSatisfy { $0 >= 0 && $0 < 10_000 })
    }

    @Test(arguments: [0.3, 0.5, 0.7])
    func meanRateIsMuOverOneMinusN(branchingRatio: Double) {
        // Stationary rate μ / (1 − n) with μ = 1, β = 2: n = 0.5 → 2/s. Over 20,000 s the count's spread grows with
        // clustering (variance ≈ rate·T/(1−n)²), so the tolerance is 5 of those standard deviations.
        var random = SplitMix64(seed: 42)
        let process = HawkesProcess(mu: 1, alpha: branchingRatio * 2, beta: 2)
        let horizon = 20_000.0
        let count = Double(process.simulate(horizon: horizon, using: &random).count)
        let expected = process.stationaryRate * horizon
        let sigma = (expected).squareRoot() / (1 - branchingRatio)
        #expect(abs(count - expected) < 5 * sigma, "count \(count), expected \(expected)")
    }

    @Test func sameSeedSameTimes() {
        var first = SplitMix64(seed: 9)
        var second = SplitMix64(seed: 9)
        let process = HawkesProcess(mu: 0.5, alpha: 0.8, beta: 1)
        #expect(process.simulate(horizon: 1_000, using: &first) == process.simulate(horizon: 1_000, using: &second))
    }

    @Test func explosiveProcessIsBoundedByTheEventLimit() {
        var random = SplitMix64(seed: 3)
        let times = HawkesProcess(mu: 1, alpha: 2, beta: 1).simulate(horizon: 1e9, maximumEvents: 5_000, using: &random)
        #expect(times.count == 5_000)
    }
}
