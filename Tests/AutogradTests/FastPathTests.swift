import Testing
@testable import Autograd

/// The compiled passes must agree bit for bit with the one-node rules the Stepper uses
/// (`evaluate`, `localGradient`), in the accumulation order the design fixes.
@Suite struct FastPathTests {
    /// A graph using every op, fan-out, `x * x`, variadic max/min and inputs that make
    /// some values non-finite (log of a negative, division by zero).
    static func everyOpGraph(seed: UInt64) -> Graph {
        var random = SplitMix64(seed: seed)
        var g = Graph()
        var nodes = [
            g.addLeaf(.input, name: "x", value: -2), g.addLeaf(.param, name: "w", value: 0.75),
            g.addLeaf(.const, name: "c", value: 0), g.addLeaf(.input, name: "y", value: 3),
        ]
        for step in 0..<400 {
            let op = Op.allCases[step % Op.allCases.count]
            func pick() -> NodeID { nodes[Int(random.uniform(0, Double(nodes.count)))] }
            let inputs: [NodeID]
            switch op.arity {
            case .unary: inputs = [pick()]
            case .binary: inputs = step % 7 == 0 ? Array(repeating: pick(), count: 2) : [pick(), pick()]
            case .variadic: inputs = (0..<(1 + step % 4)).map { _ in pick() }
            }
            nodes.append(g.addOp(op, inputs))
        }
        let total = g.addOp(.add, [nodes[nodes.count - 1], nodes[nodes.count - 2]], name: "out")
        _ = total
        return g
    }

    /// Forward by `evaluate` in definition order and backward by `localGradient` in reverse
    /// tape order, inputs in order: the Stepper's way, one node at a time.
    static func reference(_ graph: Graph, tape: Tape) -> Graph {
        var g = graph
        for node in tape.order where g.ops[node] != nil { g.values[node] = g.evaluate(NodeID(node)) }
        g.grads = Array(repeating: 0, count: g.count)
        g.grads[tape.output.index] = 1
        for node in tape.order.reversed() where g.ops[node] != nil {
            let inputs = g.inputs(of: NodeID(node))
            for (position, input) in inputs.enumerated() {
                g.grads[input.index] += g.grads[node] * g.localGradient(of: NodeID(node), inputAt: position)
            }
        }
        return g
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func compiledPassesMatchTheRules(seed: UInt64) throws {
        var fast = Self.everyOpGraph(seed: seed)
        let tape = try #require(fast.tape())
        let expected = Self.reference(fast, tape: tape)
        fast.forward(tape)
        fast.backward(tape)
        #expect(Self.bits(fast.values) == Self.bits(expected.values))
        #expect(Self.bits(fast.grads) == Self.bits(expected.grads))
        #expect(fast.values.contains { !$0.isFinite }, "the graph should exercise non-finite values")

        var whole = Self.everyOpGraph(seed: seed)
        whole.run()
        #expect(Self.bits(whole.values) == Self.bits(expected.values))
        #expect(Self.bits(whole.grads) == Self.bits(expected.grads))
    }

    /// The tape keeps only what the output depends on, ascending, and compiles its op nodes.
    @Test func tapeSkipsUnusedNodes() throws {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 2)
        let unused = g.addLeaf(.input, name: "u", value: 5)
        let y = g.addOp(.mul, [x, x], name: "y")
        _ = g.addOp(.exp, [unused], name: "side")
        let f = g.addOp(.max, [y, x, y], name: "f")
        let tape = Tape(g, output: f)
        #expect(tape.ids == [x, y, f])
        #expect(tape.instructions.map(\.op) == [.mul, .max])
        #expect(tape.contains(y) && !tape.contains(unused))
        g.forward(tape)
        g.backward(tape)
        #expect(g.value(of: f) == 4)
        // max routes to the first of the two equal y inputs; y = x² gives 2x = 4.
        #expect(g.grad(of: y) == 1)
        #expect(g.grad(of: x) == 4)
        #expect(g.grad(of: unused) == 0)
    }

}

/// The passes run over the graph's arrays with unsafe pointers; `values` and `grads` can
/// only be changed inside the engine (`internal(set)`), and every pass checks their lengths
/// first. Here every pass runs under those checks on graphs changed only the public way.
@Suite struct PassCountTests {
    @Test func thePassesRunOnArraysOfTheGraphsSize() throws {
        for seed in UInt64(1)...20 {
            var g = RandomGraphs.make(seed: seed, ops: 10 + Int(seed), from: RandomGraphs.everyOp)
            let tape = try #require(g.tape())
            for id in g.ids where g.kind(of: id) == .input { g.setValue(Double(seed) / 7, of: id) }
            g.forward()
            g.forward(tape)
            g.backward(tape)
            g.run()
            #expect(g.values.count == g.count && g.grads.count == g.count)
            // A node appended after the tape was taken: the old tape still runs in bounds.
            let last = NodeID(g.count - 1)
            g.addOp(.exp, [last], name: "appended_\(seed)")
            g.forward(tape)
            g.backward(tape)
            #expect(g.values.count == g.count && g.grads.count == g.count)
        }
    }
}
