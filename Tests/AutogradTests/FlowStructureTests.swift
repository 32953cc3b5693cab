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

    /// The head: the operations after the neurons that lead into none — the loss, and
    /// what it takes from outside the network (the target's negation, a weight's
    /// square) — in definition order; an op that feeds a neuron (x²) is not in it.
    @Test func theHeadIsTheLossAndWhatLeadsToItOutsideTheNeurons() throws {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 2)
        let y = g.addLeaf(.input, name: "y", value: 1)
        let w = g.addLeaf(.param, name: "w", value: 0.5)
        let v = g.addLeaf(.param, name: "v", value: -1)
        let square = g.addOp(.mul, [x, x])
        let xi = g.addOp(.sum, [g.addOp(.mul, [w, x]), g.addOp(.mul, [v, square])], name: "ξ")
        let f = g.addOp(.sigmoid, [xi], name: "f")
        let negY = g.addOp(.neg, [y])
        let error = g.addOp(.add, [f, negY], name: "e")
        let decay = g.addOp(.mul, [w, w])
        let loss = g.addOp(.add, [g.addOp(.mul, [error, error]), decay], name: "L")
        let structure = try #require(FlowStructure(g))
        #expect(structure.neurons.count == 1)
        let squared = g.input(of: loss, at: 0)
        #expect(structure.head == [negY, error, decay, squared, loss])
        #expect(!structure.head.contains(square) && !structure.head.contains(f))
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

    /// A linear classifier's scores: a named sum of unnamed weighted terms with a param
    /// weight is a linear unit (no activation; its box is ξ alone). A sum of named
    /// products (`a0 = w0 * x0`, shown as nodes of their own), a sum without a param
    /// weight and an unnamed sum are not.
    @Test func linearUnits() throws {
        var g = Graph()
        let x1 = g.addLeaf(.input, name: "x1", value: 1)
        let x2 = g.addLeaf(.input, name: "x2", value: 2)
        let w1 = g.addLeaf(.param, name: "w1", value: 0.5)
        let w2 = g.addLeaf(.param, name: "w2", value: -1)
        let b = g.addLeaf(.param, name: "b", value: 0)
        let s = g.addOp(.sum, [g.addOp(.mul, [w1, x1]), g.addOp(.mul, [w2, x2]), b], name: "s")
        let y = g.addLeaf(.const, name: "y", value: 1)
        let named = g.addOp(.mul, [g.addLeaf(.param, name: "v", value: 3), x1], name: "a0")
        let shown = g.addOp(.add, [named, g.addLeaf(.param, name: "c", value: 1)], name: "t")
        let unweighted = g.addOp(.add, [g.addOp(.mul, [y, x1]), g.addOp(.neg, [x2])], name: "u")
        _ = g.addOp(.sum, [g.addOp(.mul, [s, s]), g.addOp(.add, [shown, unweighted])], name: "L")
        let structure = try #require(FlowStructure(g))
        #expect(structure.neurons.count == 1)
        let unit = structure.neurons[0]
        #expect(unit.excitation == s && unit.activation == nil && unit.output == s && unit.lines == [s])
        #expect(unit.terms.map(\.source) == [.node(x1), .node(x2), .bias])
        #expect(unit.terms.map(\.weight) == [.leaf(w1), .leaf(w2), .leaf(b)])
        #expect(!structure.absorbed.contains(x1) && structure.absorbed.contains(s) && structure.absorbed.contains(w2))
    }
}
