import Autograd
import Screen
import Testing
@testable import Tutor

/// In the flow diagram the Step pane says each step as the slide would: a weight on an
/// edge, arrows coming together at ξ, the activation h; the circuit view says nothing extra.
@Suite struct FlowWordsTests {
    func xor(at step: Int) throws -> TutorState {
        let state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        return update(state, .jump(to: step))
    }

    func words(_ state: TutorState) -> String? {
        state.stepper.lastRecord.flatMap { FlowWords(state: state).sentence(for: $0)?.text }
    }

    @Test func theStepsOfTheFirstNeuron() throws {
        // Step 1 loads row 1; then −x1, −x2, ξ1, h1.
        #expect(try words(xor(at: 2)) == "In the diagram: the edge x1 → ξ1 (weight −1) multiplies x1 by its weight.")
        #expect(try words(xor(at: 4)) == "In the diagram: the arrows into ξ1 come together, so their values are added: ξ1 is the excitation.")
        #expect(try words(xor(at: 5)) == "In the diagram: the neuron's activation h1 is computed from its excitation ξ1.")
        let circuit = update(try xor(at: 2), .toggleGraphView)
        #expect(words(circuit) == nil)
    }

    @Test func aWeightsGradientIsOnItsEdge() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let b1 = try #require(state.stepper.graph.id(named: "b1"))
        while state.stepper.lastStep != .backward(b1) { state.apply(.next) }
        #expect(words(state) == "In the diagram: b1's gradient is written on the edge 1 → ξ1.")
    }

    /// A line of the loss's box where arrows end is no sum: the sentence says so, since the
    /// diagram's rule says arrows that meet are added (a reviewer read δ = y − σ as y + σ).
    /// A sum there (perceptron 6's s_y) and a line fed from inside the box (L = δ²) get none.
    @Test func arrowsIntoTheLossBoxAreNotAdded() throws {
        func sentence(_ lesson: String, part: Int, at name: String) throws -> String? {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                       size: Size(width: 100, height: 30))
            if !state.showsFlow { state.apply(.toggleGraphView) }
            let node = try #require(state.flow?.names.firstIndex(of: name).map(NodeID.init), "\(lesson) \(name)")
            while state.stepper.lastStep != .forward(node) && !state.stepper.isAtEnd { state.apply(.next) }
            return words(state)
        }
        #expect(try sentence("sigmoid-neuron", part: 2, at: "δ")
                == "In the diagram: the arrows from y and σ meet at δ, but this box is not a neuron: δ = y − σ, not their sum.")
        #expect(try sentence("perceptron", part: 5, at: "(y_off·s_off)")?.hasPrefix("In the diagram: the arrows from y_off and s_off meet at (y_off·s_off)") == true)
        #expect(try sentence("xor", part: 1, at: "(f−y)")
                == "In the diagram: the arrow from y ends at (f−y), but this box is not a neuron: (f−y) = f − y, with no weight on the arrow.")
        // Past the box's first such line, the point is made; the formula follows.
        #expect(try sentence("perceptron", part: 5, at: "(y_on·s_on)") == "In the diagram: here too the arrows from y_on and s_on are not added.")
        #expect(try sentence("softmax", part: 1, at: "exp_s_car") == "In the diagram: here too the arrow from s_car carries no weight.")
        #expect(try sentence("perceptron", part: 5, at: "s_y") == nil)
        #expect(try sentence("sigmoid-neuron", part: 2, at: "L") == nil)
    }

    /// A weight the graph shares (linear regression's w2 weighs x12 → d1 and x22 → d2)
    /// has its gradient and its new value written on each of its edges: the sentence
    /// names them all.
    @Test func aSharedWeightIsOnEachOfItsEdges() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        let w2 = try #require(state.stepper.graph.id(named: "w2"))
        while state.stepper.lastStep != .backward(w2) { state.apply(.next) }
        #expect(words(state) == "In the diagram: w2's gradient is written on the edges x12 → d1 and x22 → d2.")
        while state.stepper.lastStep != .update(w2) { state.apply(.next) }
        #expect(words(state) == "In the diagram: the new w2 is written on the edges x12 → d1 and x22 → d2.")
        #expect(FlowWords.list(["a"]) == "a" && FlowWords.list(["a", "b", "c"]) == "a, b and c")
    }

    /// A shared weight's gradient stands on an edge once that edge has sent its part back:
    /// after x22 → d2, w2's edge from x22 reads `w2 ∇2` while its edge from x12, still to
    /// come, keeps `w2 −1`; once both have, both read the sum, `w2 ∇−14`.
    @Test func aSharedWeightsGradientStandsOnTheEdgesThatSentIt() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        let graph = state.stepper.graph
        let w2 = try #require(graph.id(named: "w2"))
        let terms = graph.consumers()[w2.index]
        #expect(terms.count == 2)
        func rows() -> [String] { picture(view(state)).split(separator: "\n").map(String.init) }
        func edge(from source: String) -> String { rows().first { $0.contains("· \(source) ") || $0.contains("✓ \(source) ") } ?? "" }
        let x22 = try #require(graph.id(named: "x22"))
        let second = try #require(terms.first { graph.inputs(of: $0).contains(x22) })
        while state.stepper.lastStep != .backward(second) { state.apply(.next) }
        #expect(edge(from: "x22").contains("w2 ∇2") && edge(from: "x12").contains("w2 −1"), "\(rows())")
        let first = try #require(terms.first { $0 != second })
        while state.stepper.lastStep != .backward(first) { state.apply(.next) }
        #expect(edge(from: "x22").contains("w2 ∇−14") && edge(from: "x12").contains("w2 ∇−14"), "\(rows())")
    }

    /// Where the diagram's sentence says what the op does to the gradient (arrows that
    /// came together, an edge's weight), the circuit's rule is not said again.
    @Test func theDiagramsSentenceStandsForTheRule() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let graph = state.stepper.graph
        let xi3 = try #require(graph.id(named: "ξ3")), v1 = try #require(graph.id(named: "v1"))
        let term = try #require(graph.consumers()[v1.index].first)
        func texts(_ state: TutorState) -> [String] { state.inspectorPaneLines.map(\.text) }
        while state.stepper.lastStep != .backward(xi3) { state.apply(.next) }
        #expect(words(state) == "In the diagram: where arrows came together, the gradient ∂loss/∂ξ3 goes back unchanged along each of them.")
        #expect(!texts(state).contains { $0.hasPrefix("Rule: ") })
        #expect(texts(update(state, .toggleGraphView)).contains { $0.hasPrefix("Rule: ") })
        while state.stepper.lastStep != .backward(term) { state.apply(.next) }
        #expect(words(state) == "In the diagram: back along the edge h1 → ξ3 (weight v1): ∂loss/∂ξ3 times the weight goes into ∂loss/∂h1, and ∂loss/∂v1 is ∂loss/∂ξ3 times h1.")
        #expect(!texts(state).contains { $0.hasPrefix("Rule: ") })
        // The activation's sentence does not say σ's rule: that stays.
        let h1 = try #require(graph.id(named: "h1"))
        while state.stepper.lastStep != .backward(h1) { state.apply(.next) }
        #expect(texts(state).contains { $0.hasPrefix("Rule: ") })
    }
}

/// The generated narration of the flow view speaks of what the diagram draws: a weighted
/// input is an edge there, so the narration never names the product node behind it.
@Suite struct FlowNarrationTests {
    @Test(arguments: ScreenAuditTests.lessons) func theNarrationNamesNoHiddenTerm(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        for part in lesson.parts.indices {
            var state = try TutorState(subject: .lesson(lesson), part: part, theme: .monochrome(), size: Size(width: 100, height: 30))
            guard let flow = state.flow else { continue }
            if !state.showsFlow { state.apply(.toggleGraphView) }
            let graph = state.stepper.graph
            let hidden = flow.structure.neurons.flatMap(\.terms)
                .filter { $0.isFolded && graph.op(of: $0.node) != nil }.map { flow.names[$0.node.index] }
            let pass = min(state.stepper.count, state.stepper.plan.stepsPerEpoch)
            for _ in 0..<pass {
                state.apply(.next)
                let text = Narrator(state: state).generated()
                #expect(!hidden.contains { text.contains($0) }, "\(name) part \(part + 1) step \(state.stepper.position): \(text)")
            }
        }
    }

    /// At a ξ the flow view's sentence speaks of the sum the arrows make (its local
    /// derivative 1 for each term, sent back along every edge), not of "each input's
    /// gradient", which the ξ's step does not reach: its edges' steps do. Both forms; the
    /// circuit view keeps the gate's sentence.
    @Test func aSumsSentenceSpeaksOfItsEdges() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 0, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        let xi3 = try #require(state.stepper.graph.id(named: "ξ3"))
        while state.stepper.lastStep != .backward(xi3), !state.stepper.isAtEnd { state.apply(.next) }
        let narrator = Narrator(state: state)
        #expect(narrator.generated() == "Chain rule at ξ3: a sum's local derivative is 1 for each term, so ∂f/∂ξ3 goes back unchanged along each of its 3 edges.")
        #expect(narrator.generated(brief: true) == "Chain rule at ξ3, a sum: ∂f/∂ξ3 goes back unchanged along each of its 3 edges.")
        state.apply(.toggleGraphView)
        #expect(Narrator(state: state).generated().hasPrefix("Chain rule at ξ3: the gradient arriving from the right"))
    }

    /// A constant weight (xor part 1's −1) has no gradient of its own to speak of.
    @Test func aConstantWeightIsNotALeaf() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 0, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        var said: [String] = []
        while !state.stepper.isAtEnd {
            state.apply(.next)
            let text = Narrator(state: state).generated()
            if text.hasPrefix("Chain rule along the edge") { said.append(text) }
        }
        #expect(!said.isEmpty)
        #expect(!said.contains { $0.contains("'s gradient;") && $0.contains("1's gradient") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("Chain rule along the edge h2 → ξ3: the gradient arriving at ξ3 (upstream) is multiplied by the edge's weight −1 and added into h2's gradient.") }, "\(said)")
    }

    /// The Step pane's ledger names the edge a gradient came back along, not the hidden
    /// product node; the circuit view names the gate.
    @Test func theLedgerNamesTheEdgeOfAWeightOfOne() throws {
        // xor part 1: x2 enters ξ2 as it is (weight 1) and ξ1 through −1.
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        let x2 = try #require(state.stepper.graph.id(named: "x2"))
        while state.stepper.lastStep != .backward(x2) { state.apply(.next) }
        let ledger = try #require(Inspector(state: state).lines().map(\.text).first { $0.hasPrefix("∂f/∂x2 = ") })
        #expect(ledger.contains("(via the edge x2 → ξ1)") && ledger.contains("(via the edge x2 → ξ2)"), "\(ledger)")
    }

    @Test func theLedgerNamesTheEdge() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let x1 = try #require(state.stepper.graph.id(named: "x1"))
        while state.stepper.lastStep != .backward(x1) { state.apply(.next) }
        let ledger = try #require(state.inspectorPaneLines.map(\.text).first { $0.hasPrefix("∂loss/∂x1 = ") })
        #expect(ledger.contains("(via the edge x1 → ξ1)") && ledger.contains("(via the edge x1 → ξ2)") && !ledger.contains("(w11·x1)"), "\(ledger)")
        state.apply(.toggleGraphView)
        let circuit = try #require(state.inspectorPaneLines.map(\.text).first { $0.hasPrefix("∂loss/∂x1 = ") })
        #expect(circuit.contains("(via (w11·x1))"), "\(circuit)")
    }

    @Test func aTermsBackwardStepIsTheChainRuleAlongItsEdge() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        let w11x1 = try #require(state.stepper.graph.ids.first { state.scene.names[$0.index] == "(w11·x1)" })
        while state.stepper.lastStep != .backward(w11x1) { state.apply(.next) }
        #expect(Narrator(state: state).generated() == "Chain rule along the edge x1 → ξ1: the gradient arriving at ξ1 (upstream) is multiplied by the edge's weight w11 and added into x1's gradient; multiplied by x1 instead, it is w11's gradient. An input used more than once adds up the gradient from every use.")
        state.apply(.toggleGraphView)
        #expect(Narrator(state: state).generated().hasPrefix("Chain rule at (w11·x1):"))
    }
}

/// The Step pane of the flow view speaks of what the diagram draws: a neuron's term is an
/// edge there, so its header, formulas and "Next:" name the edge and the ξ it leads into,
/// never the product node behind it; the circuit view names the gate.
@Suite struct FlowStepPaneTests {
    /// Stepping node by node and edge by edge (`e`).
    @Test(arguments: ScreenAuditTests.lessons) func theStepPaneNamesNoHiddenTerm(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        for part in lesson.parts.indices {
          for byEdge in [false, true] {
            var state = try TutorState(subject: .lesson(lesson), part: part, theme: .monochrome(), size: Size(width: 100, height: 30))
            guard let flow = state.flow else { continue }
            if !state.showsFlow { state.apply(.toggleGraphView) }
            if byEdge { state.apply(.toggleEdgeStepping) }
            let graph = state.stepper.graph
            let hidden = flow.structure.neurons.flatMap(\.terms)
                .filter { $0.isFolded && graph.op(of: $0.node) != nil }.map { state.scene.names[$0.node.index] }
            let pass = min(state.stepper.count, state.stepper.plan.stepsPerEpoch)
            for _ in 0..<pass {
                state.apply(.next)
                let text = Inspector(state: state).lines().map(\.text).joined(separator: "\n")
                #expect(!hidden.contains { text.contains($0) }, "\(name) part \(part + 1) step \(state.stepper.position): \(text)")
            }
          }
        }
    }

    /// Edge by edge, a ξ sends its gradient back along one edge a step, and says which.
    @Test func aXiEdgeByEdgeNamesTheEdge() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        state.apply(.toggleEdgeStepping)
        #expect(state.granularity == .edge)
        let xi3 = try #require(state.stepper.graph.id(named: "ξ3"))
        var said: [[String]] = []
        while !state.stepper.isAtEnd, state.stepper.position < state.stepper.plan.stepsPerPass {
            state.apply(.next)
            if case .backward(let r)? = state.stepper.lastRecord, r.node == xi3 { said.append(Inspector(state: state).lines().map(\.text)) }
        }
        let g = state.notation.number(state.stepper.graph.grad(of: xi3))
        #expect(said.contains { $0.first == "Backward from ξ3 along the edge h1 → ξ3" && $0.contains("\(g) goes back along the edge h1 → ξ3") },
                "\(said)")
        #expect(!said.joined().contains { $0.contains("each of ξ3's") || $0.contains("other 2 edges") }, "\(said)")
    }

    /// A bias that learns came back along its edge from the "1", as the diagram draws it.
    @Test func aBiasCameAlongTheEdgeFromOne() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let b3 = try #require(state.stepper.graph.id(named: "b3"))
        while state.stepper.lastStep != .backward(b3) { state.apply(.next) }
        let ledger = try #require(Inspector(state: state).lines().map(\.text).first { $0.hasPrefix("∂loss/∂b3 = ") })
        #expect(ledger.contains("(via the edge 1 → ξ3)"), "\(ledger)")
    }

    /// Back along the edge h1 → ξ3 (weight v1): ∂loss/∂ξ3 times the weight into ∂loss/∂h1,
    /// times h1 into ∂loss/∂v1, with the numbers the graph holds.
    @Test func anEdgesBackwardStepIsTheChainRuleFromItsXi() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let graph = state.stepper.graph
        let v1 = try #require(graph.id(named: "v1")), h1 = try #require(graph.id(named: "h1")), xi3 = try #require(graph.id(named: "ξ3"))
        let term = try #require(graph.consumers()[v1.index].first)
        while state.stepper.lastStep != .backward(term) { state.apply(.next) }
        let lines = Inspector(state: state).lines().map(\.text)
        let n = state.notation
        #expect(lines.first == "Backward along the edge h1 → ξ3")
        let upstream = state.stepper.graph.grad(of: xi3)
        let intoH1 = "∂loss/∂h1 = ∂loss/∂ξ3 · ∂ξ3/∂h1 = \(n.operand(upstream)) · \(n.operand(state.stepper.graph.value(of: v1)))"
        let intoV1 = "∂loss/∂v1 = ∂loss/∂ξ3 · ∂ξ3/∂v1 = \(n.operand(upstream)) · \(n.operand(state.stepper.graph.value(of: h1)))"
        #expect(lines.contains { $0.hasPrefix(intoH1) && $0.hasSuffix(n.number(state.stepper.graph.grad(of: h1))) }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix(intoV1) && $0.hasSuffix(n.number(state.stepper.graph.grad(of: v1))) }, "\(lines)")
        #expect(!lines.contains { $0.contains("(v1·h1)") })
        state.apply(.toggleGraphView)
        // (The circuit at 100×30 draws the product by its symbol.)
        #expect(Inspector(state: state).lines().first?.text == "Backward through (v1·h1) = v1 · h1, drawn\u{00A0}(×)")
    }

    /// At ξ the sum's gradient goes back along each edge: said once, with ξ's number;
    /// its definition is the weighted sum the edges carry.
    @Test func aXiSendsItsGradientBackAlongItsEdges() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        let xi3 = try #require(state.stepper.graph.id(named: "ξ3"))
        while state.stepper.lastStep != .backward(xi3) { state.apply(.next) }
        let lines = Inspector(state: state).lines().map(\.text)
        #expect(lines.first == "Backward through ξ3 = 0.5 − h1 − h2")
        let grad = state.notation.number(state.stepper.graph.grad(of: xi3))
        // The constant 0.5's edge is one of the three the diagram draws into ξ3, but only
        // two steps follow (h2's, h1's): the Step pane says why, rather than leave the
        // student counting one step short.
        #expect(lines.contains("\(grad) goes back along each of ξ3's 3 edges; the bias edge needs no step: the input 1 and its weight 0.5 are constants"),
                "\(lines)")
        #expect(lines.last == "Next: backward along the edge h2 → ξ3")
        var edges = state
        var sources: [String?] = []
        for _ in 0..<3 {
            edges.apply(.next)
            if case .backward(let r)? = edges.stepper.lastRecord { sources += r.flows.map { edges.stepper.graph.name(of: $0.to) } }
        }
        #expect(sources == ["h2", "h1", "ξ2"], "the two edges' steps, then h2's own")
        // Where the bias learns, its gradient has a line of its own: the other two edges.
        var trained = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                     size: Size(width: 100, height: 30))
        let b3 = try #require(trained.stepper.graph.id(named: "b3")), xi = try #require(trained.stepper.graph.id(named: "ξ3"))
        while trained.stepper.lastStep != .backward(xi) { trained.apply(.next) }
        let said = Inspector(state: trained).lines().map(\.text)
        let g = trained.notation.number(trained.stepper.graph.grad(of: xi))
        #expect(said.contains { $0.hasPrefix("∂loss/∂b3 = ∂loss/∂ξ3 · ∂ξ3/∂b3 = ") } && trained.stepper.graph.grad(of: b3) != 0)
        #expect(said.contains("\(g) goes back along ξ3's other 2 edges"), "\(said)")
    }
}
