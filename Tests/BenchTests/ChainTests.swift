import Autograd
import Bench
import Testing

/// The chain workload `backprop bench` times, as graphs the engine must handle: a tape
/// that outlives appended nodes, and a million nodes without recursion.
@Suite struct ChainTests {
    /// A tape stays valid as the graph grows: values after new nodes are added are the same.
    @Test func tapeSurvivesAppendedNodes() throws {
        var g = Chain.build(length: 1_000)
        let tape = try #require(g.tape())
        g.forward(tape)
        let before = g.value(of: tape.output)
        _ = g.addOp(.neg, [tape.output], name: "later")
        g.setValue(0.5, of: NodeID(0))
        g.forward(tape)
        #expect(g.value(of: tape.output) == before)
    }

    /// A 1,000,000-node chain runs forward and backward without recursion; the shared
    /// weight collects half a million contributions, which agree with finite differences.
    @Test func millionNodeChain() throws {
        var g = Chain.build(length: 1_000_000)
        g.run()
        let w = try #require(g.id(named: "w"))
        #expect(g.count == 1_000_000)
        #expect(g.value(of: try #require(g.output)).isFinite)
        #expect(g.grad(of: w) != 0)
        #expect(Graph.relativeError(g.grad(of: w), g.numericalGradient(of: w)) < 1e-6)
    }
}
