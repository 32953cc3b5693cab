/// Backprop's ∂L/∂node beside the central finite-difference estimate, and whether they agree.
public struct GradientCheck: Sendable, Equatable {
    public let node: NodeID
    /// The gradient from the backward pass (or the one handed in).
    public let backprop: Double
    /// (L(v + h) − L(v − h)) / 2h.
    public let numerical: Double
    /// |backprop − numerical| / max(|backprop|, |numerical|).
    public let relativeError: Double
    public let absoluteError: Double
    /// Agreement: relative error within `tolerance`, or both gradients so close to 0 that
    /// their difference is within `absoluteTolerance` (where a relative error is all noise).
    public let passed: Bool
}

extension Graph {
    /// Checks the backward pass against finite differences for `nodes` (every node on the
    /// output's tape when `nil`), at the current leaf values. Works on a copy: runs its own
    /// forward and backward, so it can be asked at any point of a lesson.
    public func gradientCheck(nodes: [NodeID]? = nil, step h: Double = 1e-6, tolerance: Double = 1e-6,
                              absoluteTolerance: Double = 1e-8) -> [GradientCheck] {
        guard let tape = tape() else { return [] }
        var copy = self
        copy.forward(tape)
        copy.backward(tape)
        return copy.checks(backprop: copy.grads, tape: tape, nodes: nodes, step: h, tolerance: tolerance,
                           absoluteTolerance: absoluteTolerance)
    }

    /// The same against gradients from elsewhere, one per node (indexed by id): the seam
    /// that lets a test hand in the result of a deliberately wrong derivative and see the
    /// check flag it.
    public func gradientCheck(backprop: [Double], nodes: [NodeID]? = nil, step h: Double = 1e-6,
                              tolerance: Double = 1e-6, absoluteTolerance: Double = 1e-8) -> [GradientCheck] {
        guard let tape = tape(), backprop.count == count else { return [] }
        var copy = self
        copy.forward(tape)
        return copy.checks(backprop: backprop, tape: tape, nodes: nodes, step: h, tolerance: tolerance,
                           absoluteTolerance: absoluteTolerance)
    }

    /// The checks themselves, on a graph whose forward pass over `tape` is done: both entry
    /// points share one tape and one forward pass.
    private func checks(backprop: [Double], tape: Tape, nodes: [NodeID]?, step h: Double, tolerance: Double,
                        absoluteTolerance: Double) -> [GradientCheck] {
        (nodes ?? tape.ids).filter { $0.index >= 0 && $0.index < count }.map { id in
            let numerical = numericalGradient(of: id, step: h)
            let analytic = backprop[id.index]
            let relative = Graph.relativeError(analytic, numerical)
            let absolute = Swift.abs(analytic - numerical)
            return GradientCheck(node: id, backprop: analytic, numerical: numerical,
                                 relativeError: relative, absoluteError: absolute,
                                 passed: relative <= tolerance || absolute <= absoluteTolerance)
        }
    }
}
