import Foundation

/// Limited-memory BFGS with a backtracking (Armijo) line search, maximising the Hawkes log-likelihood in its
/// unconstrained coordinates. Three coordinates make L-BFGS nearly Newton after a few steps, and the line search
/// only ever accepts uphill steps, so a bad curvature estimate costs evaluations, never the fit.
///
/// The objective is minimised as `−ℓ/N`: per-event units make the gradient tolerance independent of how many
/// events the window holds.
struct HawkesOptimiser: Sendable {
    /// Upper bound on accepted steps.
    var maximumIterations: Int
    /// Converged when every component of ∂(ℓ/N)/∂θ is below this.
    var gradientTolerance: Double
    /// Curvature pairs kept.
    var memory = 5
    /// Largest step in any unconstrained coordinate (a factor e⁴ on μ or β), so one step cannot jump into overflow.
    var maximumStep = 4.0
    /// Step halvings before a line search gives up.
    var maximumHalvings = 40

    struct Outcome: Sendable {
        var theta: [Double]
        var evaluation: HawkesLikelihood.Evaluation
        var iterations: Int
        var converged: Bool
    }

    /// The maximum reached from `start`; nil when ℓ is not finite at `start`.
    func maximise(
        from start: [Double], eventCount: Int, evaluate: ([Double]) -> HawkesLikelihood.Evaluation?
    ) -> Outcome? {
        guard let first = evaluate(start) else { return nil }
        let scale = Double(max(eventCount, 1))
        var theta = start
        var evaluation = first
        var value = -first.logLikelihood / scale
        var gradient = first.gradient.map { -$0 / scale }
        var pairs: [(step: [Double], change: [Double])] = []
        var iterations = 0
        while iterations < maximumIterations {
            if gradient.allSatisfy({ abs($0) < gradientTolerance }) {
                return Outcome(theta: theta, evaluation: evaluation, iterations: iterations, converged: true)
            }
            var direction = descentDirection(gradient: gradient, pairs: pairs)
            if dot(direction, gradient) >= 0 {  // curvature pairs gone stale: fall back to steepest descent
                pairs.removeAll()
                direction = descentDirection(gradient: gradient, pairs: [])
            }
            var accepted = lineSearch(
                theta: theta, value: value, gradient: gradient, direction: direction, scale: scale, evaluate: evaluate)
            if accepted == nil && !pairs.isEmpty {  // the quasi-Newton direction failed: retry along −g
                pairs.removeAll()
                accepted = lineSearch(
                    theta: theta, value: value, gradient: gradient,
                    direction: descentDirection(gradient: gradient, pairs: []), scale: scale, evaluate: evaluate)
            }
            guard let accepted else { break }
            let newGradient = accepted.evaluation.gradient.map { -$0 / scale }
            let step = zip(accepted.theta, theta).map { $0 - $1 }
            let change = zip(newGradient, gradient).map { $0 - $1 }
            if dot(step, change) > 1e-12 * dot(step, step).squareRoot() * dot(change, change).squareRoot() {
                pairs.append((step, change))
                if pairs.count > memory { pairs.removeFirst() }
            }
            theta = accepted.theta
            evaluation = accepted.evaluation
            value = accepted.value
            gradient = newGradient
            iterations += 1
        }
        let converged = gradient.allSatisfy { abs($0) < gradientTolerance }
        return Outcome(theta: theta, evaluation: evaluation, iterations: iterations, converged: converged)
    }

    /// `−H·g` by the two-loop recursion; without pairs, the gradient step scaled to at most unit length.
    private func descentDirection(gradient: [Double], pairs: [(step: [Double], change: [Double])]) -> [Double] {
        guard let newest = pairs.last else {
            let norm = dot(gradient, gradient).squareRoot()
            return gradient.map { -$0 / max(1, norm) }
        }
        var q = gradient
        var coefficients: [Double] = []
        for pair in pairs.reversed() {
            let coefficient = dot(pair.step, q) / dot(pair.change, pair.step)
            coefficients.append(coefficient)
            q = zip(q, pair.change).map { $0 - coefficient * $1 }
        }
        let gamma = dot(newest.step, newest.change) / dot(newest.change, newest.change)
        var r = q.map { gamma * $0 }
        for (pair, coefficient) in zip(pairs, coefficients.reversed()) {
            let correction = coefficient - dot(pair.change, r) / dot(pair.change, pair.step)
            r = zip(r, pair.step).map { $0 + correction * $1 }
        }
        return r.map { -$0 }
    }

    private struct Accepted {
        var theta: [Double]
        var evaluation: HawkesLikelihood.Evaluation
        var value: Double
    }

    /// Halves the step from 1 (capped at `maximumStep` per coordinate) until the Armijo condition holds.
    private func lineSearch(
        theta: [Double], value: Double, gradient: [Double], direction: [Double], scale: Double,
        evaluate: ([Double]) -> HawkesLikelihood.Evaluation?
    ) -> Accepted? {
        let slope = dot(gradient, direction)
        guard slope < 0 else { return nil }
        let largest = direction.map(abs).max() ?? 0
        var step = largest > maximumStep ? maximumStep / largest : 1
        for _ in 0..<maximumHalvings {
            let candidate = zip(theta, direction).map { $0 + step * $1 }
            if let evaluation = evaluate(candidate) {
                let candidateValue = -evaluation.logLikelihood / scale
                if candidateValue <= value + 1e-4 * step * slope {
                    return Accepted(theta: candidate, evaluation: evaluation, value: candidateValue)
                }
            }
            step /= 2
        }
        return nil
    }

    private func dot(_ left: [Double], _ right: [Double]) -> Double {
        zip(left, right).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
