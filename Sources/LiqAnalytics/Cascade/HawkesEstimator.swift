import Foundation

/// Estimates the branching ratio of liquidation arrivals: maximum likelihood for an exponential-kernel Hawkes
/// process, and the quick moment (Fano) estimator to cross-check it (DOMAIN.md §5, analytics anchors §7.1).
///
/// Fit only complete feeds: on a throttled stream (Binance keeps one liquidation per symbol per second) the
/// clusters the estimate lives on are thinned away and n̂ collapses towards 0.
public struct HawkesEstimator: Sendable, Equatable {
    /// Upper bound on optimiser steps per start.
    public var maximumIterations: Int
    /// Converged when every component of the per-event gradient ∂(ℓ/N)/∂θ is below this.
    public var gradientTolerance: Double
    /// How many of the best starting points are optimised; the highest likelihood wins.
    public var starts: Int
    /// The kernel must decay at least this many times over the window (β ≥ this / T): a slower kernel is
    /// indistinguishable from a drifting baseline and makes n̂ meaningless.
    public var minimumKernelDecaysPerWindow: Double

    public init(
        maximumIterations: Int = 200, gradientTolerance: Double = 1e-6, starts: Int = 2,
        minimumKernelDecaysPerWindow: Double = 10
    ) {
        precondition(maximumIterations > 0 && gradientTolerance > 0 && starts > 0 && minimumKernelDecaysPerWindow > 0)
        self.maximumIterations = maximumIterations
        self.gradientTolerance = gradientTolerance
        self.starts = starts
        self.minimumKernelDecaysPerWindow = minimumKernelDecaysPerWindow
    }

    /// The maximum-likelihood process for `eventTimes` (seconds, ascending, in [0, `horizon`)); nil with fewer than
    /// two events, where nothing about excitation can be learnt.
    ///
    /// Starting points: branching ratios 0.2, 0.5 and 0.8 crossed with kernel decays from 0.1 to 1,000 times the
    /// mean event rate (so the grid has no time unit built in; any below the floor start just above it), with μ set so the stationary rate matches the
    /// observed one. ℓ is evaluated once at each; the best `starts` are optimised. A `warmStart` (the previous fit
    /// of an overlapping window) is optimised alone and the grid is used only when that run does not converge.
    public func fit(eventTimes: [Double], horizon: Double, warmStart: HawkesFit? = nil) -> HawkesFit? {
        precondition(horizon > 0, "the observation window needs a positive length")
        precondition(
            zip(eventTimes, eventTimes.dropFirst()).allSatisfy { $0 <= $1 }
                && eventTimes.allSatisfy { $0 >= 0 && $0 < horizon },
            "event times must be ascending and inside [0, horizon)")
        guard eventTimes.count >= 2 else { return nil }
        let likelihood = HawkesLikelihood(
            eventTimes: eventTimes, horizon: horizon, minimumBeta: minimumKernelDecaysPerWindow / horizon)
        let optimiser = HawkesOptimiser(maximumIterations: maximumIterations, gradientTolerance: gradientTolerance)
        let run = { (start: [Double]) in
            optimiser.maximise(from: start, eventCount: eventTimes.count, evaluate: likelihood.evaluate)
        }

        if let warmStart,
            let outcome = run(
                likelihood.coordinates(
                    mu: warmStart.mu, branchingRatio: warmStart.branchingRatio, beta: warmStart.beta)),
            outcome.converged
        {
            return Self.fit(outcome, likelihood)
        }
        let rate = Double(eventTimes.count) / horizon
        let grid = [0.2, 0.5, 0.8].flatMap { branchingRatio in
            [0.1, 1, 10, 100, 1_000].map { decayPerRate in
                likelihood.coordinates(
                    mu: rate * (1 - branchingRatio), branchingRatio: branchingRatio, beta: rate * decayPerRate)
            }
        }
        let ranked = grid.compactMap { start in likelihood.evaluate(at: start).map { (start, $0.logLikelihood) } }
            .sorted { $0.1 > $1.1 }
        let outcomes = ranked.prefix(starts).compactMap { run($0.0) }
        guard let best = outcomes.max(by: { $0.evaluation.logLikelihood < $1.evaluation.logLikelihood }) else {
            return nil
        }
        return Self.fit(best, likelihood)
    }

    /// `n̂ = 1 − √(mean/variance)` of event counts in consecutive windows of `window` seconds over [0, `horizon`)
    /// (Hardiman & Bouchaud): for windows much longer than the kernel, Var/E → 1/(1 − n)². A trailing partial
    /// window is dropped. Nil with fewer than two windows, or when the counts are not over-dispersed
    /// (variance ≤ mean), which is what a Poisson or a thinned stream looks like.
    public static func momentBranchingRatio(eventTimes: [Double], horizon: Double, window: Double) -> Double? {
        precondition(window > 0, "windows need a positive length")
        let windowCount = Int(horizon / window)
        guard windowCount >= 2 else { return nil }
        var counts = [Double](repeating: 0, count: windowCount)
        for time in eventTimes {
            let index = Int(time / window)
            if index >= 0 && index < windowCount { counts[index] += 1 }
        }
        let mean = counts.reduce(0, +) / Double(windowCount)
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(windowCount - 1)
        guard mean > 0, variance > mean else { return nil }
        return 1 - (mean / variance).squareRoot()
    }

    private static func fit(_ outcome: HawkesOptimiser.Outcome, _ likelihood: HawkesLikelihood) -> HawkesFit {
        let (mu, branchingRatio, beta) = likelihood.process(at: outcome.theta)
        return HawkesFit(
            mu: mu, alpha: branchingRatio * beta, beta: beta, branchingRatio: branchingRatio,
            logLikelihood: outcome.evaluation.logLikelihood, iterations: outcome.iterations,
            converged: outcome.converged)
    }
}
