import Autograd
import Lessons
import Screen

/// The narration pane's text: the lesson's narration for the cursor, or, for a bare
/// graph, a sentence generated from the step so the screen explains itself anyway.
struct Narrator {
    let state: TutorState
    var notation: Notation { state.notation }

    /// The lines of the screen shown: a page alone, or the step's narration (a generated
    /// sentence where the lesson has none for the step). `brief`: the generated sentence
    /// in its short form (`generated(brief:)`).
    func lines(brief: Bool = false) -> [Line] {
        switch state.currentScreen {
        case .page(let page) where mistakeChanged:
            let written = state.lessonPart?.mistake.map { "with \($0.title)" } ?? "without a mistake"
            return [Line(notation.text("(m changed the run: this page is about the run \(written).)"), style: state.theme(.muted))]
                + lines(of: [page])
        case .page(let page):
            // A variant's numbers are not the slide's, which a page may quote.
            guard let variant = state.subject.variant(ofPart: state.part), page.text.contains(where: \.isNumber) else { return lines(of: [page]) }
            return [Line(notation.text("Variant \(variant): the numbers below are the slide's; yours are on the graph and in the Step pane."),
                         style: state.theme(.muted))] + lines(of: [page])
        case .step(let entries):
            // The lesson's words describe the run it was written for: after m changed the
            // mistake, the generated sentence (about the numbers on screen) takes over.
            return entries.isEmpty || mistakeChanged ? [Line(notation.text(generated(brief: brief)))] : lines(of: entries)
        }
    }

    /// The lines of the screen shown, from the whole down: where the step has only the
    /// generated sentence, its short form next, which the Lesson pane takes where the
    /// whole would cut the Step pane's formulas (`TutorState.textLayout`).
    func versions() -> [[Line]] {
        let whole = lines()
        // (A page and the lesson's own words have no short form: not made a second time.)
        guard isGenerated else { return [whole] }
        let brief = lines(brief: true)
        return brief.map(\.text) == whole.map(\.text) ? [whole] : [whole, brief]
    }

    /// Whether the Lesson pane holds the generated sentence: the lesson has no words of
    /// its own for the step (or `m` changed the run they were written for).
    var isGenerated: Bool {
        guard case .step(let entries) = state.currentScreen else { return false }
        return entries.isEmpty || mistakeChanged
    }

    /// Whether `m` switched the stepper to another mistake than the one the part was written
    /// for.
    var mistakeChanged: Bool { state.lessonPart.map { $0.mistake != state.stepper.mistake } ?? false }

    /// Every narration entry at the cursor, pages included, for a handout that shows the
    /// whole position at once.
    func allLines() -> [Line] {
        let entries = state.lessonPart?.narration(for: state.stepper) ?? []
        return entries.isEmpty ? [Line(notation.text(generated()))] : lines(of: entries)
    }

    private func lines(of entries: [Narration]) -> [Line] {
        entries.flatMap { entry in
            entry.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Line(notation.text(String($0))) }
                .reversed().drop { $0.text.isEmpty }.reversed()
        }
    }

    /// A sentence for the cursor of a bare graph. `brief`: the same in fewer words, for a
    /// Lesson pane short of room (the Step pane beside it holds the step's formulas).
    func generated(brief: Bool = false) -> String {
        let stepper = state.stepper
        let graph = stepper.graph
        let names = state.scene.names
        let output = names[stepper.plan.tape.output.index]
        func name(_ id: NodeID) -> String { names[id.index] }
        // What the drawing writes before a gradient: "grad" in a box, else ∇ (ASCII g).
        let gradMark = !state.showsFlow && state.scene.detail == .box ? "grad" : notation.unicode ? "∇" : "g"
        guard let last = stepper.lastStep else {
            if brief { return "This graph computes \(output) from its leaves. Press → (or space) to step: first the forward pass (values), then the backward pass (gradients)." }
            return "This graph computes \(output) from its leaves. Press → (or space) to take one step at a time: first the forward pass computes each node's value, then the backward pass finds how much \(output) changes with each node (its gradient, \(gradMark))."
        }
        if stepper.isAtEnd {
            // Where → leads is in the Step pane, right after "Done".
            // The chart is named only where it is on the screen; else the key that shows it,
            // where a key can act (not in a printout).
            let chart = state.graphPanes.side != nil ? "the loss chart holds the mean loss after every epoch."
                : state.keyHintsShown ? "press t for the loss chart, the mean loss after every epoch."
                : "the Step pane gives the mean loss at the trained weights."
            if stepper.plan.training == nil, let mistake = stepper.mistake, !Inspector(state: state).wrongLeaves().wrong.isEmpty {
                // The gradients on screen are the bug's: they do not say what a nudge does.
                return brief ? "Done, with \(mistake.title): the Step pane sets the right ∂\(output)/∂(leaf) beside the wrong ones."
                    : "Done. With \(mistake.title), not every ∂\(output)/∂(leaf) says how much \(output) changes when that leaf is nudged: the Step pane sets the right ones beside the wrong."
            }
            return stepper.plan.training != nil && stepper.plan.dataset != nil
                ? "Training is done: \(chart)"
                // (The Step pane's header says "Done" already: the brief form says what it means.)
                : brief ? "Each ∂\(output)/∂(leaf): how much \(output) changes when that leaf is nudged."
                : "Done. Each gradient ∂\(output)/∂(leaf) says how much \(output) changes when that leaf is nudged."
        }
        switch last {
        case .forward(let id):
            // In the flow diagram a weighted input is an edge, not a node of its own.
            let words = FlowWords(state: state)
            let definition = if let edge = words.edge(drawing: id) {
                "\(words.phrase(edge)) multiplies \(edge.source) by its weight \(edge.weight)"
            } else if let (xi, edges) = words.excitation(id) {
                edges == 1 ? "\(xi) is what its one edge carries, the input times its weight"
                    : "\(xi) adds up what its \(edges) edges carry, each input times its weight"
            } else {
                Inspector(state: state).definition(id)
            }
            let next = stepper.nextStep?.phase == .forward ? "" : " That was the last node: the forward pass is done, and \(output) = \(notation.number(graph.value(of: id)))."
            if brief { return "Forward: \(definition).\(next)" }
            return "Forward pass, left to right: a node is computed as soon as all its inputs are known. Here \(definition).\(next)"
        case .seed:
            if brief { return "The backward pass starts at the output: ∂\(output)/∂\(output) = 1." }
            return "The backward pass starts at the output: nudging \(output) changes \(output) one for one, so ∂\(output)/∂\(output) = 1. From here the gradients (\(gradMark)) flow right to left."
        case .backward(let id), .backwardEdge(let id, _):
            if graph.op(of: id) == nil {
                if brief { return "\(name(id)) is a leaf: ∂\(output)/∂\(name(id)) is complete." }
                return "\(name(id)) is a leaf. All the paths from it to \(output) have delivered their part, so ∂\(output)/∂\(name(id)) is complete."
            }
            let uses = state.scene.uses
            let fanOut = graph.inputs(of: id).contains { uses[$0.index] > 1 }
            let words = FlowWords(state: state)
            let shared = fanOut ? (brief ? " A shared input's gradient adds up every use." : " An input used more than once adds up the gradient from every use.") : ""
            if let edge = words.edge(drawing: id) {
                let learns = !(edge.weightIsANumber || edge.source == "1")
                if brief {
                    let weight = learns ? "; times \(edge.source), into \(edge.weight)'s" : ""
                    return "Chain rule along \(words.phrase(edge)): the upstream gradient times \(edge.weight) is added into \(edge.source)'s gradient\(weight).\(shared)"
                }
                let weight = learns ? "; multiplied by \(edge.source) instead, it is \(edge.weight)'s gradient" : ""
                return "Chain rule along \(words.phrase(edge)): the gradient arriving at \(edge.excitation) (upstream) is multiplied by the edge's weight \(edge.weight) and added into \(edge.source)'s gradient\(weight).\(shared)"
            }
            if let (xi, edges) = words.excitation(id) {
                // In the flow diagram a ξ is where arrows come together: a sum, whose local
                // derivative is 1 for each term (the edges' weights multiply it where a step
                // goes back along an edge of its own, which a bias or a weight of 1 has not).
                let along = edges == 1 ? "its one edge" : "each of its \(edges) edges"
                if brief { return "Chain rule at \(xi), a sum: ∂\(output)/∂\(xi) goes back unchanged along \(along).\(shared)" }
                return "Chain rule at \(xi): a sum's local derivative is 1 for each term, so ∂\(output)/∂\(xi) goes back unchanged along \(along).\(shared)"
            }
            if brief {
                let inputs = graph.inputs(of: id).count == 1 ? "its input's gradient" : "each input's gradient"
                return "Chain rule at \(name(id)): upstream gradient · local derivative, added into \(inputs).\(shared)"
            }
            return "Chain rule at \(name(id)): the gradient arriving from the right (upstream) is multiplied by each local derivative ∂\(name(id))/∂(input) and added into that input's gradient.\(shared)"
        case .update(let id):
            if case .update(let record)? = stepper.lastRecord, record.gradient == 0 {
                guard record.weightDecay == 0 else {
                    return "\(name(id))'s gradient is 0 on this row, so only weight decay moves it: \(name(id)) ← (1 − ηα)·\(name(id)), towards 0."
                }
                // (Not "nudging it would not change the loss": at a kink, the perceptron's
                // max of tied scores, a nudge does, though the gradient taken there is 0.)
                return "\(name(id))'s gradient is 0 on this row, so the update leaves it as it is."
            }
            if stepper.plan.training?.zeroGrad == false {
                return "Gradient descent with the mean of the batch sums, which are not zeroed afterwards (no zero_grad): the next epoch adds to them, so each update carries every earlier epoch's gradients."
            }
            if case .update(let record)? = stepper.lastRecord, record.weightDecay != 0 {
                return "Gradient descent with weight decay: \(name(id)) shrinks by (1 − ηα) towards 0, then steps against its gradient."
            }
            if case .perceptron? = stepper.plan.training?.rule {
                return "The perceptron rule: on a misclassified row the target class's weights move towards x and the predicted class's away from it; on a right answer nothing changes. Here \(name(id))."
            }
            return "Gradient descent: \(name(id)) moves a small step against its gradient, so \(output) goes down."
        case .sample(let row):
            return "Row \(row + 1) of the data is loaded into the input leaves."
        case .accumulate:
            if stepper.plan.training?.zeroGrad == false {
                return "The gradients of this sample are added to the batch sums. Nothing zeroes them after an update, so from epoch 2 on they still hold every earlier epoch's."
            }
            return "The gradients of this sample are added to the batch sums; the update uses their mean."
        case .epoch(let n):
            let over = n == 1 ? "Epoch 1 is over: every row of the data has been seen once."
                : "Epoch \(n) is over: every row of the data has been seen once more, \(n) times in all."
            // The graph's numbers are not the new weights': say which ones are (the Step
            // pane says it where this sentence is not shown, `Inspector.lastPassNote`).
            guard stepper.plan.training != nil, case .epoch(let record)? = stepper.lastRecord else { return over }
            return over + " The parameters hold their new values; the other nodes still hold the last pass (row \(record.rows)), computed before its update."
        }
    }
}
