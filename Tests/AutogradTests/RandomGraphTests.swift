import Testing
@testable import Autograd

/// Backprop against central finite differences on 1,000 random graphs from a seeded
/// generator: every node's gradient, not only the leaves'.
@Suite struct RandomGraphTests {
    @Test func thousandRandomGraphsAgreeWithFiniteDifferences() {
        var random = SplitMix64(seed: 0x5EED_BAC4_2026)
        var nodesChecked = 0
        for graphNumber in 0..<1_000 {
            var g = RandomGraph.make(using: &random)
            g.run()
            for id in g.ids {
                let backprop = g.grad(of: id)
                let numeric = g.numericalGradient(of: id)
                let scale = max(1, abs(backprop), abs(numeric))
                #expect(abs(backprop - numeric) <= 1e-5 * scale, "graph \(graphNumber) node \(id): \(backprop) vs \(numeric)")
                nodesChecked += 1
            }
        }
        #expect(nodesChecked > 5_000)
    }

    /// The generator is deterministic: the same seed gives the same graph.
    @Test func seededGeneratorRepeats() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        #expect(RandomGraph.make(using: &first) == RandomGraph.make(using: &second))
    }
}

/// Builds random graphs that are smooth where they are evaluated: each candidate gate is
/// kept only if its inputs are away from kinks and out-of-domain values (relu/abs/step/sign
/// near 0, log/sqrt/pow near or below 0, division by near 0, max/min near a tie) and its
/// value stays moderate, so finite differences are a fair reference.
enum RandomGraph {
    static let margin = 0.05

    static func make(using random: inout SplitMix64) -> Graph {
        var g = Graph()
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let kind: NodeKind = [.input, .param, .const].randomElement(using: &random) ?? .input
            g.addLeaf(kind, value: Double.random(in: -2...2, using: &random))
        }
        let gates = Int.random(in: 2...12, using: &random)
        var added = 0
        while added < gates {
            let op = Op.allCases.randomElement(using: &random) ?? .add
            let count = switch op.arity {
            case .unary: 1
            case .binary: 2
            case .variadic: Int.random(in: 1...3, using: &random)
            }
            // Prefer recent nodes so graphs are deep, but reuse old ones for fan-out.
            let inputs = (0..<count).map { _ in
                NodeID(Bool.random(using: &random) ? g.count - 1 : Int.random(in: 0..<g.count, using: &random))
            }
            let values = inputs.map { g.value(of: $0) }
            guard isSmooth(op, values) else { continue }
            let node = g.addOp(op, inputs)
            added += 1
            if !(abs(g.value(of: node)) < 100) {
                // Too large for a fair finite difference: start this graph over.
                return make(using: &random)
            }
        }
        g.name(NodeID(g.count - 1), "out")
        return g
    }

    static func isSmooth(_ op: Op, _ values: [Double]) -> Bool {
        let a = values[0]
        switch op {
        case .relu, .abs, .step, .sign: return abs(a) > margin
        case .log, .sqrt: return a > margin
        case .div: return abs(values[1]) > 0.2
        case .pow: return a > 0.2 && abs(values[1]) < 3
        case .exp: return a < 4
        case .max, .min:
            let sorted = values.sorted()
            let extreme = op == .max ? sorted[sorted.count - 1] : sorted[0]
            let runnerUp = sorted.count > 1 ? (op == .max ? sorted[sorted.count - 2] : sorted[1]) : -Double.infinity
            // The same node twice is a tie that nudging cannot break.
            return values.count == 1 || abs(extreme - runnerUp) > margin
        default: return true
        }
    }
}
