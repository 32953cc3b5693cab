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

/// A `max` of 100,000 arguments is stepped in linear time: each input's local derivative
/// is found in one pass over the inputs, not one pass per input (which took 43 s).
@Suite struct WideMaxTests {
    @Test func aHundredThousandArgumentMaxStepsThroughOnce() throws {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 1)
        let y = g.addLeaf(.input, name: "y", value: 3)
        let inputs = Array(repeating: x, count: 99_999) + [y]
        let z = g.addOp(.max, inputs, name: "z")
        var s = try Stepper(graph: g)
        #expect(g.localGradients(of: z) == Array(repeating: 0, count: 99_999) + [1])
        s.toEnd()
        #expect(s.graph.value(of: z) == 3 && s.graph.grad(of: y) == 1 && s.graph.grad(of: x) == 0)
        // The record of the max's step: every flow in, each numbered among x's uses.
        s.go(to: s.plan.index(of: .backward(z)) ?? 0)
        guard case .backward(let record)? = s.step() else {
            Issue.record("backward z expected")
            return
        }
        #expect(record.flows.count == 100_000)
        #expect(record.flows[0].contribution == 0 && record.flows[99_998].contribution == 99_998)
        #expect(record.flows[99_999].local == 1 && record.flows[99_999].to == y)
    }
}
