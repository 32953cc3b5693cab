import Testing
@testable import Autograd

/// The mistakes lab's bugs, made on purpose by the Stepper: `=` where `+=` belongs, and a
/// second `backward()` without zeroing — each against the right run of the fast path.
@Suite struct MistakeTests {
    /// f = x1·(x1 + x2) at x1 = 2, x2 = 5: x1 fans out, ∂f/∂x1 = 2x1 + x2 = 9, ∂f/∂x2 = x1 = 2.
    static func fanOut() -> (Graph, x1: NodeID, x2: NodeID, s: NodeID) {
        var g = Graph()
        let x1 = g.addLeaf(.input, name: "x1", value: 2)
        let x2 = g.addLeaf(.input, name: "x2", value: 5)
        let s = g.addOp(.add, [x1, x2], name: "s")
        _ = g.addOp(.mul, [x1, s], name: "f")
        return (g, x1, x2, s)
    }

    func run(_ mistake: Mistake?) throws -> Stepper {
        var stepper = try Stepper(graph: Self.fanOut().0, mistake: mistake)
        stepper.toEnd()
        return stepper
    }

    @Test func assignKeepsOnlyTheLastPath() throws {
        let (_, x1, x2, s) = Self.fanOut()
        let right = try run(nil), wrong = try run(.assign)
        #expect(right.graph.grad(of: x1) == 9 && right.graph.grad(of: x2) == 2)
        // x1 gets 7 from the product, then 2 from the sum replaces it.
        #expect(wrong.graph.grad(of: x1) == 2 && wrong.graph.grad(of: x2) == 2 && wrong.graph.grad(of: s) == 2)
        #expect(abs(wrong.graph.numericalGradient(of: x1) - 9) < 1e-6)  // finite differences side with the right run
        // The record of x1's last contribution says it replaced the 7.
        guard case .backward(let record)? = try stepTo(.assign, node: s) else { Issue.record("no record"); return }
        let intoX1 = try #require(record.flows.first { $0.to == x1 })
        #expect(intoX1.replaced && intoX1.before == 7 && intoX1.after == 2)
    }

    @Test func backwardTwiceDoublesEveryLeaf() throws {
        let (_, x1, x2, s) = Self.fanOut()
        let wrong = try run(.backwardTwice)
        #expect(wrong.graph.grad(of: x1) == 18 && wrong.graph.grad(of: x2) == 4)
        #expect(wrong.graph.grad(of: s) == 2)  // inner nodes are not stored between calls
        guard case .backward(let record)? = try stepTo(.backwardTwice, node: x1) else { Issue.record("no record"); return }
        #expect(record.carried == 9 && record.grad == 18)
    }

    /// Stepping back through a mistaken pass restores every number exactly.
    @Test(arguments: Mistake.allCases) func rewindIsExact(_ mistake: Mistake) throws {
        var stepper = try Stepper(graph: Self.fanOut().0, mistake: mistake)
        var states: [Graph] = [stepper.graph]
        while !stepper.isAtEnd {
            stepper.step()
            states.append(stepper.graph)
        }
        while !stepper.isAtStart {
            states.removeLast()
            stepper.back()
            #expect(stepper.graph == states.last)
        }
    }

    /// The record of the backward step at `node`.
    func stepTo(_ mistake: Mistake, node: NodeID) throws -> StepRecord? {
        var stepper = try Stepper(graph: Self.fanOut().0, mistake: mistake)
        while let next = stepper.nextStep {
            stepper.step()
            if next == .backward(node) { return stepper.lastRecord }
        }
        return nil
    }
}
