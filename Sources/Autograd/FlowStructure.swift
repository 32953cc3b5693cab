/// The neurons of a graph as the UIUC slides' flow diagrams draw them: an activation h of
/// an excitation ξ that is a sum of weighted inputs. Each term of the sum is an input
/// times a weight (`w·x`), a negated input (weight −1), an input alone (weight 1), or a
/// bias: a constant or a parameter on its own, drawn as a weight on an edge from a "1".
/// A *linear unit* is a neuron without an activation: a named sum whose every term is an
/// unnamed product or negation, or a bias, with a param among the weights
/// (`s_cat = w1 * x1 + w2 * x2`, a linear classifier's score before its softmax or max).
/// Recognised in any graph of that shape (the lesson sugar `neuron` makes it); nodes that
/// are not part of a neuron are drawn as they are.
public struct FlowStructure: Sendable {
    /// What an edge into a neuron starts from.
    public enum Source: Sendable, Equatable {
        case node(NodeID)
        /// The constant input "1" a bias multiplies.
        case bias
    }

    /// The number written on an edge.
    public enum Weight: Sendable, Equatable {
        /// A number of the graph's text (`0.5 - x1`: 1 for x1's… −1), or a literal constant.
        case number(Double)
        /// A leaf (a param, a named constant) whose value is the weight.
        case leaf(NodeID)
    }

    /// One term of a neuron's sum: an edge of the diagram.
    public struct Term: Sendable, Equatable {
        /// The graph node the sum takes as this input (a product, a negation, a leaf…).
        public let node: NodeID
        public let source: Source
        public let weight: Weight

        /// Whether the edge stands for the term's own node (a product, a negation, a bias
        /// leaf), which the diagram does not draw; false for an input the sum takes as it is.
        public var isFolded: Bool { source != .node(node) }
    }

    /// One circle of the diagram.
    public struct Neuron: Sendable, Equatable {
        /// ξ: the sum of the terms.
        public let excitation: NodeID
        /// h = activation(ξ); `nil` for a linear unit, whose output is ξ itself.
        public let activation: NodeID?
        public let terms: [Term]

        /// The node the neuron's box stands for in the rest of the graph: h, or ξ.
        public var output: NodeID { activation ?? excitation }

        /// ξ and h, or ξ alone: the lines of the neuron's box.
        public var lines: [NodeID] { [excitation] + (activation.map { [$0] } ?? []) }
    }

    public let neurons: [Neuron]

    /// The nodes after the neurons: the operations that are no part of a neuron and lead
    /// into none — a loss, and what it takes from outside the network (a target's
    /// negation, a weight's square) — in definition order. The flow view writes them as
    /// the lines of one box, as the slides write the loss beside the network's output.
    public let head: [NodeID]

    /// The activations a neuron may have, as the lesson sugar allows them.
    static let activations: Set<Op> = [.step, .sigmoid, .tanh, .relu, .sign]

    /// The neurons of `graph`, or `nil` when it has none (the flow view then has nothing
    /// to show that the circuit view does not).
    public init?(_ graph: Graph) {
        let consumers = graph.consumers()
        func usedOnlyBy(_ id: NodeID, _ consumer: NodeID) -> Bool { consumers[id.index].allSatisfy { $0 == consumer } }
        // A term is an edge only where the sum takes it once (not `p + p`): its gradient is
        // then the sum's, which the flow view says comes back along the edge.
        func usedOnceBy(_ id: NodeID, _ consumer: NodeID) -> Bool { consumers[id.index] == [consumer] }
        func isWeightLeaf(_ id: NodeID) -> Bool {
            graph.op(of: id) == nil && graph.kind(of: id) != .input
        }
        var neurons: [Neuron] = []
        for id in graph.ids {
            guard let op = graph.op(of: id), Self.activations.contains(op) else { continue }
            let excitation = graph.input(of: id, at: 0)
            guard let sum = graph.op(of: excitation), sum == .sum || sum == .add,
                  usedOnlyBy(excitation, id) else { continue }
            var terms: [Term] = []
            for input in graph.inputs(of: excitation) {
                terms.append(Self.term(input, of: excitation, graph: graph, usedOnceBy: usedOnceBy, isWeightLeaf: isWeightLeaf))
            }
            neurons.append(Neuron(excitation: excitation, activation: id, terms: terms))
        }
        let excitations = Set(neurons.map(\.excitation))
        for id in graph.ids where !excitations.contains(id) && graph.name(of: id) != nil {
            guard let sum = graph.op(of: id), sum == .sum || sum == .add else { continue }
            let terms = graph.inputs(of: id).map {
                Self.term($0, of: id, graph: graph, usedOnceBy: usedOnceBy, isWeightLeaf: isWeightLeaf)
            }
            // Every term an edge, and no product the lesson named (`a0 = w0 * x0` is there
            // to be shown as a node of its own).
            let weighted = terms.allSatisfy { $0.isFolded && ($0.source == .bias || graph.name(of: $0.node) == nil) }
            let learned = terms.contains { if case .leaf(let leaf) = $0.weight { graph.kind(of: leaf) == .param } else { false } }
            if weighted && learned { neurons.append(Neuron(excitation: id, activation: nil, terms: terms)) }
        }
        guard !neurons.isEmpty else { return nil }
        neurons.sort { $0.excitation.index < $1.excitation.index }
        self.neurons = neurons
        head = Self.head(of: graph, after: neurons, consumers: consumers)
    }

    /// The op nodes outside `neurons` from which no path leads into one (graph ids are in
    /// definition order, so every consumer comes after what it uses).
    private static func head(of graph: Graph, after neurons: [Neuron], consumers: [[NodeID]]) -> [NodeID] {
        let absorbed = Self.absorbed(by: neurons)
        var leadsIntoNeuron = [Bool](repeating: false, count: graph.count)
        for id in graph.ids.reversed() {
            leadsIntoNeuron[id.index] = consumers[id.index].contains { absorbed.contains($0) || leadsIntoNeuron[$0.index] }
        }
        return graph.ids.filter { graph.op(of: $0) != nil && !absorbed.contains($0) && !leadsIntoNeuron[$0.index] }
    }

    /// How one input of a sum is drawn.
    private static func term(_ input: NodeID, of sum: NodeID, graph: Graph, usedOnceBy: (NodeID, NodeID) -> Bool,
                             isWeightLeaf: (NodeID) -> Bool) -> Term {
        let own = usedOnceBy(input, sum)
        switch graph.op(of: input) {
        case .mul? where own:
            let a = graph.input(of: input, at: 0), b = graph.input(of: input, at: 1)
            // The weight is the leaf that is not an input; `w * x` and `x * w` alike.
            if isWeightLeaf(a) && !isWeightLeaf(b) { return Term(node: input, source: .node(b), weight: weight(a, graph)) }
            if isWeightLeaf(b) && !isWeightLeaf(a) { return Term(node: input, source: .node(a), weight: weight(b, graph)) }
            if isWeightLeaf(a) && isWeightLeaf(b) {
                // Two leaves: the param is the weight, the other the value it weighs.
                let aIsWeight = graph.kind(of: a) == .param || graph.kind(of: b) != .param
                return aIsWeight ? Term(node: input, source: .node(b), weight: weight(a, graph))
                                 : Term(node: input, source: .node(a), weight: weight(b, graph))
            }
        case .neg? where own:
            return Term(node: input, source: .node(graph.input(of: input, at: 0)), weight: .number(-1))
        case nil where own && isWeightLeaf(input):
            return Term(node: input, source: .bias, weight: weight(input, graph))
        default:
            break
        }
        return Term(node: input, source: .node(input), weight: .number(1))
    }

    /// A literal is written as its number; a param or named constant by its leaf.
    private static func weight(_ leaf: NodeID, _ graph: Graph) -> Weight {
        graph.name(of: leaf) == nil ? .number(graph.value(of: leaf)) : .leaf(leaf)
    }

    /// The neuron whose excitation ξ is `node`, if any.
    public func neuron(withExcitation node: NodeID) -> Neuron? {
        neurons.first { $0.excitation == node }
    }

    /// The graph nodes a neuron's circle and edges stand for, which the flow view does not
    /// draw as nodes of their own: ξ, h, each term's product or negation, the weight leaves.
    public var absorbed: Set<NodeID> { Self.absorbed(by: neurons) }

    private static func absorbed(by neurons: [Neuron]) -> Set<NodeID> {
        var nodes = Set<NodeID>()
        for neuron in neurons {
            nodes.formUnion(neuron.lines)
            for term in neuron.terms {
                if term.isFolded { nodes.insert(term.node) }
                if case .leaf(let leaf) = term.weight { nodes.insert(leaf) }
            }
        }
        return nodes
    }
}
