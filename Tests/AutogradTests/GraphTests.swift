import Testing
@testable import Autograd

@Suite struct GraphTests {
    /// CS231n: f = (x + y) · z at x = −2, y = 5, z = −4.
    @Test func chainRuleExample() {
        let (graph, x, y, z, q, f) = StepperTests.chainRule()
        var g = graph
        g.run()
        #expect(g.value(of: q) == 3)
        #expect(g.value(of: f) == -12)
        #expect(g.grad(of: x) == -4)
        #expect(g.grad(of: y) == -4)
        #expect(g.grad(of: z) == 3)
        #expect(g.grad(of: q) == -4)
    }

    @Test func squareHasTwoEdges() {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 3)
        let y = g.addOp(.mul, [x, x], name: "y")
        g.run()
        #expect(g.inputs(of: y) == [x, x])
        #expect(g.grad(of: x) == 6)
    }
}
