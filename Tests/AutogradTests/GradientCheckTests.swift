import Foundation
import Testing
@testable import Autograd

/// The gradient check agrees with backprop on smooth graphs and catches a wrong derivative.
@Suite struct GradientCheckTests {
    @Test(arguments: UInt64(1)...30)
    func agreesOnSmoothRandomGraphs(seed: UInt64) {
        let g = RandomGraphs.make(seed: seed, ops: 6 + Int(seed % 25), from: RandomGraphs.smoothOps)
        let checks = g.gradientCheck()
        #expect(checks.count == g.tape()?.order.count)
        for check in checks {
            #expect(check.passed, "\(check.node): backprop \(check.backprop) numerical \(check.numerical)")
            #expect(check.relativeError < 1e-6 || check.absoluteError < 1e-8)
        }
    }

    @Test func chainRuleExampleByFiniteDifferences() {
        let (g, x, _, z, q, _) = StepperTests.chainRule()
        let checks = g.gradientCheck(nodes: [x, z, q])
        #expect(checks.map(\.backprop) == [-4, 3, -4])
        #expect(checks.allSatisfy { $0.passed && $0.relativeError < 1e-9 })
    }

    /// A faulty sigmoid whose local derivative is σ instead of σ(1 − σ), injected through the
    /// check's backprop seam, is flagged at the sigmoid's input and everything behind it.
    @Test func flagsAWrongDerivative() throws {
        var g = Graph()
        let w = g.addLeaf(.param, name: "w", value: 0.7)
        let x = g.addLeaf(.input, name: "x", value: 1.5)
        let xi = g.addOp(.mul, [w, x], name: "ξ")
        let h = g.addOp(.sigmoid, [xi], name: "h")
        let loss = g.addOp(.mul, [h, h], name: "L")
        let faulty = Self.backward(g) { graph, node, position in
            graph.op(of: node) == .sigmoid ? graph.value(of: node) : graph.localGradient(of: node, inputAt: position)
        }
        let checks = g.gradientCheck(backprop: faulty)
        let byNode = Dictionary(uniqueKeysWithValues: checks.map { ($0.node, $0) })
        #expect(byNode[loss]?.passed == true && byNode[h]?.passed == true)
        for id in [xi, w, x] {
            let check = try #require(byNode[id])
            #expect(!check.passed)
            #expect(check.relativeError > 0.1)
        }
        // The real rule passes at the same nodes.
        #expect(g.gradientCheck().allSatisfy { $0.passed })
    }

    /// The backward pass with a replaceable local-derivative rule: the faulty op lives here,
    /// in the test, not in the real rules table.
    static func backward(_ graph: Graph, local: (Graph, NodeID, Int) -> Double) -> [Double] {
        guard let tape = graph.tape() else { return [] }
        var g = graph
        g.forward(tape)
        var grads = [Double](repeating: 0, count: g.count)
        grads[tape.output.index] = 1
        for node in tape.order.reversed() where g.ops[node] != nil {
            for (position, input) in g.inputs(of: NodeID(node)).enumerated() {
                grads[input.index] += grads[node] * local(g, NodeID(node), position)
            }
        }
        return grads
    }
}
