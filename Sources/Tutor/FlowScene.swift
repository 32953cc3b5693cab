import Autograd
import Screen

/// The flow-diagram view of a graph, as the UIUC slides draw it: one box per neuron
/// holding its excitation ξ and activation h, the inputs and a bias "1" on the left, each
/// weight written on its edge, sums as arrows coming together. Nodes outside the neurons
/// (a loss, a target) are drawn one line each, as in the circuit view. Laid out once when
/// a part opens, like `GraphScene`.
public struct FlowScene: Sendable {
    /// What a drawn node of the diagram stands for.
    public enum Element: Sendable, Equatable {
        case node(NodeID)
        /// A neuron: index into `structure.neurons`.
        case neuron(Int)
        /// The constant input 1 of the biases.
        case bias
    }

    public let structure: FlowStructure
    public let layout: DAGLayout
    /// For each layout node, what it stands for.
    public let elements: [Element]
    /// For each layout edge, the neuron term it draws (`nil` for a plain graph edge).
    public let terms: [FlowStructure.Term?]
    /// For each graph node, the layout node that shows it or, for a product, negation or
    /// weight folded into an edge, the neuron that edge leads into.
    public let place: [Int?]
    /// For each graph node folded into an edge (a term's product or negation, a weight),
    /// the layout edge it is drawn as.
    public let edgeOf: [Int?]
    /// The one-line nodes' names, as in the circuit view.
    public let names: [String]
    /// The narrower drawing: each line shows one number (the value, and in the backward
    /// pass the gradient, as the circuit view's `.brief` nodes do) and a weight's label
    /// only its number, as the slides write it on the edge.
    public let brief: Bool

    /// The flow diagram of `graph`, or `nil` when it has no neurons. `scene` gives the
    /// names and the number widths (its boxes are sized for every pass the part makes).
    /// `nil` too for a graph larger than `GraphScene.largestScaledGraph`: its diagram could
    /// not be read on any screen, and laying it out would cost as much as the circuit's.
    public init?(graph: Graph, scene: GraphScene, notation: Notation, brief: Bool = false) throws(DAGLayoutError) {
        guard graph.count <= GraphScene.largestScaledGraph, let structure = FlowStructure(graph) else { return nil }
        self.brief = brief
        func numberWidth(_ id: NodeID) -> Int { scene.numberWidths[id.index] }
        func gradWidth(_ id: NodeID) -> Int { scene.gradWidths[id.index] }
        self.structure = structure
        names = scene.names
        let absorbed = structure.absorbed
        var elements: [Element] = []
        var place = [Int?](repeating: nil, count: graph.count)
        // The nodes drawn as themselves, in definition order, with the neurons where their
        // activation is defined.
        let neuronOf = Dictionary(structure.neurons.enumerated().map { ($1.output, $0) }, uniquingKeysWith: { a, _ in a })
        for id in graph.ids {
            if let neuron = neuronOf[id] {
                place[id.index] = elements.count
                elements.append(.neuron(neuron))
            } else if !absorbed.contains(id), scene.layoutNode(of: id) != nil {
                place[id.index] = elements.count
                elements.append(.node(id))
            }
        }
        let hasBias = structure.neurons.contains { $0.terms.contains { $0.source == .bias } }
        let biasIndex = hasBias ? elements.count : nil
        if hasBias { elements.append(.bias) }

        var edges: [DAGEdge] = []
        var terms: [FlowStructure.Term?] = []
        var edgeOf = [Int?](repeating: nil, count: graph.count)
        for neuron in structure.neurons {
            guard let target = place[neuron.output.index] else { continue }
            place[neuron.excitation.index] = target
            // Inputs first, the bias last, as the slides draw them.
            let ordered = neuron.terms.filter { $0.source != .bias } + neuron.terms.filter { $0.source == .bias }
            for term in ordered {
                let from: Int?
                switch term.source {
                case .bias: from = biasIndex
                case .node(let id): from = place[id.index]
                }
                guard let from else { continue }
                if term.source != .node(term.node) {
                    place[term.node.index] = target
                    edgeOf[term.node.index] = edges.count
                }
                if case .leaf(let leaf) = term.weight, edgeOf[leaf.index] == nil {
                    place[leaf.index] = target
                    edgeOf[leaf.index] = edges.count
                }
                edges.append(DAGEdge(from: from, to: target))
                terms.append(term)
            }
        }
        for (to, element) in elements.enumerated() {
            guard case .node(let id) = element else { continue }
            for input in graph.inputs(of: id) {
                guard let from = place[input.index], edgeOf[input.index] == nil else { continue }
                edges.append(DAGEdge(from: from, to: to))
                terms.append(nil)
            }
        }

        // Sizes: a neuron's box holds "▶ ξ1 −0.5 ∇0" over "▶ h1 1 ∇0" (brief: "▶ ξ1 −0.5"
        // or "▶ ξ1 ∇0"), a linear unit's the first line alone; any other node one line, as
        // in the circuit view; the bias a "1".
        let mark = DisplayWidth.of(notation.gradientMark)
        func numbers(_ id: NodeID) -> Int {
            brief ? max(numberWidth(id), mark + gradWidth(id)) : numberWidth(id) + 1 + mark + gradWidth(id)
        }
        var sizes: [Size] = []
        for element in elements {
            switch element {
            case .neuron(let index):
                let n = structure.neurons[index]
                let width = n.lines.map { 2 + DisplayWidth.of(scene.names[$0.index]) + 1 + numbers($0) }.max() ?? 9
                sizes.append(Size(width: width + 2, height: 2 + n.lines.count))
            case .node(let id):
                sizes.append(Size(width: 3 + DisplayWidth.of(scene.names[id.index]) + 1 + numbers(id), height: 1))
            case .bias:
                sizes.append(Size(width: 2, height: 1))
            }
        }
        // Each neuron's channel is as wide as its weights' labels need; others are narrow.
        var labelWidths: [Int: Int] = [:]
        for (e, term) in terms.enumerated() {
            guard let term else { continue }
            let width = FlowScene.widestLabel(term, names: scene.names, notation: notation, brief: brief,
                                              numberWidth: numberWidth, gradWidth: gradWidth)
            // A blank either side, and room for the active mark ("▶ ").
            labelWidths[edges[e].to] = max(labelWidths[edges[e].to] ?? 0, width + 4)
        }
        let pinned = Set(elements.indices.filter {
            switch elements[$0] {
            case .bias: true
            case .node(let id): graph.kind(of: id) == .input
            case .neuron: false
            }
        })
        var options = DAGLayout.Options(nodeSpacing: 0, minimumChannelWidth: GraphScene.channelWidth(.brief),
                                        sourcesInFirstLayer: false, tracksNearSources: true, pinnedSources: pinned)
        options.incomingLabelWidths = labelWidths
        layout = try DAGLayout(sizes: sizes, edges: edges, options: options)
        self.elements = elements
        self.terms = terms
        self.place = place
        self.edgeOf = edgeOf
    }

    /// The widest a term's label gets: a number, or a weight's name with its value or its
    /// gradient (`w11 −0.25`, `w11 ∇0.031`; brief, without the name).
    static func widestLabel(_ term: FlowStructure.Term, names: [String], notation: Notation, brief: Bool = false,
                            numberWidth: (NodeID) -> Int, gradWidth: (NodeID) -> Int) -> Int {
        switch term.weight {
        case .number(let value): DisplayWidth.of(notation.number(value))
        case .leaf(let leaf):
            (brief ? 0 : DisplayWidth.of(names[leaf.index]) + 1)
                + max(numberWidth(leaf), DisplayWidth.of(notation.gradientMark) + gradWidth(leaf))
        }
    }

    /// The size of the whole drawing.
    public var size: Size { layout.size }

    /// The layout node that shows graph node `id` (for a folded node, its neuron).
    public func layoutNode(of id: NodeID) -> Int? { place.indices.contains(id.index) ? place[id.index] : nil }
}
