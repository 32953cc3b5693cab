@testable import Autograd

/// Seeded random graphs for property tests: a few leaves of every kind, then ops whose
/// inputs are drawn from earlier nodes (with repeats, so `x * x` and fan-out happen).
enum RandomGraphs {
    static let everyOp: [Op] = Op.allCases
    /// Ops with derivatives everywhere, and values kept moderate by the squashing ones.
    static let smoothOps: [Op] = [.add, .sub, .mul, .tanh, .sigmoid, .neg, .tanh, .sigmoid]

    static func make(seed: UInt64, ops count: Int, from ops: [Op]) -> Graph {
        var random = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var g = Graph()
        g.addLeaf(.input, name: "i0", value: random.uniform(-2, 2))
        g.addLeaf(.input, name: "i1", value: random.uniform(-2, 2))
        g.addLeaf(.param, name: "p0", value: random.uniform(-1, 1))
        g.addLeaf(.param, name: "p1", value: random.uniform(-1, 1))
        g.addLeaf(.const, name: "c", value: 0.5)
        g.addLeaf(.const, value: 2)
        for n in 0..<count {
            let op = ops[pick(ops.count)]
            let arity = op.arity == .unary ? 1 : (op.arity == .binary ? 2 : 1 + pick(3))
            // Lean on recent nodes so the graph is deep, not a flat fan of leaves.
            let inputs = (0..<arity).map { _ in NodeID(Swift.max(0, g.count - 1 - pick(Swift.min(g.count, 6)))) }
            g.addOp(op, inputs, name: n % 3 == 0 ? "n\(n)" : nil)
        }
        // The output sums the last few nodes, so most of the graph is on its tape.
        var output = NodeID(g.count - 1)
        for back in 2...4 where g.count - back >= 6 { output = g.addOp(.add, [output, NodeID(g.count - back)]) }
        g.name(output, "L")
        return g
    }

    static func bits(_ stepper: Stepper) -> [UInt64] {
        (stepper.graph.values + stepper.graph.grads + stepper.batchSums).map(\.bitPattern)
    }

    static func bits(_ graph: Graph) -> [UInt64] { (graph.values + graph.grads).map(\.bitPattern) }

    /// Bits with every NaN made the same: comparing two separately compiled loops (stepper
    /// and fast path) for bit equality must ignore the NaN's sign and payload, which IEEE 754
    /// leaves to the hardware and the compiler's operand order (x86 keeps the first
    /// operand's NaN, and `a + b` may be emitted as `b + a`). Every other number is compared
    /// bit for bit, signed zeros included.
    static func numbers(_ graph: Graph) -> [UInt64] {
        (graph.values + graph.grads).map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }
    }


    /// `numbers` of the values on `tape` (the output's cone) and of every gradient: what the
    /// fast path computes. (The stepper's forward pass also computes the nodes off the
    /// cone, which `Graph.train` leaves alone.)
    static func numbers(_ graph: Graph, on tape: Tape) -> [UInt64] {
        (tape.order.map { graph.values[$0] } + graph.grads).map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }
    }
}
