import Foundation
import Testing
@testable import Autograd

/// The step machine on the slides' small graphs: the exact sequence of steps and the numbers
/// each record carries.
@Suite struct StepperTests {
    /// CS231n: f = (x + y) · z at x = −2, y = 5, z = −4.
    static func chainRule() -> (Graph, x: NodeID, y: NodeID, z: NodeID, q: NodeID, f: NodeID) {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: -2)
        let y = g.addLeaf(.input, name: "y", value: 5)
        let z = g.addLeaf(.input, name: "z", value: -4)
        let q = g.addOp(.add, [x, y], name: "q")
        let f = g.addOp(.mul, [q, z], name: "f")
        return (g, x, y, z, q, f)
    }

    @Test func chainRuleSequenceOfSteps() throws {
        let (g, x, y, z, q, f) = Self.chainRule()
        let stepper = try Stepper(graph: g)
        let steps = (0..<stepper.count).map { stepper.plan.step(at: $0) }
        #expect(steps == [.forward(q), .forward(f), .seed(f),
                          .backward(f), .backward(q), .backward(z), .backward(y), .backward(x)])
        #expect(stepper.plan.index(of: .backward(q)) == 4)
        #expect(stepper.plan.start(of: .backward) == 3)
    }

    /// The start holds the row the first step loads, not the graph's own input values,
    /// and going back to the start restores it.
    @Test func theStartHoldsTheFirstRow() throws {
        var g = Graph()
        let x1 = g.addLeaf(.input, name: "x1", value: 0)
        let x2 = g.addLeaf(.input, name: "x2", value: 1)
        _ = g.addOp(.add, [x1, x2], name: "f")
        let data = try Dataset(inputs: [x1, x2], targets: [], rows: [[5, 7], [0, 1]], for: g)
        var s = try Stepper(graph: g, dataset: data)
        #expect(s.plan.step(at: 0) == .sample(0))
        #expect(s.graph.value(of: x1) == 5 && s.graph.value(of: x2) == 7)
        s.go(to: s.count)
        s.go(to: 0)
        #expect(s.graph.value(of: x1) == 5 && s.graph.value(of: x2) == 7)
        // Without data the graph's own values stand.
        #expect(try Stepper(graph: g).graph.value(of: x2) == 1)
    }

    @Test func chainRuleRecords() throws {
        let (g, x, y, z, q, f) = Self.chainRule()
        var s = try Stepper(graph: g)
        #expect(s.grads == [0, 0, 0, 0, 0])

        guard case .forward(let fq) = s.step() else { Issue.record("forward q expected"); return }
        #expect(fq.node == g.id(named: "q") && fq.op == .add && fq.result == 3)
        #expect(fq.inputs == [Operand(id: x, value: -2), Operand(id: y, value: 5)])

        guard case .forward(let ff) = s.step() else { Issue.record("forward f expected"); return }
        #expect(ff.inputs.map(\.value) == [3, -4] && ff.result == -12)

        guard case .seed(let seed) = s.step() else { Issue.record("seed expected"); return }
        #expect(seed.output == f && seed.cleared == 0)
        #expect(s.graph.grad(of: f) == 1)

        guard case .backward(let bf) = s.step() else { Issue.record("backward f expected"); return }
        #expect(bf.isOutput && bf.ledger.isEmpty && bf.grad == 1)
        #expect(bf.flows == [
            GradientFlow(from: f, to: q, position: 0, upstream: 1, local: -4, product: -4, before: 0, after: -4, contribution: 0),
            GradientFlow(from: f, to: z, position: 1, upstream: 1, local: 3, product: 3, before: 0, after: 3, contribution: 0),
        ])

        guard case .backward(let bq) = s.step() else { Issue.record("backward q expected"); return }
        #expect(bq.ledger.map(\.product) == [-4] && bq.ledger.map(\.from) == [f] && bq.grad == -4)
        #expect(bq.flows.map(\.to) == [x, y])
        #expect(bq.flows.map(\.upstream) == [-4, -4])
        #expect(bq.flows.map(\.local) == [1, 1])
        #expect(bq.flows.map(\.after) == [-4, -4])

        guard case .backward(let bz) = s.step() else { Issue.record("backward z expected"); return }
        #expect(bz.op == nil && bz.flows.isEmpty && bz.grad == 3 && bz.ledger.map(\.local) == [3])
        guard case .backward(let by) = s.step() else { Issue.record("backward y expected"); return }
        #expect(by.grad == -4 && by.ledger.map(\.from) == [q])
        guard case .backward(let bx) = s.step() else { Issue.record("backward x expected"); return }
        #expect(bx.grad == -4)
        #expect(s.step() == nil && s.isAtEnd)

        #expect(s.graph.values == [-2, 5, -4, 3, -12])
        #expect(s.grads == [-4, -4, 3, -4, 1])
    }

    /// The edge setting: each `+=` is its own step.
    @Test func chainRuleEdgeByEdge() throws {
        let (g, x, y, z, q, f) = Self.chainRule()
        var s = try Stepper(graph: g, granularity: .edge)
        let steps = (0..<s.count).map { s.plan.step(at: $0) }
        #expect(steps == [.forward(q), .forward(f), .seed(f),
                          .backwardEdge(f, position: 0), .backwardEdge(f, position: 1),
                          .backwardEdge(q, position: 0), .backwardEdge(q, position: 1),
                          .backward(z), .backward(y), .backward(x)])
        s.go(to: 4)
        guard case .backward(let edge) = s.lastRecord else { Issue.record("an edge record expected"); return }
        #expect(edge.flows.count == 1 && edge.flows[0].to == q && edge.flows[0].product == -4)
        #expect(s.graph.grad(of: q) == -4 && s.graph.grad(of: z) == 0)
        s.toEnd()
        var fast = g
        fast.run()
        #expect(s.graph == fast)
    }

    /// f = (a·b)(a + b) at a = −2, b = 3: a fans out to d and e, and its ledger reads
    /// ∂f/∂a = 3 (via d) + (−6) (via e) = −3.
    @Test func fanOutLedger() throws {
        var g = Graph()
        let a = g.addLeaf(.input, name: "a", value: -2)
        let b = g.addLeaf(.input, name: "b", value: 3)
        let d = g.addOp(.mul, [a, b], name: "d")
        let e = g.addOp(.add, [a, b], name: "e")
        let f = g.addOp(.mul, [d, e], name: "f")
        var s = try Stepper(graph: g)
        guard let at = s.plan.index(of: .backward(a)) else { Issue.record("no backward a"); return }
        s.go(to: at + 1)
        guard case .backward(let ledger) = s.lastRecord else { Issue.record("backward a expected"); return }
        #expect(ledger.ledger.map { g.name(of: $0.from) } == ["d", "e"])
        #expect(ledger.ledger.map(\.upstream) == [1, -6])  // ∂f/∂d = e = 1, ∂f/∂e = d = −6
        #expect(ledger.ledger.map(\.local) == [3, 1])  // ∂d/∂a = b, ∂e/∂a = 1
        #expect(ledger.ledger.map(\.product) == [3, -6])
        #expect(ledger.grad == -3)
        // The backward pass adds via e first (reverse order), then via d.
        #expect(ledger.ledger.map(\.before) == [-6, 0] && ledger.ledger.map(\.after) == [-3, -6])
        #expect(s.graph.grad(of: b) == -8 && s.graph.grad(of: f) == 1)
    }

    /// y = x·x at x = 3: two edges to x, two contributions of 3.
    @Test func squareCollectsTwoContributions() throws {
        var g = Graph()
        let x = g.addLeaf(.input, name: "x", value: 3)
        let y = g.addOp(.mul, [x, x], name: "y")
        var s = try Stepper(graph: g)
        s.go(to: 3)
        guard case .backward(let by) = s.lastRecord else { Issue.record("backward y expected"); return }
        #expect(by.flows.map(\.position) == [0, 1])
        #expect(by.flows.map(\.product) == [3, 3])
        #expect(by.flows.map(\.before) == [0, 3] && by.flows.map(\.after) == [3, 6])
        guard case .backward(let bx) = s.step() else { Issue.record("backward x expected"); return }
        #expect(bx.ledger.map(\.from) == [y, y] && bx.ledger.map(\.product) == [3, 3] && bx.grad == 6)
        #expect(s.graph.grad(of: x) == 6)
    }

    @Test func backRestoresTheStateAndTheRecord() throws {
        let (g, _, _, _, q, _) = Self.chainRule()
        var s = try Stepper(graph: g)
        let start = s.graph
        var records: [StepRecord?] = [nil]
        var states: [Graph] = [s.graph]
        while let record = s.step() {
            records.append(record)
            states.append(s.graph)
        }
        for n in stride(from: s.count, through: 0, by: -1) {
            #expect(s.position == n && s.graph == states[n] && s.lastRecord == records[n])
            s.back()
        }
        #expect(s.graph == start && !s.back())
        // Jumps by stretch: the end of the forward pass, of the backward pass (the seed is
        // part of it), and back.
        s.go(to: 1)
        s.toPhaseEnd()
        #expect(s.position == 2 && s.nextStep?.phase == .seed)
        s.toPhaseEnd()
        #expect(s.isAtEnd)
        s.toPhaseStart()
        #expect(s.position == 2 && s.lastStep?.phase == .forward)
        s.go(to: 5)
        #expect(s.lastStep == .backward(q))
        s.toPhaseStart()
        #expect(s.position == 2)
        s.toPhaseStart()
        #expect(s.isAtStart)
    }
}

extension StepperTests {
    @Test func progressMarksDoneAndPendingNodes() throws {
        let (g, x, _, z, q, f) = Self.chainRule()
        var s = try Stepper(graph: g)
        #expect(s.progress(of: x) == NodeProgress(computed: true, gradientArrived: false, gradientComplete: false))
        #expect(s.progress(of: q) == NodeProgress(computed: false, gradientArrived: false, gradientComplete: false))
        s.step()
        #expect(s.progress(of: q).computed && !s.progress(of: f).computed)
        s.go(to: 4)  // after backward f
        // A gradient is complete when its last contribution is in: q's and z's only ones
        // came with backward f; x's comes with backward q.
        #expect(s.progress(of: f).gradientComplete && s.progress(of: q).gradientComplete)
        #expect(s.progress(of: z).gradientComplete && !s.progress(of: x).gradientArrived)
        s.go(to: 5)  // after backward q
        #expect(s.progress(of: q).gradientComplete && s.progress(of: x).gradientComplete)
        #expect(s.progress(of: z).gradientArrived && s.progress(of: x).gradientArrived)
        s.go(to: 3)  // after the seed: only the output has a gradient
        #expect(g.ids.map { s.progress(of: $0).gradientArrived } == [false, false, false, false, true])
        s.toEnd()
        #expect(g.ids.allSatisfy { s.progress(of: $0) == NodeProgress(computed: true, gradientArrived: true, gradientComplete: true) })
    }

    /// The forward pass computes every node, also one the output does not depend on (the
    /// slide's p_car beside L = −ln p_cat); the backward pass leaves its gradient at 0.
    @Test func theForwardPassComputesNodesOffTheOutputsCone() throws {
        var g = Graph()
        let a = g.addLeaf(.input, name: "a", value: 2)
        let side = g.addOp(.exp, [a], name: "side")
        let f = g.addOp(.mul, [a, a], name: "f")
        g.output = f
        var stale = g
        stale.values[side.index] = 0
        var s = try Stepper(graph: stale)
        #expect(s.plan.pass().contains(.forward(side)))
        s.go(to: s.plan.index(of: .forward(side)).map { $0 + 1 } ?? 0)
        #expect(s.graph.value(of: side) == exp(2))
        #expect(s.progress(of: side).computed)
        s.go(to: s.plan.index(of: .seed(f)).map { $0 + 1 } ?? 0)
        // Off the cone the gradient is 0 and final from the seed on.
        #expect(s.progress(of: side) == NodeProgress(computed: true, gradientArrived: true, gradientComplete: true))
        s.toEnd()
        #expect(s.graph.grad(of: side) == 0 && s.graph.grad(of: a) == 4)
        #expect(s.contributionCount(to: a) == 2 && s.contributionCount(to: side) == 0)
    }

    @Test func edgesFlowOneAtATime() throws {
        let (g, _, _, z, q, f) = Self.chainRule()
        var s = try Stepper(graph: g, granularity: .edge)
        s.go(to: 4)  // after the first edge of f
        #expect(s.hasFlowed(from: f, position: 0) && !s.hasFlowed(from: f, position: 1))
        #expect(s.progress(of: q).gradientArrived && !s.progress(of: z).gradientArrived)
        #expect(!s.hasFlowed(from: q, position: 0) && !s.hasFlowed(from: f, position: 2))
        var coarse = try Stepper(graph: g)
        coarse.go(to: 4)  // after backward f
        #expect(coarse.hasFlowed(from: f, position: 0) && coarse.hasFlowed(from: f, position: 1))
        #expect(coarse != s)
        s.toEnd()
        #expect(s.hasFlowed(from: q, position: 1))
    }

    /// f = (1 − x)·y: edge by edge, the difference's edge into its literal 1 has no step
    /// (nothing is learnt from a literal's gradient, and there is no number to show), as
    /// the literal has none of its own node by node; the edge counts as flowed with the
    /// node's first step, which sends the literal its gradient too: every gradient ends as
    /// in one `backward()`.
    @Test func anEdgeIntoALiteralHasNoStep() throws {
        var g = Graph()
        let one = g.addLeaf(.const, value: 1)
        let x = g.addLeaf(.input, name: "x", value: 3)
        let y = g.addLeaf(.input, name: "y", value: 2)
        let d = g.addOp(.sub, [one, x], name: "d")
        let f = g.addOp(.mul, [d, y], name: "f")
        var s = try Stepper(graph: g, granularity: .edge)
        let steps = (0..<s.count).map { s.plan.step(at: $0) }
        #expect(steps == [.forward(d), .forward(f), .seed(f),
                          .backwardEdge(f, position: 0), .backwardEdge(f, position: 1),
                          .backwardEdge(d, position: 1), .backward(y), .backward(x)])
        s.go(to: 5)
        #expect(!s.hasFlowed(from: d, position: 0) && !s.hasFlowed(from: d, position: 1))
        s.go(to: 6)  // after d's one edge step
        #expect(s.hasFlowed(from: d, position: 0) && s.hasFlowed(from: d, position: 1))
        #expect(s.graph.grad(of: x) == -2 && s.progress(of: x).gradientComplete)
        s.toEnd()
        var fast = g
        fast.run()
        // The literal's gradient too, sent along with d's one step, as `backward()` gives it.
        #expect(s.graph == fast && s.graph.grad(of: one) == 2)
    }

    @Test func progressFollowsEachSample() throws {
        let (g, data, o) = try TrainingTests.xorNetwork(seed: 1)
        let x1 = try #require(g.id(named: "x1"))
        var s = try Stepper(graph: g, dataset: data, training: TrainingSettings(learningRate: 1, epochs: 1))
        #expect(!s.progress(of: x1).computed)
        s.step()
        #expect(s.progress(of: x1).computed && !s.progress(of: o).computed)
        s.go(to: try #require(s.plan.index(of: .forward(o), row: 1)) + 1)
        #expect(s.progress(of: o).computed && !s.progress(of: x1).gradientComplete)
        s.toEnd()
        #expect(s.progress(of: x1).gradientComplete)
    }
}

extension Stepper {
    var grads: [Double] { graph.grads }
}
