import Autograd
import Screen

/// The graph as the graph pane draws it: which nodes are drawn, what each is called, how
/// wide its box is, and the DAG layout. Built once when a graph (or lesson part) is
/// opened and kept in the state: its shape never changes while stepping, so no frame
/// lays the graph out again.
///
/// Literal constants (the `2` in `2 * x`) are not drawn as boxes: they appear inside the
/// gate that uses them (`*2`), as in the slides' flow diagrams.
public struct GraphScene: Sendable {
    public let layout: DAGLayout
    /// For each graph node, its index in the layout (`nil` for literals, which are not drawn).
    public let layoutIndex: [Int?]
    /// For each layout node, the graph node.
    public let nodes: [NodeID]
    /// For each graph node and input position, the layout edge drawn for it (`nil` from a literal).
    public let edgeIndex: [[Int?]]
    /// What formulas call each node: its name, or for an anonymous gate the expression it
    /// computes (`(x+y)`), or a literal's value.
    public let names: [String]
    /// For op nodes the op as drawn in the gate, literal operands included (`+`, `*2`, `exp`).
    public let captions: [String]
    /// How many times each node is used as an input (a value used twice fans out).
    public let uses: [Int]

    /// Columns between layers: room for an edge label such as `×(−4)=12`.
    static let channelWidth = 14

    /// The width every number gets in a box while the weights train (their numbers cannot
    /// be known without training): room for `−12.345`, `−0.001` or `−4.97e-5`.
    static let trainingNumberWidth = 8

    /// The scene of `graph`. Boxes are as wide as the numbers of a finished pass need: the
    /// graph's own pass, and with `dataset` every row's, so no number is ever cut; with
    /// `trains`, room for any number of up to `trainingNumberWidth` characters as well.
    public init(graph: Graph, notation: Notation, dataset: Dataset? = nil, trains: Bool = false) throws(DAGLayoutError) {
        let count = graph.count
        var names = [String](repeating: "", count: count)
        var captions = [String](repeating: "", count: count)
        var isLiteral = [Bool](repeating: false, count: count)
        for node in 0..<count {
            let id = NodeID(node)
            let inputs = graph.inputs(of: id)
            if let name = graph.name(of: id) {
                names[node] = notation.text(name)
            } else if let op = graph.op(of: id) {
                let text = notation.apply(op, inputs.map { names[$0.index] })
                    .replacingOccurrences(of: " ", with: "")
                names[node] = text.count <= 14 ? "(\(text))" : "(\(notation.symbol(op)) #\(node))"
            } else {
                names[node] = notation.number(graph.value(of: id))
                isLiteral[node] = graph.kind(of: id) == .const
            }
            if let op = graph.op(of: id) {
                captions[node] = GraphScene.caption(op, inputs.map { isLiteral[$0.index] ? names[$0.index] : nil },
                                                    notation: notation)
            }
        }

        var layoutIndex = [Int?](repeating: nil, count: count)
        var nodes: [NodeID] = []
        for node in 0..<count where !isLiteral[node] {
            layoutIndex[node] = nodes.count
            nodes.append(NodeID(node))
        }
        var edges: [DAGEdge] = []
        var edgeIndex: [[Int?]] = []
        var uses = [Int](repeating: 0, count: count)
        for node in 0..<count {
            var row: [Int?] = []
            for input in graph.inputs(of: NodeID(node)) {
                uses[input.index] += 1
                if let from = layoutIndex[input.index], let to = layoutIndex[node] {
                    row.append(edges.count)
                    edges.append(DAGEdge(from: from, to: to))
                } else {
                    row.append(nil)
                }
            }
            edgeIndex.append(row)
        }

        // Box widths from the numbers the passes will show (finished forward and backward
        // passes on copies), fixed here so boxes do not jump while stepping.
        var numberWidth = [Int](repeating: 1, count: count), gradWidth = [Int](repeating: 1, count: count)
        GraphScene.forEachFinishedPass(graph, dataset: dataset) { finished in
            for node in 0..<count {
                numberWidth[node] = max(numberWidth[node], DisplayWidth.of(notation.number(finished.values[node])))
                gradWidth[node] = max(gradWidth[node], DisplayWidth.of(notation.number(finished.grads[node])))
            }
        }
        let reserved = trains ? GraphScene.trainingNumberWidth : 1
        var sizes: [Size] = []
        for id in nodes {
            let node = id.index
            let value = "val " + String(repeating: "0", count: max(numberWidth[node], reserved))
            let grad = "grad " + String(repeating: "0", count: max(gradWidth[node], reserved))
            let title = GraphPane.title(names[node], caption: captions[node], anonymous: graph.name(of: id) == nil, mark: "▶")
            if graph.name(of: id) == nil {
                // A compact gate: value above the symbol, gradient below, as in the slides.
                let width = max(DisplayWidth.of(title) - 1, DisplayWidth.of(value) - 2, DisplayWidth.of(grad) - 5, 3)
                // Odd and with a spare row above and below the three lines, so the output
                // leaves from the symbol's row and the inputs (one port each) meet there too.
                let inputs = graph.inputCount(of: id)
                let height = max(5, inputs + 2)
                sizes.append(Size(width: width, height: height | 1))
            } else {
                let width = max(DisplayWidth.of(title) + 2, DisplayWidth.of(value), DisplayWidth.of(grad), 9)
                sizes.append(Size(width: width + 2, height: 4))
            }
        }
        // Inputs in the first column (inputs left, as in the CS231n figure); parameters and
        // named constants just left of the gate that uses them, as weights and biases are
        // drawn beside their neuron, which keeps a network's drawing compact. Tracks near
        // the sources, so the labels of the backward pass fit beside the long run into
        // each gate.
        let inputs = Set(nodes.indices.filter { graph.kind(of: nodes[$0]) == .input })
        let options = DAGLayout.Options(minimumChannelWidth: GraphScene.channelWidth, sourcesInFirstLayer: false,
                                        tracksNearSources: true, pinnedSources: inputs)
        layout = try DAGLayout(sizes: sizes, edges: edges, options: options)
        self.layoutIndex = layoutIndex
        self.nodes = nodes
        self.edgeIndex = edgeIndex
        self.names = names
        self.captions = captions
        self.uses = uses
    }

    /// Hands `body` the graph after a forward and backward pass at its own values and, with
    /// data, at every row's, one at a time (10,000 rows are never held at once).
    static func forEachFinishedPass(_ graph: Graph, dataset: Dataset?, _ body: (Graph) -> Void) {
        var pass = graph
        pass.run()
        body(pass)
        guard let dataset else { return }
        let columns = dataset.columns
        for row in dataset.rows {
            for (column, id) in columns.enumerated() { pass.setValue(row[column], of: id) }
            pass.run()
            body(pass)
        }
    }

    /// The op as a gate shows it: its symbol with literal operands written in (`*2`, `1-`).
    static func caption(_ op: Op, _ literals: [String?], notation: Notation) -> String {
        let symbol = notation.gateSymbol(op)
        guard op.arity == .binary, literals.count == 2 else { return symbol }
        return (literals[0] ?? "") + symbol + (literals[1] ?? "")
    }

    /// The drawn node of a graph node, if it is drawn.
    public func layoutNode(of id: NodeID) -> Int? {
        layoutIndex.indices.contains(id.index) ? layoutIndex[id.index] : nil
    }

    /// The size of the whole drawing.
    public var size: Size { layout.size }
}
