import Testing
@testable import Autograd

/// A 1,000,000-node chain, forward and backward: the tape and the passes use no
/// recursion, so depth costs memory in arrays, not stack.
@Suite struct LongChainTests {
    @Test func millionNodeChain() throws {
        let count = 1_000_000
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 0)
        let one = g.addLeaf(.const, name: "one", value: 1)
        var last = x
        for _ in 2..<count {
            last = g.addOp(.add, [last, one])
        }
        g.name(last, "f")
        #expect(g.count == count)
        let tape = try #require(g.tape())
        #expect(tape.order.count == count)
        g.forward(tape)
        g.backward(tape)
        #expect(g.value(of: last) == Double(count - 2))
        #expect(g.grad(of: x) == 1)
        // The constant is added once per gate: its gradient sums 999,998 ones.
        #expect(g.grad(of: one) == Double(count - 2))
    }
}
