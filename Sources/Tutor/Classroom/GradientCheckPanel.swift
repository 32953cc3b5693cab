import Foundation
import Autograd
import Lessons
import Screen

/// The gradient check on screen: for one node, the finite-difference estimate beside the
/// backprop gradient and their relative error (Autograd's `GradientCheck`), at the values
/// the graph holds now.
///
/// The check runs its own forward and backward pass on a copy, so it shows the true
/// ∂L/∂node even while the stepper is halfway through the backward pass.
public struct GradientCheckPanel: Sendable, Equatable {
    public let check: GradientCheck
    /// The names the screen gives the output and the node.
    public let outputName: String
    public let nodeName: String
    /// The finite-difference step h.
    public let step: Double
    /// Whether the backward pass on screen has reached the node: until it has, the panel
    /// shows the finite differences alone, so it never tells a gradient before its step
    /// (or before the quiz has asked for it).
    public let backpropShown: Bool

    /// The check of `node` in `graph`, named as the screen names them; `nil` when the
    /// graph has no output. `backprop` hands in the gradients to check (the mistakes lab's
    /// wrong ones); by default the check runs a right backward pass of its own.
    public init?(graph: Graph, node: NodeID, outputName: String, nodeName: String, step: Double = 1e-6,
                 backpropShown: Bool = true, backprop: [Double]? = nil) {
        let checks = backprop.map { graph.gradientCheck(backprop: $0, nodes: [node], step: step) }
            ?? graph.gradientCheck(nodes: [node], step: step)
        guard graph.output != nil, let check = checks.first else { return nil }
        self.check = check
        self.outputName = outputName
        self.nodeName = nodeName
        self.step = step
        self.backpropShown = backpropShown
    }

    /// The panel's lines, styled from `theme` (gradients red, the verdict bold).
    public func lines(theme: Theme) -> [Line] {
        let unicode = theme.glyphs.isUnicode
        let notation = Notation(unicode: unicode)
        let minus = notation.minus
        let f = outputName, x = nodeName
        let grad = theme(.gradient)
        let verdict = check.passed
            ? (unicode ? "✓ they agree" : "ok: they agree")
            : (unicode ? "✗ they disagree" : "MISMATCH: they disagree")
        let numerical = Line([Span("numerical  "), Span(notation.number(check.numerical, digits: 6), style: grad),
                              Span("  = (\(f)(\(x)+h) \(minus) \(f)(\(x)\(minus)h)) / 2h, h = \(Self.stepText(step))",
                                   style: theme(.muted))])
        guard backpropShown else {
            return [
                Line("Gradient check: \(notation.derivative(f, x))", style: theme(.title)),
                Line([Span("backprop   "), Span("not yet: the backward pass has not reached \(x)", style: theme(.muted))]),
                numerical,
            ]
        }
        return [
            Line("Gradient check: \(notation.derivative(f, x))", style: theme(.title)),
            Line([Span("backprop   "), Span(notation.number(check.backprop, digits: 6), style: grad)]),
            numerical,
            Line([Span("rel. error "), Span(Self.scientific(check.relativeError)), Span("  "),
                  Span(verdict, style: check.passed ? theme(.title) : theme(.error))]),
        ]
    }

    /// `1e-6` for a power of ten, else the short form.
    static func stepText(_ h: Double) -> String {
        let exponent = log10(h)
        if exponent.isFinite, exponent == exponent.rounded() { return "1e\(Int(exponent))" }
        return NumberFormat.short(h, digits: 8)
    }

    /// A relative error as people read it: `3.2e-11`, or `0` when exact.
    static func scientific(_ value: Double) -> String {
        if let special = NumberFormat.nonFinite(value) { return special }
        if value == 0 { return "0" }
        return String(format: "%.1e", value)
    }
}
