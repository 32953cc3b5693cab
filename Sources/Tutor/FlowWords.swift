import Autograd

/// A step told as the flow diagram shows it, for the Step pane under the step's own
/// formula: a product or negation is a weight on an edge, the sum is arrows coming
/// together at ξ, the activation is h, a weight's gradient is written on its edge.
/// `nil` outside the flow view and for steps the diagram draws as they are.
struct FlowWords {
    let state: TutorState

    /// The step in the diagram's words; `restatesRule` where they also say what the op
    /// does to the gradient (arrows that came together, an edge's weight), so the op's
    /// rule in the circuit's words would only say it twice.
    struct Sentence: Equatable {
        var text: String
        var restatesRule = false
    }

    /// A neuron's term as the diagram draws it: an edge from `source` into `excitation`,
    /// weighted by `weight` (a leaf's name or a number).
    struct Edge: Equatable {
        var source: String
        var weight: String
        var excitation: String
        /// The ξ's node, whose gradient comes back along the edge.
        var excitationNode: NodeID
        /// A constant weight (`−1`), not a leaf that learns.
        var weightIsANumber: Bool
    }

    /// "the edge x1 → ξ1": how the Step pane, its ledger and the narration name an edge.
    func phrase(from source: String, to excitation: String) -> String {
        "the edge " + arrow(from: source, to: excitation)
    }

    /// The same for `edge`.
    func phrase(_ edge: Edge) -> String { phrase(from: edge.source, to: edge.excitation) }

    /// "x1 → ξ1".
    func arrow(from source: String, to excitation: String) -> String {
        "\(source) \(state.notation.unicode ? "→" : "->") \(excitation)"
    }

    /// The edge that stands for `node` in the flow view, where `node` is a neuron's term
    /// (`w11·x1` is the edge x1 → ξ1 with the weight w11); nil outside the flow view and
    /// for the nodes the diagram draws as they are.
    func edge(drawing node: NodeID) -> Edge? {
        guard state.showsFlow, let flow = state.flow, state.stepper.graph.op(of: node) != nil else { return nil }
        for neuron in flow.structure.neurons {
            for term in neuron.terms where term.node == node && term.isFolded {
                let constant = if case .number = term.weight { true } else { false }
                return Edge(source: sourceText(term, flow.names), weight: weightText(term, flow.names),
                            excitation: flow.names[neuron.excitation.index], excitationNode: neuron.excitation,
                            weightIsANumber: constant)
            }
        }
        return nil
    }

    /// The ends of the edge a step on `node` is about in the flow view, as its arrow names
    /// them (`x1`, `ξ1`): the edge its product is drawn as, or the first edge a weight
    /// weighs; nil for any other node.
    func ends(about node: NodeID) -> (source: String, excitation: String)? {
        guard state.showsFlow, let flow = state.flow else { return nil }
        for neuron in flow.structure.neurons {
            for term in neuron.terms where term.node == node || term.weight == .leaf(node) {
                return (sourceText(term, flow.names), flow.names[neuron.excitation.index])
            }
        }
        return nil
    }

    /// "the edge 1 → ξ3" for the term `input` of the ξ `excitation`, as the diagram draws
    /// it (a bias from the "1", an input of weight 1 from itself); nil outside the flow view.
    func phrase(into excitation: NodeID, from input: NodeID) -> String? {
        guard state.showsFlow, let flow = state.flow,
              let neuron = flow.structure.neuron(withExcitation: excitation),
              let term = neuron.terms.first(where: { $0.node == input }) else { return nil }
        return phrase(from: sourceText(term, flow.names), to: flow.names[excitation.index])
    }

    /// The neuron whose excitation `node` is, in the flow view: its ξ's name and how many
    /// edges come together there.
    func excitation(_ node: NodeID) -> (name: String, edges: Int)? {
        guard state.showsFlow, let flow = state.flow,
              let neuron = flow.structure.neuron(withExcitation: node) else { return nil }
        return (flow.names[node.index], neuron.terms.count)
    }

    /// The weights of the bias edges into the excitation `node` that are numbers, not
    /// parameters: the gradient goes back along such an edge, but both its ends are
    /// constants, so no step follows it (xor's 0.5 and −1.5).
    func fixedBiasWeights(_ node: NodeID) -> [String] {
        guard state.showsFlow, let flow = state.flow,
              let neuron = flow.structure.neuron(withExcitation: node) else { return [] }
        return neuron.terms.compactMap { term in
            guard term.source == .bias, case .number = term.weight else { return nil }
            return weightText(term, flow.names)
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    private func weightText(_ term: FlowStructure.Term, _ names: [String]) -> String {
        switch term.weight {
        case .number(let value): state.notation.number(value)
        case .leaf(let leaf): names[leaf.index]
        }
    }

    private func sourceText(_ term: FlowStructure.Term, _ names: [String]) -> String {
        switch term.source {
        case .bias: "1"
        case .node(let id): names[id.index]
        }
    }

    func sentence(for record: StepRecord) -> Sentence? {
        guard state.showsFlow, let flow = state.flow else { return nil }
        let names = flow.names
        func weightText(_ term: FlowStructure.Term) -> String { self.weightText(term, names) }
        func sourceText(_ term: FlowStructure.Term) -> String { self.sourceText(term, names) }
        // The narrowest diagram leaves the weights off the edges (`FlowScene.labelled`).
        let offEdges = "at this size the edges show no weights"
        let output = names[state.stepper.plan.tape.output.index]
        func d(_ name: String) -> String { state.notation.derivative(output, name) }
        // A weight's gradient and new value are written on its edge, or on each of the
        // edges it weighs where the graph shares it (linear regression's w1 on x11 → d1
        // and x21 → d2), where one sum of every edge's contribution stands.
        let weighed: NodeID? = switch record {
        case .backward(let r): r.node
        case .update(let r): r.param
        default: nil
        }
        if let weight = weighed {
            let edges = flow.structure.neurons.flatMap { neuron in
                neuron.terms.filter { $0.isFolded && $0.weight == .leaf(weight) }
                    .map { arrow(from: sourceText($0), to: names[neuron.excitation.index]) }
            }
            if !edges.isEmpty {
                let on = (edges.count == 1 ? "the edge " : "the edges ") + Self.list(edges)
                let w = names[weight.index]
                if case .backward = record {
                    return Sentence(text: flow.labelled ? "In the diagram: \(w)'s gradient is written on \(on)."
                        : "In the diagram: \(w) is the weight on \(on); \(offEdges), so its gradient is given here.")
                }
                return Sentence(text: flow.labelled ? "In the diagram: the new \(w) is written on \(on)."
                    : "In the diagram: \(w) is the weight on \(on); \(offEdges), so its new value is given here.")
            }
        }
        if case .forward(let r) = record, let sentence = headLine(r.node, flow) { return sentence }
        for neuron in flow.structure.neurons {
            let xi = names[neuron.excitation.index], h = neuron.activation.map { names[$0.index] } ?? xi
            switch record {
            case .forward(let r) where r.node == neuron.excitation && neuron.activation == nil:
                return Sentence(text: "In the diagram: the arrows into \(xi) come together, so their values are added: \(xi) is a weighted sum.")
            case .forward(let r) where r.node == neuron.excitation:
                return Sentence(text: "In the diagram: the arrows into \(xi) come together, so their values are added: \(xi) is the excitation.")
            case .forward(let r) where r.node == neuron.activation:
                return Sentence(text: "In the diagram: the neuron's activation \(h) is computed from its excitation \(xi).")
            case .backward(let r) where r.node == neuron.excitation:
                return Sentence(text: "In the diagram: where arrows came together, the gradient \(d(xi)) goes back unchanged along each of them.",
                                restatesRule: true)
            case .backward(let r) where r.node == neuron.activation:
                return Sentence(text: "In the diagram: the gradient goes back through the activation, from \(h) to \(xi).")
            default:
                break
            }
            for term in neuron.terms where term.isFolded {
                let bare = phrase(from: sourceText(term), to: xi)
                let edge = "\(bare) (weight \(weightText(term)))"
                switch record {
                case .forward(let r) where r.node == term.node:
                    return Sentence(text: "In the diagram: \(edge) multiplies \(sourceText(term)) by its weight.")
                case .backward(let r) where r.node == term.node:
                    // A weight that is a leaf learns too: its gradient is the upstream one
                    // times what the edge carries (mul's rule, in the diagram's words).
                    // "Goes into", not "is": a source used more than once adds up what
                    // comes back along each of its edges.
                    let weightGradient = if case .leaf(let leaf) = term.weight, term.source != .bias {
                        ", and \(d(names[leaf.index])) is \(d(xi)) times \(sourceText(term))"
                    } else { "" }
                    return Sentence(text: "In the diagram: back along \(edge): \(d(xi)) times the weight goes into \(d(sourceText(term)))\(weightGradient).",
                                    restatesRule: true)
                default:
                    continue
                }
            }
        }
        return nil
    }
}

extension FlowWords {
    /// A line of the head's box (the loss and what leads to it) that arrows from outside
    /// the box point at, where its op is no sum: the diagram's rule says arrows that meet
    /// are added, but here they meet at δ = y − σ or y_off·s_off (a reviewer read δ as
    /// y + σ). The box is not a neuron: the line is computed as its formula says. Only
    /// the arrows drawn (`FlowScene.headArrows`): an input that feeds several lines has
    /// one, to the first.
    func headLine(_ node: NodeID, _ flow: FlowScene) -> Sentence? {
        let graph = state.stepper.graph
        func unsummed(_ line: NodeID) -> Bool { graph.op(of: line).map { $0 != .add && $0 != .sum } ?? false }
        guard let arrows = flow.headArrows[node], unsummed(node) else { return nil }
        var sources: [String] = []
        for input in arrows {
            let name = flow.names[input.index]
            if !sources.contains(name) { sources.append(name) }
        }
        guard let first = sources.first else { return nil }
        let line = flow.names[node.index], formula = Inspector(state: state).definition(node)
        // The pass meets the box's lines in order: past the first, the point is made (the
        // formula follows in the Step pane).
        if flow.headArrows.keys.contains(where: { $0.index < node.index && unsummed($0) }) {
            let what = sources.count == 1 ? "the arrow from \(first) carries no weight" : "the arrows from \(Self.list(sources)) are not added"
            return Sentence(text: "In the diagram: here too \(what).")
        }
        let meeting = sources.count == 1 ? "the arrow from \(first) ends at \(line)" : "the arrows from \(Self.list(sources)) meet at \(line)"
        let how = sources.count == 1 ? "with no weight on the arrow" : "not their sum"
        return Sentence(text: "In the diagram: \(meeting), but this box is not a neuron: \(formula), \(how).")
    }
}

extension ForwardRecord {
    /// The step's op, operand names and values as the Step pane and the quiz write them:
    /// where the flow diagram draws the step as an edge, a negation is the weight −1 on
    /// it, a product (`−1 · x2 = −1 · 0`), not `−x2 = −0`; elsewhere the record's own.
    func shownOperands(onEdge: Bool, names: [String], notation: Notation) -> (op: Op, names: [String], values: [Double]) {
        let values = inputs.map(\.value)
        guard onEdge, op == .neg else { return (op, names, values) }
        return (.mul, [notation.number(-1)] + names, [-1] + values)
    }
}
