import Autograd
import Foundation
import Lessons
import Screen
import Testing
@testable import Tutor

/// The inspector's formulas for each kind of step, numbers included: the one place the
/// tutor words a step record.
@Suite struct InspectorTests {
    /// The text of the record the last step made, as the inspector words it.
    func formulas(_ s: TutorState) -> [String] {
        guard let record = s.stepper.lastRecord else { return [] }
        return Inspector(state: s).describe(record).lines.map(\.text)
    }

    /// The formulas of the first `count` steps from `s` (all of them by default), in order.
    func formulas(stepping s: TutorState, count: Int? = nil) -> [String] {
        var s = s
        var lines: [String] = []
        for _ in 0..<(count ?? s.stepper.count) {
            s = update(s, .next)
            lines += formulas(s)
        }
        return lines
    }

    /// A state on `text` whose stepper also trains (or walks a dataset).
    func training(_ text: String, dataset: (Graph) throws -> Dataset? = { _ in nil },
                  _ settings: (Graph) -> TrainingSettings) throws -> TutorState {
        var s = try state(text)
        let g = s.stepper.graph
        s.stepper = try Stepper(graph: g, dataset: dataset(g), training: settings(g))
        return s
    }

    @Test func chainRuleSequence() throws {
        #expect(formulas(stepping: try state()) == [
            "Forward: compute q",
            "q = x + y = −2 + 5 = 3",
            "Forward: compute f",
            "f = q · z = 3 · (−4) = −12",
            "Backward pass: start at the output",
            "∂f/∂f = 1",
            "The output's gradient with respect to itself is 1. From here the gradients flow back, node by node, towards the leaves.",
            "Backward through f = q · z",
            "∂f/∂f = 1 (the seed)",
            "∂f/∂q = ∂f/∂f · local = 1 · (−4) = −4",
            "∂f/∂z = ∂f/∂f · local = 1 · 3 = 3",
            "Rule: mul swaps its inputs: each input's local gradient is the other input's value",
            "Backward through q = x + y",
            "∂f/∂q = −4 (via f)",
            "∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4",
            "∂f/∂y = ∂f/∂q · ∂q/∂y = (−4) · 1 = −4",
            "Rule: add hands the upstream gradient on unchanged to every input",
            "Backward: z is an input",
            "∂f/∂z = 3 (via f)",
            "z has no inputs, so its gradient is final: it says how much f changes per unit change of z.",
            "Backward: y is an input",
            "∂f/∂y = −4 (via q)",
            "y has no inputs, so its gradient is final: it says how much f changes per unit change of y.",
            "Backward: x is an input",
            "∂f/∂x = −4 (via q)",
            "x has no inputs, so its gradient is final: it says how much f changes per unit change of x.",
        ])
    }

    @Test func chainRuleInASCII() throws {
        var s = try state(theme: .monochrome(glyphs: .ascii))
        s = update(s, .jump(to: 4))
        #expect(formulas(s) == [
            "Backward through f = q * z",
            "df/df = 1 (the seed)",
            "df/dq = df/df * local = 1 * (-4) = -4",
            "df/dz = df/df * local = 1 * 3 = 3",
            "Rule: mul swaps its inputs: each input's local gradient is the other input's value",
        ])
    }

    /// An ASCII "d" never runs into a name that begins with d or delta: linear-regression
    /// names its residuals δ1 and its predictions d1.
    @Test func asciiDerivativesKeepNamesApart() {
        let ascii = Notation(unicode: false)
        #expect(ascii.derivative("L", "d1") == "dL/d(d1)")
        #expect(ascii.derivative("δ1", "d1") == "d(δ1)/d(d1)")
        #expect(ascii.text(ascii.derivative("L", "δ1")) == "dL/d(delta1)")
        #expect(ascii.derivative("L", "w11") == "dL/dw11")
        #expect(ascii.text("∂L/∂δ1 = 2δ1, so ∂L/∂d1 = −8 and ∂L/∂d.") == "dL/d(delta1) = 2*delta1, so dL/d(d1) = -8 and dL/d(d).")
        #expect(ascii.text("∂f/∂x") == "df/dx")
        // A coefficient keeps its product sign before a spelt-out letter; × is * but in a size.
        #expect(ascii.text("∂L/∂δ2 = 2δ2 = −2, ½α·Σw²") == "dL/d(delta2) = 2*delta2 = -2, 1/2*alpha*sum w^2")
        #expect(ascii.text("w1 ← 1 − 0.05 × (−4) at 80×24") == "w1 <- 1 - 0.05 * (-4) at 80x24")
        #expect(Notation(unicode: true).derivative("L", "δ1") == "∂L/∂δ1")
    }

    /// In the flow view, Tab passes by the terms drawn as edges (xor part 1's −x1, which
    /// has no box there), and a selected node's uses are named as the diagram draws them:
    /// h1 is used by ξ3 along its edge, not by the circuit's gate (−h1); x1 by ξ1 and ξ2.
    @Test func theFlowViewsNodePaneSpeaksOfItsEdges() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        let flow = try #require(state.flow)
        var selected: [String] = []
        for _ in state.scene.graphNodes {
            state.apply(.selectNext)
            let id = try #require(state.selection)
            #expect(flow.edgeOf[id.index] == nil, "\(state.scene.names[id.index]) is drawn as an edge")
            selected.append(state.scene.names[id.index])
        }
        #expect(Set(selected) == ["x1", "x2", "ξ1", "h1", "ξ2", "h2", "ξ3", "f"], "\(selected)")
        func node(_ name: String) throws -> String {
            var s = state
            s.apply(.select(try #require(s.stepper.graph.id(named: name))))
            return Inspector(state: s).text().lines.map(\.text).joined(separator: "\n")
        }
        let h1 = try node("h1")
        #expect(h1.contains("Selected: h1, computed by the unit step u(·)") && h1.contains("used by: ξ3 (along the edge h1 → ξ3)"), "\(h1)")
        #expect(try node("x1").contains("used by: ξ1 (along the edge x1 → ξ1), ξ2 (along the edge x1 → ξ2)"))
        state.apply(.toggleGraphView)
        #expect(try node("h1").contains("used by: (−h1)"))
    }

    @Test func fanOutLedger() throws {
        let s = try state(fanOutText, title: "fan-out.graph")
        let at = try #require(s.stepper.plan.index(of: .backward(NodeID(0))))
        #expect(formulas(update(s, .jump(to: at + 1))) == [
            "Backward: a is an input",
            "∂f/∂a = 3 (via d) + (−6) (via e) = −3",
            "a has no inputs, so its gradient is final: it says how much f changes per unit change of a.",
        ])
    }

    @Test func valueUsedTwice() throws {
        let s = try state("x = 3\ny = x * x")
        #expect(formulas(update(s, .jump(to: 1))) == ["Forward: compute y", "y = x · x = 3 · 3 = 9"])
        #expect(formulas(update(s, .jump(to: 3))) == [
            "Backward through y = x · x",
            "∂y/∂y = 1 (the seed)",
            "∂y/∂x += ∂y/∂y · local = 1 · 3 = 3",
            "   the first of 2 contributions to ∂y/∂x",
            "∂y/∂x += ∂y/∂y · local = 1 · 3 = 3",
            "   so far ∂y/∂x = 3 + 3 = 6",
            "Rule: mul swaps its inputs: each input's local gradient is the other input's value",
        ])
        #expect(formulas(update(s, .jump(to: 4))) == [
            "Backward: x is an input",
            "∂y/∂x = 3 (via y) + 3 (via y) = 6",
            "x has no inputs, so its gradient is final: it says how much y changes per unit change of x.",
        ])
    }

    @Test func functionsAnonymousGatesAndUpdate() throws {
        let s = try training("param w = 2\nx = -1\nconst c = 2\nh = sigmoid(w * x + c)\nL = max(h, x)") { _ in
            TrainingSettings(learningRate: 0.5)
        }
        #expect(formulas(stepping: s, count: 4) == [
            "Forward: compute (w·x)",
            "(w·x) = w · x = 2 · (−1) = −2",
            "Forward: compute ((w·x)+c)",
            "((w·x)+c) = (w·x) + c = −2 + 2 = 0",
            "Forward: compute h",
            "h = σ((w·x)+c) = σ(0) = 0.5",
            "Forward: compute L",
            "L = max(h, x) = max(0.5, −1) = 0.5",
        ])
        let w = try #require(s.stepper.graph.id(named: "w"))
        let at = try #require(s.stepper.plan.index(of: .update(w)))
        #expect(formulas(update(s, .jump(to: at + 1))) == [
            "Update: w by gradient descent",
            "w ← w − η·∂L/∂w = 2 − 0.5·(−0.25) = 2.125",
        ])
    }

    /// A sum with a negative constant term subtracts it, as the slides write a bias, in its
    /// numbers too (as the flow view does); a negative input keeps its parentheses.
    @Test func aNegativeConstantIsSubtracted() throws {
        let s = try state("x1 = 0\nx2 = 1\nxi = sum(x1, x2, -1.5)")
        #expect(formulas(stepping: s, count: 1) == ["Forward: compute xi", "xi = x1 + x2 − 1.5 = 0 + 1 − 1.5 = −0.5"])
        let negative = try state("x1 = 0\nx2 = -1\nxi = sum(x1, x2, -1.5)")
        #expect(formulas(stepping: negative, count: 1) == ["Forward: compute xi", "xi = x1 + x2 − 1.5 = 0 + (−1) − 1.5 = −2.5"])
    }

    /// In the flow diagram a ξ's numbers follow its definition, a negated input's after a
    /// minus: "ξ1 = 0.5 − x1 − x2 = 0.5 − 0 − 1" at XOR's row (0, 1), where
    /// "0.5 + 0 + (−1)" read as x2 = −1.
    @Test func anExcitationsNumbersFollowItsDefinition() throws {
        var xor = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        #expect(xor.showsFlow)
        let xi1 = try #require(xor.stepper.graph.id(named: "ξ1")), x2 = try #require(xor.stepper.graph.id(named: "x2"))
        // Row 2 of the four: (0, 1).
        for _ in 0..<200 where !(xor.stepper.lastStep == .forward(xi1) && xor.stepper.graph.value(of: x2) == 1) { xor.apply(.next) }
        #expect(xor.stepper.lastStep == .forward(xi1) && xor.stepper.graph.value(of: x2) == 1)
        #expect(formulas(xor).contains("ξ1 = 0.5 − x1 − x2 = 0.5 − 0 − 1 = −0.5"), "\(formulas(xor))")
    }

    /// The perceptron of the slides: classes A and B, features x1 and x2, all weights 0, η = 0.5.
    @Test func perceptronUpdates() throws {
        let (g, layout) = try Perceptron.build(features: ["x1", "x2"], classes: ["A", "B"],
                                               weights: [[0, 0], [0, 0]], biases: [0, 0])
        let rows: [[Double]] = [[1, 2, 1, 0], [2, -1, 0, 1], [-1, 1, 1, 0], [0, 1, 0, 1]]
        let data = try Dataset(inputs: layout.features, targets: layout.targets, rows: rows, for: g)
        var s = try TutorState(subject: .graph(title: "perceptron", g), theme: .monochrome(), size: Size(width: 100, height: 30))
        s.stepper = try Stepper(graph: g, dataset: data,
                                training: TrainingSettings(learningRate: 0.5, epochs: 2, rule: .perceptron(layout)))
        func after(_ step: Step, row: Int) throws -> [String] {
            formulas(update(s, .jump(to: try #require(s.stepper.plan.index(of: step, row: row)) + 1)))
        }
        let towardTarget = try after(.update(layout.weights[1][0]), row: 1)
        #expect(towardTarget == [
            "Update: w_B_x1 by the perceptron rule",
            "w_B_x1 ← w_B_x1 − η·∂L/∂w_B_x1 = 0 − 0.5·(−2) = 1",
            "Perceptron: predicted A, target B; w_B_x1 is the target class's, so it moves towards x: + η·x1 (ε = −1).",
        ])
        let awayFromPrediction = try after(.update(layout.weights[0][1]), row: 1)
        #expect(awayFromPrediction == [
            "Update: w_A_x2 by the perceptron rule",
            "w_A_x2 ← w_A_x2 − η·∂L/∂w_A_x2 = 0 − 0.5·(−1) = 0.5",
            "Perceptron: predicted A, target B; w_A_x2 is the predicted class's, so it moves away from x: − η·x2 (ε = +1).",
        ])
        let unchanged = try after(.update(layout.weights[0][0]), row: 0)
        #expect(unchanged == [
            "Update: w_A_x1 by the perceptron rule",
            "w_A_x1 ← w_A_x1 − η·∂L/∂w_A_x1 = 0 − 0.5·0 = 0",
            "Perceptron: predicted A, target A; w_A_x1 stays as it is (ε = 0).",
        ])
        let sample = try after(.sample(3), row: 3)
        #expect(sample == ["Sample 4: load a row of the data", "x1 = 0, x2 = 1, y_A = 0, y_B = 1"])
        let epoch = update(s, .jump(to: try #require(s.stepper.plan.index(of: .epoch(1))) + 1))
        // The mean is at the new weights, and the Lesson pane's sentence says the rest is
        // the last pass (the Step pane says it only beside a lesson's own words).
        #expect(formulas(epoch) == ["Epoch 1 done", "mean L over the 4 rows, at the weights after this epoch = 1"])
        #expect(Narrator(state: epoch).versions().allSatisfy { version in
            version.map(\.text).joined(separator: " ").hasSuffix(
                "The parameters hold their new values; the other nodes still hold the last pass (row 4), computed before its update.")
        })
    }

    /// After an epoch the graph still shows the last row's pass: where the lesson has words
    /// of its own for the epoch (XOR part 2, epoch 1), the Step pane says so; where the
    /// Lesson pane has the generated sentence (epoch 2), that sentence does, once.
    @Test func anEpochSaysTheGraphHoldsTheLastPass() throws {
        var xor = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                 size: Size(width: 100, height: 30))
        let note = "The nodes still hold the last pass (row 4), computed before its update."
        let epochSteps = try #require(xor.stepper.plan.index(of: .epoch(1))) + 1
        xor.apply(.jump(to: epochSteps))
        #expect(!Narrator(state: xor).isGenerated && xor.inspectorPaneLines.map(\.text).contains(note))
        #expect(xor.textLayout.inspector.map(\.text).contains(note))
        xor.apply(.jump(to: 2 * epochSteps))
        #expect(xor.stepper.lastRecord.map { if case .epoch(let r) = $0 { r.epoch == 2 } else { false } } == true)
        #expect(Narrator(state: xor).isGenerated && !xor.inspectorPaneLines.map(\.text).contains(note))
        #expect(xor.textLayout.narration.map(\.text).joined(separator: " ").contains("the other nodes still hold the last pass (row 4)"))
        // Where the Step pane takes the Lesson pane's room (two-layer-relu part 3's flow
        // diagram at 80×24, fifteen new weights), the note stands under its lines.
        var relu = try TutorState(subject: .lesson(LessonFixtures.lesson("two-layer-relu")), part: 2, theme: .monochrome(),
                                  size: Size(width: 80, height: 24))
        if !relu.showsFlow { relu.apply(.toggleGraphView) }
        relu.apply(.jump(to: 60 * (try #require(relu.stepper.plan.index(of: .epoch(1))) + 1)))
        #expect(relu.textLayout.narration.isEmpty)
        #expect(relu.textLayout.inspector.map(\.text).contains("The nodes still hold the last pass (row 6), computed before its update."))
        #expect(relu.textOverflow == 0)
    }

    /// Where the flow diagram writes the weights on its edges without their names (the
    /// brief diagram: polynomial-fit part 2 at 80×24, `── 0.172 ─▶`), the epochs and the
    /// end list them by name, as where it leaves them off; with their names, they do not.
    @Test func unnamedWeightsOnTheEdgesAreListedByName() throws {
        var fit = try TutorState(subject: .lesson(LessonFixtures.lesson("polynomial-fit")), part: 1, theme: .monochrome(),
                                 size: Size(width: 80, height: 24))
        #expect(fit.showsFlow && fit.flow?.labelled == true && fit.flow?.brief == true)
        fit.apply(.jump(to: try #require(fit.stepper.plan.index(of: .epoch(1))) + 1))
        #expect(fit.inspectorPaneLines.contains { $0.text.hasPrefix("New weights: a = ") }, "\(fit.inspectorPaneLines.map(\.text))")
        fit.apply(.jump(to: fit.stepper.count))
        #expect(fit.textLayout.inspector.contains { $0.text.hasPrefix("Trained weights: a = ") })
        var wide = update(fit, .resize(Size(width: 160, height: 48)))
        wide.apply(.jump(to: try #require(wide.stepper.plan.index(of: .epoch(1))) + 1))
        #expect(wide.flow?.brief == false && !wide.inspectorPaneLines.contains { $0.text.hasPrefix("New weights: ") })
    }

    @Test func batchSumsAndMeanUpdate() throws {
        let s = try training("param w = 0.5\nparam c = -1\nx = 0\ny = 0\ne = w * x + c - y\nL = e * e",
                             dataset: { g in try Dataset(inputs: ["x"], targets: ["y"], rows: [[1, 2], [3, 1]], for: g) }) { _ in
            TrainingSettings(learningRate: 1.5, epochs: 1, batch: .meanOverBatch)
        }
        let c = try #require(s.stepper.graph.id(named: "c"))
        let accumulate = try #require(s.stepper.plan.index(of: .accumulate(row: 1), row: 1))
        // Rows (x, y) = (1, 2), (3, 1): e = −2.5 then −0.5, so ∂L/∂w = −5, −3 and ∂L/∂c = −5, −1.
        #expect(formulas(update(s, .jump(to: accumulate + 1))) == [
            "Batch: add this sample's gradients to the sums",
            "Σ ∂L/∂w = −5 + (−3) = −8",
            "Σ ∂L/∂c = −5 + (−1) = −6",
        ])
        let mean = try #require(s.stepper.plan.index(of: .update(c)))
        #expect(formulas(update(s, .jump(to: mean + 1))) == [
            "Update: c by gradient descent",
            "∂L/∂c = Σ / 2 = −6 / 2 = −3 (mean over the batch)",
            "c ← c − η·∂L/∂c = −1 − 1.5·(−3) = 3.5",
        ])
    }
}

/// The start lists the leaves with their values: every one of a lesson's graph (the
/// narrowest flow diagram leaves the weights to it), the first 40 of a long expression.
@Suite struct StartLeavesTests {
    func leavesLine(_ state: TutorState) -> String {
        Inspector(state: state).lines().map(\.text).first { $0.hasPrefix("Leaves:") } ?? ""
    }

    @Test func everyLeafOfALessonAndTheFirstFortyOfALongExpression() throws {
        let lesson = try LessonFixtures.lesson("two-layer-relu")
        let relu = try TutorState(subject: .lesson(lesson), part: 2, theme: .monochrome(), size: Size(width: 80, height: 24))
        let graph = relu.stepper.graph
        let leaves = relu.scene.graphNodes.filter { graph.kind(of: $0).isLeaf }
        #expect(leaves.count > 12 && leaves.count <= Inspector.leavesListed)
        let line = leavesLine(relu)
        for id in leaves { #expect(line.contains("\(relu.scene.names[id.index]) = "), "\(relu.scene.names[id.index])") }
        #expect(!line.contains("more;"))
        let terms = (1...50).map { "x\($0)" }
        let values = (1...50).map { "x\($0) = \($0)" }.joined(separator: "\n")
        let long = try state(values + "\nf = sum(\(terms.joined(separator: ", ")))\noutput f")
        let longLine = leavesLine(long)
        #expect(longLine.contains("x40 = 40") && !longLine.contains("x41 = ") && longLine.hasSuffix(", … (10 more; Tab selects a node)"))
    }
}

/// The end lists every leaf's gradient: one to a row for a few (chain-rule's x, y, z), as
/// one paragraph for many (bce-neuron part 2's fourteen), each "∂ℓ/∂w11 = −0.138" kept on
/// one row.
@Suite struct EndGradientsTests {
    func atEnd(_ lesson: String, part: Int) throws -> TutorState {
        let state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        return update(state, .toEnd)
    }

    @Test func aFewInAColumnManyInAParagraph() throws {
        let chain = try atEnd("chain-rule", part: 0).inspectorPaneLines.map(\.text)
        #expect(chain.suffix(3) == ["∂f/∂x = −4", "∂f/∂y = −4", "∂f/∂z = 3"])
        let bce = try atEnd("bce-neuron", part: 1)
        let graph = bce.stepper.graph
        // The parameters first, then the inputs, each in the graph's order.
        let leaves = bce.scene.graphNodes.filter { graph.kind(of: $0).isLeaf && bce.stepper.plan.tape.contains($0) }
            .sorted { (graph.kind(of: $0) == .param ? 0 : 1) < (graph.kind(of: $1) == .param ? 0 : 1) }
        #expect(leaves.count > Inspector.gradientsInAColumn)
        #expect(leaves.prefix(6).map { bce.scene.names[$0.index] } == ["w11", "w12", "w21", "w22", "v1", "v2"])
        let line = try #require(bce.inspectorPaneLines.first { $0.text.hasPrefix("∂ℓ/∂") && $0.text.contains(", ") })
        let expected = leaves.map { "∂ℓ/∂\(bce.scene.names[$0.index]) = \(bce.notation.number(graph.grad(of: $0)))" }
        #expect(line.text == expected.joined(separator: ", "))
        // Wrapped, no row ends inside one: each row is whole "∂ℓ/∂name = number" items.
        for row in Paragraph.wrap(line, width: 40).map(\.text) {
            for item in row.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                #expect(expected.contains(item), "\(row)")
            }
        }
    }
}

/// Rules and updates said as they are: a square's rule has no ∂/∂b (its exponent is a
/// constant); an update smaller than the digits shown says how far the weight moved.
@Suite struct RuleAndUpdateWordsTests {
    func lines(_ state: TutorState) -> [String] { state.inspectorPaneLines.map(\.text) }

    /// An op's rule where the pass meets it first is new: where rows are short it goes
    /// last, after the flow diagram's sentence; met again, before it. XOR's flow diagram:
    /// the unit step's rule at f (the pass's first u), then at h2.
    @Test func aRuleMetFirstGoesLast() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        #expect(state.showsFlow)
        func shorter(at name: String) throws -> [String] {
            let node = try #require(state.stepper.graph.id(named: name))
            while state.stepper.lastStep != .backward(node) { state.apply(.next) }
            let record = try #require(state.stepper.lastRecord)
            let versions = Inspector(state: state).describe(record).versions
            #expect(versions.count == 4 && versions[0].lines.contains { $0.text.hasPrefix("Rule: the unit step") })
            // The first shorter version leaves out one of the two.
            return versions[1].lines.map(\.text)
        }
        let first = try shorter(at: "f")
        #expect(first.contains { $0.hasPrefix("Rule: ") } && !first.contains { $0.hasPrefix("In the diagram") }, "\(first)")
        let again = try shorter(at: "h2")
        #expect(!again.contains { $0.hasPrefix("Rule: ") } && again.contains { $0.hasPrefix("In the diagram") }, "\(again)")
    }

    /// A rule counts as met only where a step showed it: bce-neuron part 2's flow diagram
    /// at 80×24 has no room for σ's rule at ŷ, whose Lesson pane has the lesson's own words,
    /// so it is new at h2 and shown there.
    @Test func aRuleNotYetShownIsStillNew() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("bce-neuron")), part: 1, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        #expect(state.showsFlow)
        let rule = "Rule: σ multiplies"
        func shown(at name: String) throws -> [String] {
            let node = try #require(state.stepper.graph.id(named: name), "\(name)")
            while state.stepper.lastStep != .backward(node) && !state.stepper.isAtEnd { state.apply(.next) }
            #expect(Inspector(state: state).lines().contains { $0.text.hasPrefix(rule) }, "\(name)")
            #expect(state.textOverflow == 0)
            return state.textLayout.inspector.map(\.text)
        }
        #expect(try !shown(at: "ŷ").contains { $0.hasPrefix(rule) }, "the first has no room for it")
        #expect(try shown(at: "h2").contains { $0.hasPrefix(rule) }, "so the next shows it")
    }

    /// A rule met first that has no room in the Step pane beside the generated Lesson
    /// sentence goes under that sentence, shortened, in the Lesson pane, the panes keeping
    /// their division: softmax part 1's quotient rule at p_cat (100×30), and mistakes part
    /// 2's mul rule at f (80×24). Where the lesson has words of its own, they stay.
    @Test func aNewRuleGoesUnderTheGeneratedSentence() throws {
        for (lesson, part, size, name, rule) in [
            ("softmax", 0, Size(width: 100, height: 30), "p_cat", "Rule: a quotient"),
            ("mistakes", 1, Size(width: 80, height: 24), "f", "Rule: mul swaps"),
        ] {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(), size: size)
            let index = try #require(state.scene.names.firstIndex(of: name), "\(lesson) \(name)")
            while state.stepper.lastStep != .backward(NodeID(index)) && !state.stepper.isAtEnd { state.apply(.next) }
            let narrator = Narrator(state: state)
            #expect(narrator.isGenerated)
            let layout = state.textLayout
            #expect(!layout.inspector.contains { $0.text.hasPrefix(rule) }, "\(lesson)")
            #expect(layout.narration.first?.text == narrator.generated(brief: true), "\(lesson)")
            #expect(layout.narration.dropFirst().first?.text.hasPrefix(rule) == true, "\(lesson)")
            #expect(layout.panes == state.graphPanes, "\(lesson): the usual division")
            #expect(state.textOverflow == 0)
        }
    }

    @Test func aSquaresRuleIsByItsBase() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        if state.showsFlow { state.apply(.toggleGraphView) }
        let loss = try #require(state.stepper.graph.id(named: "loss"))
        while state.stepper.lastStep != .backward(loss) { state.apply(.next) }
        #expect(lines(state).contains("Rule: a square: ∂(f−y)²/∂(f−y) = 2·(f−y)"), "\(lines(state))")
        let cube = try TutorState(subject: .graph(title: "cube", graph("x = 2\nL = x^3")), theme: .monochrome(glyphs: .ascii),
                                  size: Size(width: 100, height: 30))
        #expect(lines(update(cube, .jump(to: 3))).contains("Rule: a cube: d(x^3)/dx = 3*x^2"), "\(lines(update(cube, .jump(to: 3))))")
    }

    /// A quotient with a number on one side is said in the node's names, with the one
    /// derivative it has: sigmoid's f = 1/den (as its lesson writes, −1/den²), a half;
    /// a quotient of two nodes by the general rule.
    @Test func aQuotientWithANumberIsSaidByItsNode() throws {
        var sigmoid = try TutorState(subject: .lesson(LessonFixtures.lesson("sigmoid-neuron")), theme: .monochrome(),
                                     size: Size(width: 100, height: 30))
        let f = try #require(sigmoid.stepper.graph.id(named: "f"))
        while sigmoid.stepper.lastStep != .backward(f) { sigmoid.apply(.next) }
        #expect(lines(sigmoid).contains("Rule: a reciprocal: ∂(1/den)/∂den = −1/den²"), "\(lines(sigmoid))")
        func ruleAtTheOutput(_ source: String) throws -> String? {
            let s = try TutorState(subject: .graph(title: "quotient", graph(source)), theme: .monochrome(), size: Size(width: 100, height: 30))
            let output = s.stepper.plan.tape.output
            let index = try #require(s.stepper.plan.index(of: .backward(output)))
            return lines(update(s, .jump(to: index + 1))).first { $0.hasPrefix("Rule: ") }
        }
        #expect(try ruleAtTheOutput("x = 3\nL = x / 2") == "Rule: a quotient by a constant: ∂(x/2)/∂x = 1/2")
        #expect(try ruleAtTheOutput("x = 3\ny = 4\nL = x / y") == "Rule: a quotient: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²")
    }

    /// Where the circuit draws a gate by its symbol, `(×)`, the Step pane's header says so
    /// beside the name the text uses, so that a reader knows them for one node; where the
    /// drawing writes the name, it does not; nor for a named node.
    @Test func aGateDrawnByItsSymbolIsNamedBoth() throws {
        func opened(_ size: Size) throws -> TutorState {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: size)
            if state.showsFlow { state.apply(.toggleGraphView) }
            return state
        }
        let small = try opened(Size(width: 100, height: 30)), large = try opened(Size(width: 160, height: 48))
        #expect(small.scene.detail == .symbols && large.scene.detail != .symbols)
        #expect(lines(update(small, .jump(to: 2))).first == "Forward: compute (w11·x1), drawn\u{00A0}(×)")
        #expect(lines(update(large, .jump(to: 2))).first == "Forward: compute (w11·x1)")
        let xi1 = try #require(small.stepper.graph.id(named: "ξ1"))
        var atXi = small
        while atXi.stepper.lastStep != .forward(xi1) { atXi.apply(.next) }
        #expect(lines(atXi).first?.hasPrefix("Forward: compute ξ1") == true && lines(atXi).first?.contains("drawn") == false)
    }

    /// A pass over a truth table ends with the table, not the mean of f (seed 000's XOR
    /// and seed 001's AND).
    @Test func aTruthTableEndsWithItsRows() throws {
        for (lesson, part, table) in [("xor", 0, "f(0,0) = 0, f(0,1) = 1, f(1,0) = 1, f(1,1) = 0"),
                                      ("perceptron", 0, "f(0,0) = 0, f(0,1) = 0, f(1,0) = 0, f(1,1) = 1")] {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                       size: Size(width: 100, height: 30))
            state.apply(.jump(to: state.stepper.count))
            #expect(Array(lines(state).prefix(2)) == ["All 4 rows done", table], "\(lesson)")
        }
    }

    /// Where the flow diagram leaves the weights off its edges, the Step pane gives them:
    /// after each epoch, before the note on what the graph shows (which may go at 80×24),
    /// and at the end of training.
    @Test func theWeightsOffTheEdgesAreInTheStepPane() throws {
        for size in [Size(width: 80, height: 24)] {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: size)
            #expect(state.showsFlow && state.flow?.labelled == false)
            let w11 = try #require(state.stepper.graph.id(named: "w11"))
            state.apply(.jump(to: state.stepper.plan.stepsPerEpoch * 50))
            var written = state.notation.number(state.stepper.graph.value(of: w11))
            #expect(picture(view(state)).contains("New weights: w11 = \(written),"), "\(size)")
            state.apply(.jump(to: state.stepper.count))
            written = state.notation.number(state.stepper.graph.value(of: w11))
            #expect(lines(state).contains { $0.hasPrefix("Trained weights: w11 = \(written),") }, "\(size)")
        }
        // At 100×30 the weights are on the edges until the training views come beside it.
        var wide = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: Size(width: 100, height: 30))
        #expect(wide.flow?.labelled == true)
        wide.apply(.jump(to: wide.stepper.count))
        #expect(lines(wide).contains { $0.hasPrefix("Trained weights") } == (wide.flow?.labelled == false))
    }

    /// The end of one data point's pass gives the weights' gradients first (bce-neuron 1:
    /// the slide's ∂ℓ/∂w11), then the inputs'.
    @Test func theEndGivesTheWeightsGradientsFirst() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("bce-neuron")), part: 0, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        state.apply(.jump(to: state.stepper.count))
        #expect(lines(state).contains { $0.hasPrefix("∂ℓ/∂w11 = −0.622, ∂ℓ/∂w12 = −1.245, ∂ℓ/∂x1 = ") }, "\(lines(state))")
    }

    @Test func aTinyUpdateSaysHowFarItMoved() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let w = try #require(state.stepper.graph.id(named: "w_frog_1"))
        while state.stepper.lastStep != .update(w) { state.apply(.next) }
        guard case .update(let r)? = state.stepper.lastRecord else { Issue.record("no update record"); return }
        #expect(state.notation.number(r.after) == state.notation.number(r.before) && r.after != r.before)
        let moved = state.notation.number(r.after - r.before)
        #expect(lines(state).contains { $0.hasSuffix("= 0.3 (it moved by \(moved), below the digits shown)") }, "\(lines(state))")
        // A move the digits show says nothing more.
        let car = try #require(state.stepper.graph.id(named: "w_car_1"))
        state.apply(.restart)
        while state.stepper.lastStep != .update(car) { state.apply(.next) }
        #expect(!lines(state).contains { $0.contains("it moved by") })
    }
}

/// A result worked out from rounded numbers says so where the rounding shows: the
/// reader who multiplies 0.197 by −2 gets −0.394, and the screen writes −0.393.
@Suite struct RoundedArithmeticTests {
    @Test func aProductOfRoundedFactorsIsApproximate() throws {
        // ∂f/∂a = σ′(1) = 0.19661…, shown 0.197; times x = −2 gives −0.39322…, shown −0.393.
        let s = try state("x = -2\nparam w = -0.5\na = w * x\nf = sigmoid(a)\noutput f")
        let lines = formulasOfWholePass(s)
        #expect(lines.contains("∂f/∂w = ∂f/∂a · ∂a/∂w = 0.197 · (−2) ≈ −0.393"), "\(lines)")
        // Exact as written.
        #expect(lines.contains("a = w · x = −0.5 · (−2) = 1"), "\(lines)")
        #expect(lines.contains("∂f/∂a = ∂f/∂f · local = 1 · 0.197 = 0.197"), "\(lines)")
    }

    /// A power and a quotient too: 0.269² is 0.0724 by hand, 0.0723 from 0.26894.
    @Test func aPowerOfARoundedNumberIsApproximate() throws {
        let lines = formulasOfWholePass(try state("param a = 0.26894142\nf = a ^ 2\noutput f"))
        #expect(lines.contains("f = a² = 0.269² ≈ 0.0723"), "\(lines)")
        let exact = formulasOfWholePass(try state("param a = 0.5\nf = a ^ 2\noutput f"))
        #expect(exact.contains("f = a² = 0.5² = 0.25"), "\(exact)")
    }

    /// Squares and cubes are written as the slides write them, `x²`, in a gate's name and
    /// in the formulas, and bind tightest: `(c·x²)`, `L = e1² + e2²`, `(−0.5)²`. Other
    /// powers, and ASCII, keep `^`; a number in exponent form is bracketed.
    @Test func squaresAreWrittenWithSuperscripts() throws {
        let text = "x = -0.5\nparam c = 2\ny = c * x^2 + x^3\nz = c^0.5\nL = sum(x^2, y^2, z)"
        let lines = formulasOfWholePass(try state(text))
        for line in ["(c·x²) = c · x² = 2 · 0.25 = 0.5", "(x²) = x² = (−0.5)² = 0.25", "(x³) = x³ = (−0.5)³ = −0.125",
                     "y = (c·x²) + x³ = 0.5 + (−0.125) = 0.375",
                     "z = c ^ 0.5 = 2 ^ 0.5 = 1.414", "L = x² + y² + z = 0.25 + 0.141 + 1.414 = 1.805"] {
            #expect(lines.contains(line), "\(line) not in \(lines)")
        }
        let unicode = Notation(unicode: true)
        #expect(unicode.apply(.pow, values: [9.68e-4, 2]) == "(9.68e-4)²")
        #expect(unicode.apply(.pow, ["a", "b"]) == "a ^ b")
        let ascii = formulasOfWholePass(try state(text, theme: .monochrome(glyphs: .ascii)))
        #expect(ascii.contains("(c*(x^2)) = c * (x^2) = 2 * 0.25 = 0.5"), "\(ascii)")
    }

    @Test func theSignIsEqualsWhereTheWrittenNumbersGiveTheResult() {
        let unicode = Notation(unicode: true), ascii = Notation(unicode: false)
        #expect(unicode.equals(-0.39322, byHand: unicode.shown(0.19661) * -2) == " ≈ ")
        #expect(ascii.equals(-0.39322, byHand: ascii.shown(0.19661) * -2) == " ~= ")
        #expect(unicode.equals(-4, byHand: unicode.shown(-4) * 1) == " = ")
        #expect(unicode.shown(-0.19661) == -0.197)
        // A written 0.333 times 2 is 0.666, not the 0.667 that 2/3 is written as.
        #expect(unicode.equals(2.0 / 3, byHand: unicode.shown(1.0 / 3) * 2) == " ≈ ")
    }

    func formulasOfWholePass(_ s: TutorState) -> [String] {
        var s = s
        var lines: [String] = []
        while !s.stepper.isAtEnd {
            s = update(s, .next)
            if let record = s.stepper.lastRecord { lines += Inspector(state: s).describe(record).lines.map(\.text) }
        }
        return lines
    }
}
