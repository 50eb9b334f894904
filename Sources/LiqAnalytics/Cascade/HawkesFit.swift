/// A maximum-likelihood fit of an exponential-kernel Hawkes process (`HawkesEstimator`).
public struct HawkesFit: Sendable, Equatable {
    /// Baseline rate, events per second.
    public var mu: Double
    /// Jump of the intensity at each event, events per second.
    public var alpha: Double
    /// Decay rate of an event's excitation, per second.
    public var beta: Double
    /// `α/β`: expected events triggered by one event, strictly inside (0, 1) by construction.
    public var branchingRatio: Double
    /// ℓ at the fit (natural log, times in seconds).
    public var logLikelihood: Double
    /// Accepted optimiser steps of the run that produced the fit.
    public var iterations: Int
    /// Whether that run met the gradient tolerance; false means it stopped at the iteration limit or could not
    /// improve further, and the parameters are the best point reached.
    public var converged: Bool

    public init(
        mu: Double, alpha: Double, beta: Double, branchingRatio: Double, logLikelihood: Double, iterations: Int,
        converged: Bool
    ) {
        self.mu = mu
        self.alpha = alpha
        self.beta = beta
        self.branchingRatio = branchingRatio
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.converged = converged
    }

    /// The fitted process, e.g. to simulate from it.
    public var process: HawkesProcess { HawkesProcess(mu: mu, alpha: alpha, beta: beta) }
}
