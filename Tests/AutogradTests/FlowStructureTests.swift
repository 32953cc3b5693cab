import Testing
@testable import Autograd

/// The neurons the flow-diagram view draws, read from the shape of a graph.
@Suite struct FlowStructureTests {
    /// ξ1 = sum(0.5, −x1, −x2), h1 = u(ξ1): the slide's weights −1, −1 and bias 0.5; a
    /// product with a param is a weight, a param alone a bias; a bare input has weight 1.
    @Test func xorAndAWeightedNeuron() throws {
        var g = Graph()
        let x1 = g.addLeaf(.input, name: "x1", value: 0)
        let x2 = g.addLeaf(.input, name: "x2", value: 1)
        let half = g.addLeaf(.const, value: 0.5)
        let xi = g.addOp(.sum, [half, g.addOp(.neg, [x1]), g.addOp(.neg, [x2])], name: "ξ1")
        let h = g.addOp(.step, [xi], name: "h1")
        let w = g.addLeaf(.param, name: "w", value: 2)
        let b = g.addLeaf(.param, name: "b", value: -1)
        let z = g.addOp(.add, [g.addOp(.mul, [h, w]), b], name: "z")
        let out = g.addOp(.sigmoid, [z], name: "f")
        let structure = try #require(FlowStructure(g))
        #expect(structure.neurons.count == 2)
        let first = structure.neurons[0]
        #expect(first.excitation == xi && first.activation == h)
        #expect(first.terms.map(\.source) == [.bias, .node(x1), .node(x2)])
        #expect(first.terms.map(\.weight) == [.number(0.5), .number(-1), .number(-1)])
        let second = structure.neurons[1]
        #expect(second.activation == out)
        #expect(second.terms.map(\.source) == [.node(h), .bias])
        #expect(second.terms.map(\.weight) == [.leaf(w), .leaf(b)])
        #expect(structure.absorbed.contains(w) && structure.absorbed.contains(b) && !structure.absorbed.contains(x1))
    }

    /// No activation of a sum, no neurons: σ(x·y) and a sum used twice are not drawn as one.
    @Test func noNeurons() {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 1)
        let y = g.addLeaf(.input, name: "y", value: 2)
        _ = g.addOp(.sigmoid, [g.addOp(.mul, [x, y])], name: "f")
        #expect(FlowStructure(g) == nil)
        var shared = Graph()
        let a = shared.addLeaf(.input, name: "a", value: 1)
        let s = shared.addOp(.sum, [a, a], name: "s")
        _ = shared.addOp(.add, [shared.addOp(.tanh, [s]), s], name: "f")
        #expect(FlowStructure(shared) == nil)
    }
}
