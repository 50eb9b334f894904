import LiqCore
import Testing

@testable import LiqAnalytics

@Suite struct HawkesEstimatorTests {
    /// The first `count` events of a seeded simulation, observed until just after the last one: stopping at the
    /// N-th event leaves the likelihood in the same form with T = t_N.
    static func simulatedEvents(
        _ process: HawkesProcess, count: Int, seed: UInt64
    ) -> (times: [Double], horizon: Double) {
        var random = SplitMix64(seed: seed)
        let times = process.simulate(horizon: .infinity, maximumEvents: count, using: &random)
        return (times, times.last!.nextUp)
    }

    @Test(arguments: [0.3, 0.5, 0.7, 0.85])
    func maximumLikelihoodRecoversTheBranchingRatio(branchingRatio: Double) throws {
        // μ = 1/s, β = 2/s (0.5 s kernel), 20,000 events. The MLE's standard error here is ≈ 0.01, so ±0.05 is
        // about 5σ; μ and β are checked loosely (±20%) because they trade off against n in finite samples.
        let truth = HawkesProcess(mu: 1, alpha: branchingRatio * 2, beta: 2)
        let sample = Self.simulatedEvents(truth, count: 20_000, seed: 7)
        let fit = try #require(HawkesEstimator().fit(eventTimes: sample.times, horizon: sample.horizon))
        #expect(fit.converged)
        #expect(abs(fit.branchingRatio - branchingRatio) <= 0.05, "n̂ = \(fit.branchingRatio)")
        #expect(abs(fit.beta / 2 - 1) <= 0.2, "β̂ = \(fit.beta)")
        #expect(abs(fit.mu - 1) <= 0.2, "μ̂ = \(fit.mu)")
        #expect(abs(fit.alpha - fit.branchingRatio * fit.beta) <= 1e-12 * fit.alpha)
    }

    @Test(arguments: [
        [0.0, 0.0, 0.0], [-0.5, 1.2, 1.0], [0.7, -2.0, -0.3], [-1.5, 2.5, 2.3],
    ])
    func analyticGradientMatchesCentralDifferences(theta: [Double]) throws {
        // Central differences with h = 1e-5 have truncation error ~h²·ℓ‴ and rounding ~1e-16·|ℓ|/h; both are far
        // below 1e-5 of the gradient's scale (floored at 1 for components near zero).
        let sample = Self.simulatedEvents(HawkesProcess(mu: 1, alpha: 1.2, beta: 2), count: 2_000, seed: 11)
        let likelihood = HawkesLikelihood(eventTimes: sample.times, horizon: sample.horizon, minimumBeta: 0.001)
        let analytic = try #require(likelihood.evaluate(at: theta)).gradient
        let step = 1e-5
        for coordinate in 0..<3 {
            var up = theta
            var down = theta
            up[coordinate] += step
            down[coordinate] -= step
            let numeric =
                (try #require(likelihood.evaluate(at: up)).logLikelihood
                    - (try #require(likelihood.evaluate(at: down)).logLikelihood)) / (2 * step)
            #expect(
                abs(numeric - analytic[coordinate]) <= 1e-5 * max(abs(analytic[coordinate]), 1),
                "coordinate \(coordinate): analytic \(analytic[coordinate]), numeric \(numeric)")
        }
    }

    @Test func firstEventHasNoExcitation() throws {
        // Two events 1 s apart on [0, 2) with μ = 1, n = 0.5, β = 1 (α = 0.5): λ₁ = μ = 1 and
        // λ₂ = 1 + 0.5·e^{−1} = 1.18394; compensator 1·2 + 0.5·[(1 − e^{−2}) + (1 − e^{−1})] = 2.74839;
        // ℓ = ln 1 + ln 1.18394 − 2.74839 = −2.57954.
        let likelihood = HawkesLikelihood(eventTimes: [0, 1], horizon: 2, minimumBeta: 0.5)
        let theta = likelihood.coordinates(mu: 1, branchingRatio: 0.5, beta: 1)
        let value = try #require(likelihood.evaluate(at: theta)).logLikelihood
        #expect(abs(value - -2.57954) < 1e-5)
    }

    @Test func momentEstimatorAgreesOnALongSimulation() throws {
        // n = 0.7, β = 2/s, μ = 1/s over 50,000 s (≈ 167,000 events), 60 s windows (κW = β(1−n)W = 36 ≫ 1).
        // 833 windows put the variance's relative standard error near √(2/833) ≈ 5%, i.e. σ(n̂) ≈ 0.008, and the
        // finite window biases n̂ low by ≈ 0.004; ±0.03 allows both with room.
        var random = SplitMix64(seed: 5)
        let times = HawkesProcess(mu: 1, alpha: 1.4, beta: 2).simulate(horizon: 50_000, using: &random)
        let moment = try #require(HawkesEstimator.momentBranchingRatio(eventTimes: times, horizon: 50_000, window: 60))
        #expect(abs(moment - 0.7) <= 0.03, "n̂ = \(moment)")
    }

    @Test func poissonArrivalsGiveABranchingRatioNearZero() throws {
        // α = 0: the true n is 0, on the boundary, so about half the fits land on it and the rest just above, where a
        // slow kernel soaks up chance fluctuations of the rate. Over 30 seeds of this size 24 fits were ≤ 0.05 and
        // all ≤ 0.16; 0.1 is "near zero" at that spread.
        let sample = Self.simulatedEvents(HawkesProcess(mu: 2, alpha: 0, beta: 1), count: 20_000, seed: 13)
        let fit = try #require(HawkesEstimator().fit(eventTimes: sample.times, horizon: sample.horizon))
        #expect(fit.branchingRatio < 0.1, "n̂ = \(fit.branchingRatio)")
        #expect(abs(fit.mu - 2) < 0.1, "μ̂ = \(fit.mu)")
        let moment = HawkesEstimator.momentBranchingRatio(eventTimes: sample.times, horizon: sample.horizon, window: 60)
        #expect(moment == nil || moment! < 0.05, "moment n̂ = \(String(describing: moment))")
    }

    @Test func explosiveSampleStillFitsInsideTheStationaryRange() throws {
        // n = 2: the sample's rate keeps growing; the best stationary description hugs n = 1 but the
        // reparameterisation keeps it strictly below, with finite μ, α, β.
        let sample = Self.simulatedEvents(HawkesProcess(mu: 1, alpha: 2, beta: 1), count: 5_000, seed: 3)
        let fit = try #require(HawkesEstimator().fit(eventTimes: sample.times, horizon: sample.horizon))
        #expect(fit.branchingRatio > 0.9 && fit.branchingRatio < 1, "n̂ = \(fit.branchingRatio)")
        #expect(fit.alpha < fit.beta)
        #expect([fit.mu, fit.alpha, fit.beta, fit.logLikelihood].allSatisfy { $0.isFinite })
    }

    @Test func momentEstimatorIsNilWithoutOverdispersionOrWindows() {
        // Evenly spaced events: every 10 s window holds exactly 10, variance 0 ≤ mean.
        let even = (0..<1_000).map { Double($0) }
        #expect(HawkesEstimator.momentBranchingRatio(eventTimes: even, horizon: 1_000, window: 10) == nil)
        #expect(HawkesEstimator.momentBranchingRatio(eventTimes: even, horizon: 1_000, window: 600) == nil)
    }

    @Test func tooFewEventsGiveNoFit() {
        #expect(HawkesEstimator().fit(eventTimes: [1], horizon: 10) == nil)
    }

    @Test func warmStartConvergesToTheSameFit() throws {
        let sample = Self.simulatedEvents(HawkesProcess(mu: 1, alpha: 1, beta: 2), count: 5_000, seed: 17)
        let estimator = HawkesEstimator()
        let cold = try #require(estimator.fit(eventTimes: sample.times, horizon: sample.horizon))
        let nearby = HawkesFit(
            mu: cold.mu * 1.1, alpha: cold.alpha * 0.9, beta: cold.beta, branchingRatio: cold.branchingRatio * 0.9,
            logLikelihood: 0, iterations: 0, converged: true)
        let warm = try #require(estimator.fit(eventTimes: sample.times, horizon: sample.horizon, warmStart: nearby))
        #expect(warm.converged)
        #expect(abs(warm.branchingRatio - cold.branchingRatio) < 1e-4)
        #expect(abs(warm.logLikelihood - cold.logLikelihood) < 1e-6 * abs(cold.logLikelihood))
    }
}
