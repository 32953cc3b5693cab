import Testing
@testable import Autograd

/// The cost of the undo history: a full forward, backward and update pass over a
/// 10,000-node graph stays far below 50 MB, and stepping back writes back only what the
/// step changed, whatever the size of the graph.
@Suite struct HistoryCostTests {
    /// `layers` blocks of four nodes: a param p, m = p·h, a = m + x, h' = tanh(a).
    static func deepGraph(layers: Int) -> Graph {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 0.3)
        var h = x
        for i in 0..<(layers - 1) {
            let p = g.addLeaf(.param, name: "p\(i)", value: 0.9)
            let m = g.addOp(.mul, [p, h])
            let a = g.addOp(.add, [m, x])
            h = g.addOp(.tanh, [a])
        }
        let p = g.addLeaf(.param, name: "p_last", value: 0.5)
        let m = g.addOp(.mul, [p, h])
        g.addOp(.add, [m, x], name: "L")
        return g
    }

    @Test func tenThousandNodesThroughAFullPassStayUnderFiftyMegabytes() throws {
        let g = Self.deepGraph(layers: 2_500)
        #expect(g.count == 10_000)
        var s = try Stepper(graph: g, training: TrainingSettings(learningRate: 0.01))
        #expect(s.count == 7_499 + 1 + 10_000 + 2_500)  // forward, seed, backward, update
        s.toEnd()
        // One overwritten number per forward node, per edge and per update, 16 bytes each.
        #expect(s.historyBytes < 50_000_000)
        #expect(s.historyBytes < 1_500_000)
        // Back through the updates and into the backward pass: each step undoes only itself.
        s.back()
        #expect(s.lastStep == .update(try #require(g.id(named: "p2498"))) && s.lastStepChangeCount == 1)
        s.go(to: try #require(s.plan.start(of: .update)))
        #expect(s.lastStep?.phase == .backward)
        s.toStart()
        #expect(s.historyBytes < 1_500_000 && s.graph.values == g.values)
    }

    /// What back() writes does not grow with the graph: the same step changes the same
    /// count of numbers in a graph 100 times larger.
    @Test func backCostDoesNotGrowWithTheGraph() throws {
        var counts: [[Int]] = []
        for layers in [25, 2_500] {
            let g = Self.deepGraph(layers: layers)
            var s = try Stepper(graph: g, training: TrainingSettings(learningRate: 0.01))
            var perPhase: [Int] = []
            for phase in [Phase.forward, .seed, .backward, .update] {
                s.go(to: try #require(s.plan.start(of: phase)) + 1)
                perPhase.append(s.lastStepChangeCount)
            }
            counts.append(perPhase)
        }
        // forward: 1 value; seed: the output's gradient; backward of L: its two edges; update: 1.
        #expect(counts == [[1, 1, 2, 1], [1, 1, 2, 1]])
    }
}
