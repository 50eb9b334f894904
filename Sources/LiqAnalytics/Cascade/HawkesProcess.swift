import Foundation

/// A univariate Hawkes process with an exponential kernel, `λ(t) = μ + Σ α·e^{−β(t−tᵢ)}` over past events tᵢ: the
/// standard model of self-exciting liquidation arrivals (each liquidation raises the rate of the next ones).
///
/// Times are in seconds. The branching ratio `n = α/β` is the expected number of events each event triggers; the
/// process is stationary only for n < 1, with mean rate `μ / (1 − n)`.
public struct HawkesProcess: Sendable, Equatable {
    /// Baseline rate, events per second.
    public var mu: Double
    /// Jump of the intensity at each event, events per second.
    public var alpha: Double
    /// Decay rate of an event's excitation, per second.
    public var beta: Double

    public init(mu: Double, alpha: Double, beta: Double) {
        precondition(mu > 0 && alpha >= 0 && beta > 0, "a Hawkes process needs μ > 0, α ≥ 0, β > 0")
        self.mu = mu
        self.alpha = alpha
        self.beta = beta
    }

    /// Expected events triggered by one event.
    public var branchingRatio: Double { alpha / beta }

    /// Long-run events per second (infinite when n ≥ 1).
    public var stationaryRate: Double { branchingRatio < 1 ? mu / (1 - branchingRatio) : .infinity }

    /// Event times in [0, `horizon`) seconds by Ogata's thinning: between events the intensity only decays, so its
    /// value just after the last event bounds it until the next candidate; each candidate is kept with probability
    /// λ(t)/bound. The excitation is carried as one number (`Σ α e^{−β(t−tᵢ)}`), so each step is O(1).
    /// At most `maximumEvents` are returned, which bounds memory for an explosive (n ≥ 1) process.
    public func simulate(
        horizon: Double, maximumEvents: Int = 10_000_000, using random: inout some RandomNumberGenerator
    ) -> [Double] {
        var times: [Double] = []
        var time = 0.0
        var excitation = 0.0  // Σ α e^{−β(time − tᵢ)} at `time`
        while times.count < maximumEvents {
            let bound = mu + excitation
            let wait = -log(1 - Double.random(in: 0..<1, using: &random)) / bound
            time += wait
            guard time < horizon else { break }
            excitation *= exp(-beta * wait)
            if Double.random(in: 0..<1, using: &random) * bound <= mu + excitation {
                times.append(time)
                excitation += alpha
            }
        }
        return times
    }
}
