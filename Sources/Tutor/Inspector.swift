import Autograd
import Screen

/// The inspector pane's text: the active step as formulas with its numbers — forward
/// "q = x + y = −2 + 5 = 3", backward "∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4" with the
/// fan-out ledger and the op's rule in words, updates "w ← w − η·∂L/∂w" — or the selected
/// node. Values are styled as values (green) and gradients as gradients (red).
struct Inspector {
    let state: TutorState
    /// Whether a backward step's rule is said as new whatever came before: for the frames
    /// `ruleShownEarlier` lays out again, each of which came after none that showed it.
    var ruleTakenAsNew = false
    var notation: Notation { state.notation }
    var theme: Theme { state.theme }
    var scene: GraphScene { state.scene }
    var graph: Graph { state.stepper.graph }

    /// The output's name, the `f` of ∂f/∂x.
    var outputName: String { scene.names[state.stepper.plan.tape.output.index] }

    /// The pane's text in full.
    func lines() -> [Line] { text().lines }

    /// The pane's text, with the lines it can do without where rows are short.
    func text() -> PaneText {
        var text: PaneText
        if let selected = state.selection {
            text = PaneText(selectedNode(selected))
        } else if let record = state.stepper.lastRecord {
            if state.stepper.isAtEnd {
                // The last step keeps its frame: what it did and its number (not the
                // diagram's sentence), then the end's summary. A leaf's gradient may go
                // where rows are short: the summary gives it again.
                let epochEnded = if case .epoch = record { true } else { false }
                let last = describe(record).essentials
                let repeated = if case .backward(let r) = record { graph.kind(of: r.node).isLeaf } else { false }
                text = PaneText(Array(last.prefix(1)))
                if last.count > 1 { text.append(last[1], expendable: repeated ? PaneText.restated : nil) }
                text.append(contentsOf: end(meanLossShown: epochEnded))
                text.append(contentsOf: mistakeSummary())
            } else {
                text = describe(record)
                text.append(contentsOf: rowSummary())
            }
        } else if state.stepper.isAtEnd {
            text = end()
        } else {
            text = start()
        }
        // Where → leads: the next step, or at the end (in the summary) the next part.
        if state.selection == nil, let next = state.stepper.nextStep {
            let whole = describe(next), brief = describe(next, brief: true)
            text.append(Line(notation.text("Next: " + whole), style: theme(.muted)), expendable: PaneText.nextStep)
            if brief != whole {
                text.append(Line(notation.text("Next: " + brief), style: theme(.muted)), inPlaceOf: PaneText.nextStep,
                            expendable: PaneText.briefNextStep)
            }
        }
        return text
    }

    // MARK: Pieces

    func header(_ text: String) -> Line { Line(notation.text(text), style: theme(.title)) }
    func plain(_ text: String) -> Span { Span(notation.text(text)) }
    func value(_ v: Double) -> Span { Span(notation.number(v), style: theme(.value)) }
    func valueOperand(_ v: Double) -> Span { Span(notation.operand(v), style: theme(.value)) }
    func grad(_ v: Double) -> Span { Span(notation.number(v), style: theme(.gradient)) }
    func gradOperand(_ v: Double) -> Span { Span(notation.operand(v), style: theme(.gradient)) }
    func d(_ wrt: NodeID) -> String { notation.derivative(outputName, scene.names[wrt.index]) }
    func name(_ id: NodeID) -> String { scene.names[id.index] }

    /// ", drawn (×)" where the circuit draws an anonymous gate by its symbol rather than
    /// by the name the text uses (the `symbols` detail, and the boxes' compact gates), so
    /// that the two are one node to a reader; else "".
    func drawnAs(_ id: NodeID) -> String {
        guard !state.showsFlow, graph.name(of: id) == nil, scene.lineLabels.indices.contains(id.index) else { return "" }
        let drawn = switch scene.detail {
        case .symbols: scene.lineLabels[id.index]
        case .box: "(\(scene.captions[id.index]))"
        case .line, .brief: name(id)
        }
        guard drawn != name(id) else { return "" }
        // (A no-break space: the symbol never starts a row of its own.)
        return ", drawn\u{00A0}\(drawn)"
    }

    /// What a node is: "an input", "a parameter" …
    func kindText(_ id: NodeID) -> String {
        switch graph.kind(of: id) {
        case .input: "an input"
        case .param: "a parameter"
        case .const: "a constant"
        // (Not "computed by step", which reads as a step of the pass.)
        case .op: graph.op(of: id) == .step ? "computed by the unit step u(·)" : "computed by \(graph.op(of: id).map(\.name) ?? "an op")"
        }
    }

    /// An input's name as an operand of `op`, as its gate's name writes it
    /// (`GraphScene.operandText`): without parentheses that do not group, around a call's
    /// argument (`log(1−ŷ)`, not `log((1−ŷ))`), around a call (`(1−y) · log(1−ŷ)`) or a
    /// square, which binds tighter than any other operator (`c · x²`, `e1² + e2²`).
    func operandName(_ input: NodeID, of op: Op) -> String {
        GraphScene.operandText(input, of: op, graph: graph, names: scene.names, notation: notation)
    }

    /// "q = x + y" with names; a ξ of the flow diagram as the weighted sum its edges
    /// carry, "ξ3 = 0.5 − h1 − h2", not "0.5 + (−h1) + (−h2)".
    func definition(_ id: NodeID) -> String {
        guard let op = graph.op(of: id) else { return name(id) }
        let inputs = graph.inputs(of: id)
        guard FlowWords(state: state).excitation(id) != nil else {
            return "\(name(id)) = " + notation.apply(op, inputs.map { operandName($0, of: op) })
        }
        var sum = ""
        for (position, input) in inputs.enumerated() {
            let term = termText(input)
            if position == 0 { sum = term }
            else if term.hasPrefix(notation.minus) { sum += " \(notation.minus) " + term.dropFirst(notation.minus.count) }
            else { sum += " + " + term }
        }
        return "\(name(id)) = " + sum
    }

    /// A ξ's term as `definition` writes it: its expression without the parentheses of its
    /// name (`w11·x1`, `−x1`).
    func termText(_ input: NodeID) -> String {
        let term = name(input)
        guard drawnEdge(input) != nil, term.hasPrefix("("), term.hasSuffix(")") else { return term }
        return String(term.dropFirst().dropLast())
    }

    /// A sum's terms' values as its definition writes them, a negated input's or a negative
    /// constant's after a minus: "ξ1 = 0.5 − x1 − x2 = 0.5 − 0 − 1", not "0.5 + 0 + (−1)",
    /// which reads as x2 = −1; "x1 + n2 − 1.5 = 0 + 1 − 1.5" in either view.
    func sumNumbers(_ inputs: [NodeID], values: [Double]) -> String {
        var sum = ""
        for (position, (input, term)) in zip(inputs, values).enumerated() {
            // (A zero term, −1 · 0 among them, is written 0, never −0.)
            let value = term == 0 ? 0 : term, negated = termText(input).hasPrefix(notation.minus)
            if position == 0 { sum = notation.number(value) }
            else if negated { sum += " \(notation.minus) " + notation.operand(-value) }
            else { sum += " + " + notation.operand(value) }
        }
        return sum
    }

    /// The edge the flow diagram draws in place of `node`, a neuron's term (`w11·x1` is
    /// the edge x1 → ξ1): the Step pane then speaks of the edge, as the diagram shows it,
    /// not of a node it does not draw. A term's gradient is its ξ's (the sum's local
    /// derivative is 1, and a term is used once, `FlowStructure`), also in the mistakes
    /// lab, whose bugs change only fan-outs and leaves.
    func drawnEdge(_ node: NodeID) -> FlowWords.Edge? { FlowWords(state: state).edge(drawing: node) }

    /// "the edge x1 → ξ1".
    func edgePhrase(_ edge: FlowWords.Edge) -> String {
        FlowWords(state: state).phrase(edge)
    }

    /// A step in words, for "Next:" and the narration; `brief`, by its node's name alone
    /// (`backward through z`, not `backward through z = (w1·x1) + b`), for a Step pane
    /// short of rows.
    func describe(_ step: Step, brief: Bool = false) -> String {
        switch step {
        case .forward(let id):
            drawnEdge(id).map { "forward along \(edgePhrase($0))" } ?? "forward: compute \(brief ? name(id) : definition(id))"
        case .seed(let id):
            brief ? "the backward pass begins at \(name(id))"
                : "the backward pass begins at the output, \(notation.derivative(name(id), name(id)))"
        case .backward(let id):
            if let edge = drawnEdge(id) { "backward along \(edgePhrase(edge))" }
            else if graph.op(of: id) == nil { brief ? "backward: leaf \(name(id))" : "backward: \(name(id))'s gradient is complete" }
            else { "backward through \(brief ? name(id) : definition(id))" }
        case .backwardEdge(let id, let position):
            backwardEdge(id, graph.input(of: id, at: position))
        case .update(let id): brief ? "update \(name(id))" : "update \(name(id)) by \(updateRule)"
        case .sample(let row): "load sample \(row + 1) of the data"
        case .accumulate: "add this sample's gradients to the batch sums"
        // Without training the data is passed over once: there are no epochs to count.
        case .epoch(let n): state.stepper.plan.training == nil ? "all rows done" : "end of epoch \(n)"
        }
    }

    /// One edge of a backward step taken an edge at a time: in the flow view, back from a
    /// ξ along the edge a term is drawn as, or from that edge into its source or weight.
    func backwardEdge(_ id: NodeID, _ input: NodeID) -> String {
        if let edge = drawnEdge(id) { return "backward along \(edgePhrase(edge)), into \(name(input))" }
        if let edge = drawnEdge(input) { return "backward from \(name(id)) along \(edgePhrase(edge))" }
        return "backward along one edge: \(name(input)) \(notation.unicode ? "←" : "<-") \(name(id))"
    }

    /// How the part updates its parameters, in words.
    var updateRule: String {
        if case .perceptron? = state.stepper.plan.training?.rule { return "the perceptron rule" }
        return "gradient descent"
    }

    // MARK: Steps

    /// A step's lines: its formulas, in the flow view the diagram's sentence under the
    /// header, and for a backward step through an op the op's rule (which may go).
    func describe(_ record: StepRecord) -> PaneText {
        let words = FlowWords(state: state).sentence(for: record)
        let body: PaneText = switch record {
        case .forward(let r): PaneText(forward(r))
        case .seed(let r): PaneText(seed(r))
        case .backward(let r): backward(r)
        case .update(let r): PaneText(update(r))
        case .sample(let r): PaneText(sample(r))
        case .accumulate(let r): PaneText(accumulate(r))
        case .epoch(let r): epoch(r)
        }
        var text = PaneText()
        let node: NodeID? = switch record {
        case .forward(let r): r.node
        case .backward(let r): r.node
        default: nil
        }
        if let first = body.lines.first {
            // Where the circuit draws the node by its symbol, the header says so, as long as
            // rows allow: after the next step's preview, before anything else goes.
            let drawn = node.map(drawnAs) ?? ""
            if !drawn.isEmpty {
                text.append(Line(first.spans + [Span(notation.text(drawn), style: theme(.title))]), expendable: PaneText.drawnName)
                text.append(first, inPlaceOf: PaneText.drawnName)
            } else {
                text.append(first)
            }
        }
        // In the flow diagram, under the step's header, the step in the slides' words: the
        // last line to go where rows are short (the formulas with their numbers stay).
        if let words {
            text.append(Line(notation.text(words.text), style: theme(.muted)), expendable: PaneText.diagramWords)
        }
        text.append(contentsOf: body.droppingFirst)
        // Not where the diagram's sentence says the same. Where the pass has not yet shown
        // the rule, it is new (the quotient rule at softmax's p_cat): it goes last where
        // rows are short; shown before, it is said again and goes early.
        if case .backward(let r) = record, let op = r.op, words?.restatesRule != true {
            let line = ruleLine(op, at: r.node)
            let isNew = ruleTakenAsNew || !ruleShownEarlier(line, op: op, at: r.node)
            text.append(line, expendable: isNew ? PaneText.newRule : PaneText.restated)
        }
        return text
    }

    /// "Rule: …", a backward step's op's rule.
    func ruleLine(_ op: Op, at node: NodeID) -> Line {
        Line(notation.text("Rule: " + rule(op, at: node)), style: theme(.muted))
    }

    /// Whether a step earlier in this backward pass, through another node with the same
    /// rule, showed it on a screen of this size: that frame laid out again (the rule
    /// counts as met only where a student saw it; bce-neuron part 2's flow diagram at
    /// 80×24 has no room for σ's rule at ŷ). The earliest first, each with the rule taken
    /// as new, as it was where none before showed it; at most `ruleFramesChecked` of
    /// them, past which it counts as shown, to keep a step instant.
    func ruleShownEarlier(_ line: Line, op: Op, at node: NodeID) -> Bool {
        let stepper = state.stepper, plan = stepper.plan
        // The steps through other nodes of the op (its rule, a string, only for those laid out).
        var earlier: [Int] = []
        var index = stepper.position - 2
        while index >= 0, plan.step(at: index).phase == .backward {
            if let other = plan.step(at: index).node, other != node, graph.op(of: other) == op { earlier.append(index) }
            index -= 1
        }
        var checked = 0
        for index in earlier.reversed() {
            guard let other = plan.step(at: index).node, ruleLine(op, at: other) == line else { continue }
            guard checked < Self.ruleFramesChecked else { return true }
            checked += 1
            var frame = state
            frame.stepper.go(to: index + 1)
            frame.selection = nil
            frame.chooseScene()
            frame.screen = frame.screens.count - 1
            let text = Inspector(state: frame, ruleTakenAsNew: true).text().below(frame.classroomLines())
            // (In the Step pane, or in the Lesson pane in place of its general sentence.)
            let layout = frame.textLayout(stepText: text)
            if layout.inspector.contains(line) || layout.narration.contains(line) { return true }
        }
        return false
    }

    /// The most earlier frames `ruleShownEarlier` lays out for one step.
    static let ruleFramesChecked = 3

    /// The op's rule in words; a power with a constant exponent (a square) only by its
    /// base, since ∂/∂b = aᵇ·ln a means nothing for a constant (and a may be negative),
    /// and in the node's own names where the exponent is 2 or 3: "a square: ∂r²/∂r = 2·r"
    /// (a lesson's a and b are often weights).
    func rule(_ op: Op, at node: NodeID) -> String {
        let inputs = graph.inputs(of: node)
        if op == .div, inputs.count == 2 { return quotientRule(numerator: inputs[0], denominator: inputs[1]) ?? op.gradientRule }
        guard op == .pow, inputs.count == 2, graph.kind(of: inputs[1]) == .const else { return op.gradientRule }
        let base = name(inputs[0]), exponent = graph.value(of: inputs[1])
        guard exponent == 2 || exponent == 3 else { return "a power with a constant exponent b: ∂(aᵇ)/∂a = b·aᵇ⁻¹" }
        // (In ASCII in parentheses: "d(r^2)/dr", not "dr^2/dr".)
        var power = notation.apply(.pow, [base, notation.number(exponent)]).replacingOccurrences(of: " ", with: "")
        if !notation.unicode { power = "(\(power))" }
        let slope = exponent == 2 ? "2·\(base)" : "3·" + notation.apply(.pow, [base, "2"]).replacingOccurrences(of: " ", with: "")
        return "a \(exponent == 2 ? "square" : "cube"): " + notation.derivative(power, base) + " = " + slope
    }

    /// A quotient with a constant side, in the node's own names: "a reciprocal:
    /// ∂(1/den)/∂den = −1/den²" (sigmoid's f = 1/den has one input that is not a number,
    /// so a rule about a and b would name operands the graph does not have); "a quotient
    /// by a constant: ∂(a/2)/∂a = 1/2". Nil where both sides are nodes.
    func quotientRule(numerator: NodeID, denominator: NodeID) -> String? {
        let (a, b) = (name(numerator), name(denominator))
        let squared = notation.apply(.pow, [b, "2"]).replacingOccurrences(of: " ", with: "")
        if graph.kind(of: numerator) == .const, graph.kind(of: denominator) != .const {
            return "a reciprocal: " + notation.derivative("(\(a)/\(b))", b) + " = \(notation.minus)\(a)/\(squared)"
        }
        if graph.kind(of: denominator) == .const, graph.kind(of: numerator) != .const {
            return "a quotient by a constant: " + notation.derivative("(\(a)/\(b))", a) + " = 1/\(b)"
        }
        return nil
    }

    func forward(_ r: ForwardRecord) -> [Line] {
        // An edge's product has no name of its own in the diagram: "w11 · x1 = …", and a
        // negation is the weight −1 on its edge: "−1 · x1", not "−x1 = −0".
        let edge = drawnEdge(r.node)
        let (op, names, values) = r.shownOperands(onEdge: edge != nil, names: r.inputs.map { name($0.id) }, notation: notation)
        var numbers = notation.apply(op, values: values)
        if r.op == .max || r.op == .min { numbers = notation.apply(r.op, values.map { notation.number($0) }) }
        if edge == nil, r.op == .sum || r.op == .add, values.count == r.inputs.count {
            numbers = sumNumbers(r.inputs.map(\.id), values: values)
        }
        var formula = [plain((edge == nil ? definition(r.node) : notation.apply(op, names)) + " = ")]
        // "m = −d = −1", not "= −1 = −1" when the numbers already read as the result.
        if numbers != notation.number(r.result) {
            // Arithmetic is checked by hand from the rounded inputs: say where rounding shows.
            let byHand = [.add, .sub, .mul, .neg, .sum, .div, .pow].contains(op)
                ? op.value(inputs: values.count) { notation.shown(values[$0]) } : r.result
            formula += [Span(numbers, style: theme(.value)), plain(notation.equals(r.result, byHand: byHand))]
        }
        let title = edge.map { "Forward along " + edgePhrase($0) }
        return [header(title ?? "Forward: compute \(name(r.node))"), Line(formula + [value(r.result)])]
    }

    func seed(_ r: SeedRecord) -> [Line] {
        var lines = [
            header("Backward pass: start at the output"),
            Line([plain(notation.derivative(name(r.output), name(r.output)) + " = "), grad(1)]),
            Line(notation.text("The output's gradient with respect to itself is 1. From here the gradients flow back, node by node, towards the leaves.")),
        ]
        let offCone = scene.graphNodes.filter { !state.stepper.plan.tape.contains($0) }
        if !offCone.isEmpty {
            let names = offCone.map(name).joined(separator: ", ")
            lines.append(Line(notation.text("\(outputName) does not depend on \(names): \(offCone.count == 1 ? "its gradient is" : "their gradients are") 0.")))
        }
        return lines
    }

    func backward(_ r: BackwardRecord) -> PaneText {
        if let edge = drawnEdge(r.node) { return backward(r, along: edge) }
        var lines = PaneText()
        if r.op == nil {
            lines.append(header("Backward: \(name(r.node)) is \(kindText(r.node))"))
        } else if r.flows.count == 1, state.granularity == .edge, let flow = r.flows.first {
            lines.append(header(drawnEdge(flow.to).map { "Backward from \(name(r.node)) along \(edgePhrase($0))" }
                                ?? "Backward along one edge: \(definition(r.node)), into \(name(flow.to))"))
        } else {
            lines.append(header("Backward through \(definition(r.node))"))
        }
        lines.append(ledger(r))
        let right = rightBeside(r)
        lines.append(contentsOf: right)
        let shown = r.flows.filter { scene.layoutNode(of: $0.to) != nil }
        // At a ξ of the flow diagram, what goes back along an edge is ξ's own gradient,
        // which the edge's step names as its upstream: said once, not once per term.
        // (Each flow's edge looked up once.)
        let edges = shown.map { drawnEdge($0.to) }
        lines.append(contentsOf: flows(shown.indices.filter { edges[$0] == nil }.map { shown[$0] }))
        let termEdges = edges.compactMap { $0 }
        if let only = termEdges.first, state.granularity == .edge {
            // A step an edge at a time sends it along that one.
            lines.append(Line([grad(r.grad), plain(" goes back along \(edgePhrase(only))")]))
        } else if !termEdges.isEmpty, let xi = FlowWords(state: state).excitation(r.node) {
            // The edges whose gradient has a line above (a bias that learns, an input of
            // weight 1) are not counted again; a constant's edge is, as the diagram draws it.
            let rest = xi.edges - (shown.count - termEdges.count)
            let alongWhich = rest == xi.edges ? (rest == 1 ? "\(xi.name)'s edge" : "each of \(xi.name)'s \(rest) edges")
                : (rest == 1 ? "\(xi.name)'s other edge" : "\(xi.name)'s other \(rest) edges")
            // (The ledger line above names it: the number alone, not ∂f/∂ξ again.) A
            // constant bias's edge is counted, but no step follows it: said, so that the
            // steps after are not one short.
            let fixed = FlowWords(state: state).fixedBiasWeights(r.node)
            let noStep = fixed.count == 1 ? "; the bias edge needs no step: the input 1 and its weight \(fixed[0]) are constants"
                : fixed.isEmpty ? "" : "; the bias edges need no step: the input 1 and their weights are constants"
            lines.append(Line([grad(r.grad), plain(" goes back along \(alongWhich)\(noStep)")]))
        }
        if r.op == nil {
            // A gradient the mistakes lab made wrong says no such thing (the line above gives the right one).
            let meaning = right.isEmpty ? "it says how much \(outputName) changes per unit change of \(name(r.node))"
                : "with \(state.stepper.mistake?.title ?? "the mistake"), a wrong one"
            lines.append(Line(notation.text("\(name(r.node)) has no inputs, so its gradient is final: \(meaning).")))
        }
        return lines
    }

    /// A backward step through a neuron's term, told as the diagram draws it: back along
    /// the edge, ∂f/∂ξ times the edge's local derivative (its weight, or for the weight,
    /// what the edge's source holds) into each of the two.
    func backward(_ r: BackwardRecord, along edge: FlowWords.Edge) -> PaneText {
        var lines = PaneText([header("Backward along " + edgePhrase(edge))])
        lines.append(contentsOf: flows(r.flows.filter { scene.layoutNode(of: $0.to) != nil }, upstream: edge.excitationNode))
        return lines
    }

    /// The lines of a step's flows, each spelling its chain out (`flow`); where rows are
    /// short, those after the first without it (`PaneText.repeatedChain`), the first having
    /// shown the pattern: "∂L/∂b = (−1) · 1 = −1" under "∂L/∂a = ∂L/∂s · ∂s/∂a = (−1) · 1 = −1".
    func flows(_ flows: [GradientFlow], upstream: NodeID? = nil) -> PaneText {
        var text = PaneText()
        for (index, flow) in flows.enumerated() {
            let spelled = self.flow(flow, upstream: upstream)
            guard index > 0, let chain = spelled.first else {
                text.append(contentsOf: spelled)
                continue
            }
            text.append(chain, expendable: PaneText.repeatedChain)
            text.append(self.flow(flow, upstream: upstream, spelled: false)[0], inPlaceOf: PaneText.repeatedChain)
            text.append(contentsOf: Array(spelled.dropFirst()))
        }
        return text
    }

    /// The mistakes lab at the end of the pass: the leaves' right gradients (one
    /// `backward()`, `+=`), and what finite differences measure.
    func mistakeSummary() -> [Line] {
        guard let mistake = state.stepper.mistake, state.stepper.plan.training == nil else { return [] }
        let (wrong, right) = wrongLeaves()
        guard !wrong.isEmpty else { return [Line(notation.text("With \(mistake.title), every leaf's gradient happens to be right here."))] }
        var lines = [header("Wrong (\(mistake.title)); the right gradients:")]
        for id in wrong {
            lines.append(Line([plain(d(id) + " = "), grad(right.grad(of: id)), plain(" (finite differences: "),
                               Span(notation.number(graph.numericalGradient(of: id))), plain("), not "), grad(graph.grad(of: id))]))
        }
        return lines
    }

    /// The leaves whose gradient the mistakes lab's bug made wrong, and the graph with the
    /// right gradients (one `backward()`, `+=`).
    func wrongLeaves() -> (wrong: [NodeID], right: Graph) {
        var right = state.stepper.graph
        right.backward(state.stepper.plan.tape)
        let leaves = scene.graphNodes.filter { graph.kind(of: $0).isLeaf && state.stepper.plan.tape.contains($0) }
        return (leaves.filter { right.grad(of: $0) != graph.grad(of: $0) }, right)
    }

    /// The mistakes lab: beside a gradient the bug made wrong, the right one (one
    /// `backward()`, `+=`) and, for a leaf, what finite differences measure.
    func rightBeside(_ r: BackwardRecord) -> [Line] {
        guard let mistake = state.stepper.mistake, !r.isOutput else { return [] }
        var right = state.stepper.graph
        right.backward(state.stepper.plan.tape)
        let correct = right.grad(of: r.node)
        guard correct != r.grad else { return [] }
        var spans = [plain("Wrong (\(mistake.title)): the right \(d(r.node)) is "), grad(correct)]
        if state.stepper.graph.kind(of: r.node).isLeaf {
            let measured = state.stepper.graph.numericalGradient(of: r.node)
            spans += [plain("; finite differences measure "), Span(notation.number(measured)), plain(" too")]
        }
        return [Line(spans)]
    }

    /// What a gradient came through: the consumer's name, or in the flow diagram, where a
    /// weighted input is an edge and not a node, that edge ("via the edge x1 → ξ1").
    /// An input that a ξ takes as it is (weight 1), or a bias, came along its own edge
    /// into that ξ (a bias's from the "1").
    func via(_ consumer: NodeID, from input: NodeID) -> String {
        if let edge = drawnEdge(consumer) { return edgePhrase(edge) }
        return FlowWords(state: state).phrase(into: consumer, from: input) ?? name(consumer)
    }

    /// "∂f/∂q = −4 (via f)", the fan-out sum "∂f/∂a = 3 (via d) + (−6) (via e) = −3", or the seed.
    func ledger(_ r: BackwardRecord) -> Line {
        var spans = [plain(d(r.node) + " = ")]
        if r.carried != 0 {
            // The mistakes lab's second backward(): the first call's gradient is still there.
            spans += [grad(r.carried), plain(" (left by the first backward()) + ")]
        }
        if r.isOutput {
            spans += [grad(r.grad), plain(" (the seed)")]
        } else if r.ledger.isEmpty {
            spans += [grad(r.grad), plain(" (\(outputName) does not depend on it)")]
        } else {
            // With = each contribution replaces the one before: listed in the order they came.
            let replacing = r.ledger.count > 1 && state.stepper.mistake == .assign
            let ledger = replacing ? r.ledger.sorted { $0.contribution < $1.contribution } : r.ledger
            for (index, flow) in ledger.enumerated() {
                if index > 0 { spans.append(plain(replacing ? ", then " : " + ")) }
                spans += [index > 0 && !replacing ? gradOperand(flow.product) : grad(flow.product), plain(" (via \(via(flow.from, from: r.node)))")]
            }
            if replacing {
                spans += [plain("; with = only the last stays: "), grad(r.grad)]
            } else if r.ledger.count > 1 || r.carried != 0 {
                let byHand = r.ledger.reduce(notation.shown(r.carried)) { $0 + notation.shown($1.product) }
                spans += [plain(notation.equals(r.grad, byHand: byHand)), grad(r.grad)]
            }
        }
        return Line(spans)
    }

    /// "∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4"; "+=" and the running sum where the input
    /// collects gradient from more than one use.
    /// `upstream` is the node the gradient is said to arrive from where that is not
    /// `f.from` (the ξ at the head of an edge of the flow diagram, whose gradient it is).
    /// `spelled`: with the chain's derivatives by name (`∂f/∂q · ∂q/∂x =`), else the
    /// numbers alone.
    func flow(_ f: GradientFlow, upstream: NodeID? = nil, spelled: Bool = true) -> [Line] {
        let contributions = state.stepper.contributionCount(to: f.to)
        let accumulates = contributions > 1
        let source = upstream ?? f.from
        let from = name(source)
        // From the output, ∂f/∂f · ∂f/∂q would read like the result; say "local" instead.
        let local = source == state.stepper.plan.tape.output ? "local" : notation.derivative(from, name(f.to))
        let chain = notation.derivative(outputName, from) + " " + notation.times + " " + local
        // A second backward() adds to what the first left, a fan-out to what came before.
        let adds = (accumulates || f.before != 0) && !f.replaced
        var lines = [Line([
            plain(d(f.to) + (adds ? " += " : " = ") + (spelled ? chain + " = " : "")),
            gradOperand(f.upstream), plain(" \(notation.times) "),
            Span(notation.operand(f.local)),
            plain(notation.equals(f.product, byHand: notation.shown(f.upstream) * notation.shown(f.local))), grad(f.product),
        ])]
        if f.replaced {
            // The mistakes lab's `=`: what the gradient held is gone.
            if f.before != 0 {
                lines.append(Line([plain("   with = instead of +=, the "), grad(f.before), plain(" already in " + d(f.to) + " is lost")]))
            }
        } else if f.before != 0 || (accumulates && f.contribution > 0) {
            // The mistakes lab's second backward() starts from what the first one left.
            let leftOver = state.stepper.mistake == .backwardTwice && f.contribution == 0 ? " (left by the first backward())" : ""
            lines.append(Line([plain("   so far " + d(f.to) + " = "), grad(f.before), plain(leftOver + " + "), gradOperand(f.product),
                               plain(notation.equals(f.after, byHand: notation.shown(f.before) + notation.shown(f.product))),
                               grad(f.after)]))
        } else if accumulates {
            lines.append(Line(notation.text("   the first of \(contributions) contributions to " + d(f.to)), style: theme(.muted)))
        }
        return lines
    }

    /// "0.3 − 0.1·9.68e-4 = 0.3" reads as no move at all: where the step is below the
    /// digits shown, say by how much the weight did move.
    func movedBelowTheDigits(_ r: UpdateRecord) -> [Span] {
        guard r.after != r.before, notation.number(r.after) == notation.number(r.before) else { return [] }
        return [plain(" (it moved by "), Span(notation.number(r.after - r.before)), plain(", below the digits shown)")]
    }

    func update(_ r: UpdateRecord) -> [Line] {
        let w = name(r.param)
        let dLdw = notation.derivative(outputName, w)
        var lines = [header("Update: \(w) by \(updateRule)")]
        // Sums that are never zeroed hold every epoch's gradients: no ∂L/∂w at these weights.
        let stale = state.stepper.plan.training?.zeroGrad == false
        let used = stale ? "\(w).grad" : dLdw
        let (before, rate, gradient) = (notation.shown(r.before), notation.shown(r.learningRate), notation.shown(r.gradient))
        if let sum = r.batchSum, let count = r.batchCount {
            lines.append(Line([plain("\(used) = \(notation.sum) / \(count) = "), grad(sum), plain(" / \(count)"),
                               plain(notation.equals(r.gradient, byHand: notation.shown(sum) / Double(count))), grad(r.gradient),
                               plain(stale ? " (the sums of every epoch so far, never zeroed)" : " (mean over the batch)")]))
        }
        if r.weightDecay != 0 {
            // The ℓ2 penalty's gradient α·w joins the loss's: w ← w − η·(∂L/∂w + α·w).
            let alpha = notation.text("α")
            lines.append(Line([plain("\(w) \(notation.assign) \(w) \(notation.minus) \(notation.eta)\(notation.times)(\(dLdw) + \(alpha)\(notation.times)\(w)) = "),
                               value(r.before), plain(" \(notation.minus) "), Span(notation.number(r.learningRate)),
                               plain("\(notation.times)("), Span(notation.number(r.gradient), style: theme(.gradient)),
                               plain(" + \(notation.number(r.weightDecay))\(notation.times)"), Span(notation.operand(r.before)),
                               plain(")"), plain(notation.equals(r.after, byHand: before - rate * (gradient + notation.shown(r.weightDecay) * before))),
                               value(r.after)]))
            lines.append(Line(notation.text("weight decay: (1 − ηα)·\(w) − η·\(dLdw), with α = \(notation.number(r.weightDecay))"),
                              style: theme(.muted)))
        } else {
            lines.append(Line([plain("\(w) \(notation.assign) \(w) \(notation.minus) \(notation.eta)\(notation.times)\(used) = "),
                               value(r.before), plain(" \(notation.minus) "), Span(notation.number(r.learningRate)),
                               plain(notation.times), gradOperand(r.gradient),
                               plain(notation.equals(r.after, byHand: before - rate * gradient)), value(r.after)]
                              + movedBelowTheDigits(r)))
        }
        if let p = r.perceptron {
            // The slide's rule: w_y ← w_y + ηx for the target class y, w_f(x) ← w_f(x) − ηx
            // for the predicted class; a weight moves with its own feature of x.
            let x = p.feature.map(name) ?? "1"
            var verdict = switch p.change {
            case .unchanged: "stays as it is (ε = 0)"
            case .towardTarget: "is the target class's, so it moves towards x: + η·\(x) (ε = −1)"
            case .awayFromPrediction: "is the predicted class's, so it moves away from x: − η·\(x) (ε = +1)"
            }
            // ηε·x is 0 when its feature is: the rule names a direction, the weight stays.
            if p.change != .unchanged, p.featureValue == 0 {
                verdict = (p.change == .towardTarget ? "is the target class's and would move towards x (ε = −1)"
                    : "is the predicted class's and would move away from x (ε = +1)") + ", but \(x) = 0, so it stays"
            }
            lines.append(Line(notation.text("Perceptron: predicted \(p.predictedName), target \(p.targetName); \(w) \(verdict).")))
        }
        return lines
    }

    func sample(_ r: SampleRecord) -> [Line] {
        let settings = r.assignments.map { "\(name($0.id)) = \(notation.number($0.after))" }
        return [header("Sample \(r.row + 1): load a row of the data"), Line(settings.joined(separator: ", "), style: theme(.value))]
    }

    func accumulate(_ r: AccumulateRecord) -> [Line] {
        [header("Batch: add this sample's gradients to the sums")] + r.entries.prefix(8).map { e in
            Line([plain("\(notation.sum) \(d(e.param)) = "), grad(e.before), plain(" + "), gradOperand(e.gradient),
                  plain(notation.equals(e.after, byHand: notation.shown(e.before) + notation.shown(e.gradient))), grad(e.after)])
        }
    }

    /// "f(0,0) = 0, f(0,1) = 1, …": the output on each row of a small dataset, at the
    /// parameters as they are, its arguments the row's inputs; nil past `rowsListed` rows.
    var outputsByRow: [Span]? {
        guard let data = state.stepper.plan.dataset, data.count <= Self.rowsListed else { return nil }
        let output = state.stepper.plan.tape.output
        var spans: [Span] = []
        for row in data.rows {
            // "f(0,1)", as the lessons write a truth table: one word, never broken.
            let arguments = row.prefix(data.inputs.count).map { notation.number($0) }.joined(separator: ",")
            if !spans.isEmpty { spans.append(plain(", ")) }
            spans += [plain("\(outputName)(\(arguments)) = "), value(graph.predict(output, row: row, columns: data.columns))]
        }
        return spans
    }

    /// The most rows whose outputs the end of a pass lists one by one.
    static let rowsListed = 8

    func epoch(_ r: EpochRecord) -> PaneText {
        let rows = "\(r.rows) row\(r.rows == 1 ? "" : "s")"
        guard state.stepper.plan.training != nil else {
            // Without training there is one pass over the data, not epochs: a truth table,
            // whose rows say more than their mean.
            return PaneText([header("All \(rows) done"),
                             Line(outputsByRow ?? [plain("mean \(outputName) over the \(rows) = "), value(r.meanLoss)])])
        }
        var text = PaneText([header("Epoch \(r.epoch) done"),
                             Line([plain("mean \(outputName) over the \(rows), at the weights after this epoch = "), value(r.meanLoss)])])
        // The narrowest flow diagram has no weights on its edges: they are here, before
        // the note on what the graph shows, which may go.
        if let weights = weightsLine("New weights: ") { text.append(weights, expendable: weightsOnEdges ? PaneText.listedWeights : nil) }
        // The Lesson pane's own sentence says this where the lesson has no words for the
        // step (and where the Step pane takes the Lesson pane's room, `TutorState.textLayout`
        // adds it); else it stays as long as the diagram's sentence would: the graph's
        // numbers are not the new weights'.
        if !Narrator(state: state).isGenerated { text.append(lastPassNote(r), expendable: PaneText.diagramWords) }
        return text
    }

    /// After an epoch, what the graph holds: "The nodes still hold the last pass (row 4),
    /// computed before its update."
    func lastPassNote(_ r: EpochRecord) -> Line {
        let shown = weightsLine("") == nil ? "The parameters show their new values; the other nodes" : "The nodes"
        return Line(notation.text("\(shown) still hold the last pass (row \(r.rows)), computed before its update."), style: theme(.muted))
    }

    /// Whether the flow diagram writes the weights on its edges (by name or not): a list of
    /// them (`weightsLine`) then only names what the edges show.
    var weightsOnEdges: Bool { state.showsFlow && state.flow?.labelled == true }

    /// "New weights: w11 = 0.133, …" where the flow diagram leaves the weights off its
    /// edges (and so shows them nowhere else), or writes them there without their names
    /// (the brief diagram's `── 0.172 ─▶`: a cubic fit's a, b, c and d only here by name);
    /// nil where they are on the graph by name.
    func weightsLine(_ title: String) -> Line? {
        guard state.showsFlow, let flow = state.flow, !flow.labelled || flow.brief else { return nil }
        let params = scene.graphNodes.filter { graph.kind(of: $0) == .param }.prefix(Self.leavesListed)
        guard !params.isEmpty else { return nil }
        var spans = [plain(title)]
        for (index, id) in params.enumerated() {
            if index > 0 { spans.append(plain(", ")) }
            spans += [plain("\(name(id)) = "), value(graph.value(of: id))]
        }
        return Line(spans)
    }

    /// At the last step of a row's pass, the row in one line, as a truth table reads it:
    /// "Row 2 of 4 done: x1 = 0, x2 = 1 → f = 0" (the autoplay and `render --all` frames of
    /// a part with data land here).
    func rowSummary() -> [Line] {
        let stepper = state.stepper
        let plan = stepper.plan
        guard let dataset = plan.dataset, stepper.position > 0 else { return [] }
        let (_, row, offset) = plan.location(of: stepper.position - 1)
        guard let row, offset == plan.stepsPerPass - 1 else { return [] }
        let output = plan.tape.output
        var spans = [plain("Row \(row + 1) of \(plan.rowsPerEpoch) done: ")]
        for (index, id) in dataset.inputs.enumerated() {
            spans += [plain((index > 0 ? ", " : "") + "\(name(id)) = "), value(graph.value(of: id))]
        }
        spans += [plain(" → \(name(output)) = "), value(graph.value(of: output))]
        return [Line(spans)]
    }

    // MARK: Start, end, selection

    /// The most leaves whose gradients the end lists one to a row.
    static let gradientsInAColumn = 4

    /// The most leaves the start lists by name and value.
    static let leavesListed = 40

    func start() -> PaneText {
        let leaves = scene.graphNodes.filter { graph.kind(of: $0).isLeaf }
        var lines = PaneText([header("Start: nothing computed yet")])
        if !leaves.isEmpty {
            var spans = [plain("Leaves: ")]
            // Every leaf of a lesson's graph (the weights too, which the narrowest flow
            // diagram leaves off its edges); a long expression's first ones, and how many more.
            for (index, id) in leaves.prefix(Self.leavesListed).enumerated() {
                if index > 0 { spans.append(plain(", ")) }
                spans += [plain("\(name(id)) = "), value(graph.value(of: id))]
            }
            if leaves.count > Self.leavesListed {
                spans.append(plain(", … (\(leaves.count - Self.leavesListed) more; Tab selects a node)"))
            }
            lines.append(Line(spans))
        }
        // The Lesson pane's first words say the same: this may go.
        lines.append(Line(notation.text("The forward pass computes every node from its inputs, left to right; the backward pass then sends ∂\(outputName)/∂(node) from the output back to the leaves.")),
                     expendable: PaneText.restated)
        return lines
    }

    /// `meanLossShown`: the last epoch's lines above already give the mean loss at the
    /// trained weights, so the summary does not say it twice.
    func end(meanLossShown: Bool = false) -> PaneText {
        let plan = state.stepper.plan
        let output = plan.tape.output
        var lines: [Line]
        // What → does now (or that it does nothing more): the key hints say so too, so
        // this may go where the summary is short of rows.
        let next = Line(notation.text(state.whatComesNext), style: theme(.muted))
        func text(_ lines: [Line]) -> PaneText {
            var text = PaneText(Array(lines.prefix(1)))
            text.append(next, expendable: PaneText.nextStep)
            text.append(contentsOf: Array(lines.dropFirst()))
            return text
        }
        if plan.training != nil, let dataset = plan.dataset {
            // The graph still shows the last pass, computed before its updates: say which
            // numbers belong to the trained parameters and which to that pass.
            let epochs = plan.epochs
            let trained = graph.meanLoss(over: dataset, tape: plan.tape)
            lines = [header("Done: training finished after \(epochs) epoch\(epochs == 1 ? "" : "s")")]
            if !meanLossShown {
                lines.append(Line([plain("mean \(name(output)) over the data (\(plan.rowsPerEpoch) row\(plan.rowsPerEpoch == 1 ? "" : "s")), trained: "),
                                   value(trained)]))
            }
            var done = text(lines)
            if let weights = weightsLine("Trained weights: ") {
                done.append(weights, expendable: weightsOnEdges ? PaneText.listedWeights : nil)
            }
            done.append(Line([Span(notation.text("The graph shows row \(plan.rowsPerEpoch)'s pass, before its update: \(name(output)) = "),
                                   style: theme(.muted)), value(graph.value(of: output))]))
            return done
        }
        // With data, the graph holds the last row's pass: say so.
        let row = plan.dataset == nil ? "" : " (row \(plan.rowsPerEpoch) of \(plan.rowsPerEpoch))"
        lines = [header(plan.training == nil ? "Done: forward and backward pass" + (plan.dataset == nil ? "" : " of every row")
                                            : "Done: training finished"),
                 Line([plain("\(name(output))\(row) = "), value(graph.value(of: output))])]
        // The parameters' gradients first: they are what a slide's "gradient" is about.
        let leaves = scene.graphNodes.filter { graph.kind(of: $0).isLeaf && plan.tape.contains($0) }
            .sorted { (graph.kind(of: $0) == .param ? 0 : 1) < (graph.kind(of: $1) == .param ? 0 : 1) }
        // Many leaves read better as one paragraph than as a column running off the pane
        // (each "∂f/∂x = −4" stays on one row: `WordGlue`); a few, as a column where it
        // has the rows, else gathered the same way.
        let entries = leaves.map { [plain(d($0) + " = "), grad(graph.grad(of: $0))] }
        let paragraph = Line(Array(entries.joined(separator: [plain(", ")])))
        guard leaves.count <= Self.gradientsInAColumn else {
            // Where even the paragraph is short of rows, ∂f/∂ said once: "∂f/∂(leaf): w1 = −4, …".
            let named = leaves.map { [plain(name($0) + " = "), grad(graph.grad(of: $0))] }
            var summary = text(lines)
            summary.append(paragraph, expendable: PaneText.column)
            summary.append(Line([plain(notation.derivative(outputName, "(leaf)") + ": ")] + Array(named.joined(separator: [plain(", ")]))),
                           inPlaceOf: PaneText.column)
            return summary
        }
        var summary = text(lines)
        for entry in entries { summary.append(Line(entry), expendable: PaneText.column) }
        if leaves.count > 1 { summary.append(paragraph, inPlaceOf: PaneText.column) }
        return summary
    }

    func selectedNode(_ id: NodeID) -> [Line] {
        let progress = state.progress
        var lines = [header("Selected: \(name(id))\(drawnAs(id)), \(kindText(id))")]
        if graph.op(of: id) != nil { lines.append(Line(notation.text(definition(id)))) }
        lines.append(progress.valueKnown[id.index]
                     ? Line([plain("value \(name(id)) = "), value(graph.value(of: id))])
                     : Line(notation.text("value: not computed yet in this pass")))
        lines.append(progress.gradKnown[id.index]
                     ? Line([plain("gradient \(d(id)) = "), grad(graph.grad(of: id))])
                     : Line(notation.text("gradient: not reached yet")))
        // In the flow view a use drawn as an edge is named as the diagram shows it: the ξ
        // it leads into, along its edge (not "(−h1)", a gate only the circuit draws).
        let flowWords = FlowWords(state: state)
        let users = graph.consumers()[id.index].map { user in
            if let edge = flowWords.edge(drawing: user) { return "\(edge.excitation) (along \(flowWords.phrase(edge)))" }
            // An input the ξ adds as it is (weight 1) comes along an edge of its own too.
            if let phrase = flowWords.phrase(into: user, from: id) { return "\(name(user)) (along \(phrase))" }
            return name(user)
        }
        if !users.isEmpty {
            lines.append(Line(notation.text("used by: " + users.joined(separator: ", ")
                                            + (users.count > 1 ? " (its gradient is the sum over these uses)" : ""))))
        }
        if let op = graph.op(of: id) { lines.append(Line(notation.text("Rule: " + op.gradientRule), style: theme(.muted))) }
        lines.append(Line(notation.text("Esc returns to the step."), style: theme(.muted)))
        return lines
    }
}
