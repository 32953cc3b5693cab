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
    /// How much a node shows, from most to least: the scene is laid out at the most a
    /// screen has room for (`TutorState.scene`), never by clipping a box.
    public enum Detail: Int, Sendable, CaseIterable, Comparable {
        /// A box: the name and gate in the title, `val` and `grad` on lines of their own;
        /// an anonymous gate as value above its symbol and gradient below.
        case box
        /// One line: mark, name, value and `∇gradient`.
        case line
        /// One line: mark, name and the number of the phase (the value, then `∇gradient`).
        case brief
        /// As `brief`, but an anonymous gate shows its symbol with its literal operands
        /// (`(×)`, `(1+)`) rather than its name (`(w0·x0)`, `(L's product 2)`): narrower,
        /// and so only where the names do not fit.
        case symbols

        public static func < (a: Detail, b: Detail) -> Bool { a.rawValue < b.rawValue }
    }

    public let detail: Detail
    /// Whether one-line boxes stand without blank rows between them (half the height).
    public let compact: Bool
    /// Whether the channel before each gate is wide enough for the labels its inputs'
    /// edges get in the backward pass (`×1=−4`), which at the one-line details would
    /// otherwise go beside the wires or be cut to `×1`.
    public let labelRoom: Bool
    /// With `labelRoom`, the columns each gate's labels need (layout node → columns), which
    /// a fold's stub wires into it get too, where that fits (`folded`).
    let labelWidths: [Int: Int]
    public private(set) var layout: DAGLayout
    /// For each graph node, its index in the layout (`nil` for literals, which are not drawn).
    public let layoutIndex: [Int?]
    /// For each layout node, the graph node (a fold's stubs repeat their source's).
    public private(set) var nodes: [NodeID]
    /// How many of the last layout nodes are stubs of a fold (`folds()`).
    public private(set) var stubCount = 0
    /// The layout nodes a fold moved into its lower band (`DAGFold.movedBelow`).
    public private(set) var movedBelow: Set<Int> = []
    /// The layers the folds start their lower bands at (`DAGFold.cut`), the first fold's first.
    public private(set) var foldCuts: [Int] = []
    /// Whether a fold's bands meet at their text, with no blank row between them
    /// (`tightFolds`): drawn only whole, where no other drawing fits.
    public private(set) var bandsTouch = false
    /// Whether a wire ends beside a gate it does not feed (`DAGLayout.touchingOtherGates`):
    /// tried after every other drawing, and panned only where it shows more that counts.
    public private(set) var touchesOtherGates = false
    /// For each graph node and input position, the layout edge drawn for it (`nil` from a literal).
    public let edgeIndex: [[Int?]]
    /// What formulas call each node: its name; for an anonymous gate the expression it
    /// computes (`(x+y)`) when short, else its role (`(ξ1's sum)`); a literal's value.
    public let names: [String]
    /// For op nodes the op as drawn in the gate, literal operands included (`+`, `*2`, `exp`).
    public let captions: [String]
    /// What each node's one-line box calls itself at this detail (`GraphPane.lineLabel`).
    public let lineLabels: [String]
    /// How many times each node is used as an input (a value used twice fans out).
    public let uses: [Int]
    /// For each graph node, the columns its value and its gradient take at most (over every
    /// pass of the part, and what training may bring).
    public let numberWidths: [Int], gradWidths: [Int]
    /// For each layout node, the width of a fold's stub repeating it: its box's, but at the
    /// `symbols` detail wide enough for its name, since a stub has no wire to show whose
    /// value it repeats (`↪✓ (v11·h1) 0.731`, not one `↪✓ (×) 0.731` among several).
    let stubWidths: [Int]

    /// Columns between layers: room for an edge label such as `×(−4)=12`; less at the
    /// lower details, where a label that does not fit gives way to its local derivative
    /// alone or to the Step pane, which shows the same numbers.
    static func channelWidth(_ detail: Detail) -> Int {
        switch detail {
        case .box: 14
        case .line: 8
        case .brief, .symbols: 4
        }
    }

    /// The width every number gets in a box while the weights train (their numbers cannot
    /// be known without training): room for `−12.345`, `−0.001` or `−4.97e-5`.
    static let trainingNumberWidth = 8

    /// The widest number each node shows, its value and its gradient: what its box needs.
    struct NumberWidths: Sendable {
        var values: [Int], grads: [Int]
        /// For each node, the widest label a backward step writes on an edge into it
        /// without its upstream factor (`GraphPane.edgeLabel` `short`, `×1=−4`), the room
        /// the one-line drawings give; 0 where none, or where the part is too long to walk.
        var labels: [Int]
        /// The same for the whole label (`−4×1=−4`), the room the boxes give.
        var wholeLabels: [Int]
    }

    /// The scene of `graph` at one level of detail, its boxes as wide as `widths` asks
    /// (`numberWidths(of:notation:)`), fixed so that boxes do not jump while stepping.
    /// `targets` (of `targets(of:)`) sit just left of the gate that reads them, rather than
    /// in the first column with the other inputs, where their wires would run the
    /// drawing's whole width.
    init(graph: Graph, notation: Notation, widths: NumberWidths, detail: Detail = .box,
         compact: Bool = false, targets: Set<NodeID> = [], labelRoom: Bool = false) throws(DAGLayoutError) {
        self.detail = detail
        self.compact = compact
        self.labelRoom = labelRoom
        let count = graph.count
        var names = [String](repeating: "", count: count)
        var captions = [String](repeating: "", count: count)
        var isLiteral = [Bool](repeating: false, count: count)
        var addsConstant = [Bool](repeating: false, count: count)
        var longExpressions: [Int] = []
        var isLong = [Bool](repeating: false, count: count)
        for node in 0..<count {
            let id = NodeID(node)
            let inputs = graph.inputs(of: id)
            if let name = graph.name(of: id) {
                names[node] = notation.text(name)
            } else if let op = graph.op(of: id) {
                // An expression over a too-long one is too long as well: it gets a role
                // name without spelling out its text (which would grow with the chain's
                // length, quadratic in all).
                if inputs.contains(where: { isLong[$0.index] }) {
                    isLong[node] = true
                } else {
                    let text = notation.apply(op, inputs.map { GraphScene.operandText($0, of: op, graph: graph, names: names, notation: notation) })
                        .replacingOccurrences(of: " ", with: "")
                    names[node] = "(\(text))"
                    isLong[node] = text.count > GraphScene.longestExpressionName
                }
                if isLong[node] { longExpressions.append(node) }
            } else {
                names[node] = notation.number(graph.value(of: id))
                isLiteral[node] = graph.kind(of: id) == .const
            }
            if let op = graph.op(of: id) {
                captions[node] = GraphScene.caption(op, inputs.map { isLiteral[$0.index] ? names[$0.index] : nil },
                                                    notation: notation)
                addsConstant[node] = [.sum, .add, .sub].contains(op) && inputs.contains { isLiteral[$0.index] }
            }
        }

        GraphScene.nameByRole(longExpressions, in: graph, names: &names)
        let lineLabels = (0..<count).map { node in
            GraphPane.lineLabel(names[node], caption: captions[node], anonymous: graph.name(of: NodeID(node)) == nil,
                                addsConstant: addsConstant[node], detail: detail)
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

        numberWidths = widths.values
        gradWidths = widths.grads
        var sizes: [Size] = []
        var stubWidths: [Int] = []
        for id in nodes {
            let node = id.index
            let numbers = numberWidths[node], grads = gradWidths[node]
            // A stub's width: the box's, but at the one-number details the box with the
            // node's name where `symbols` shows its symbol.
            var namedWidth: Int?
            let value = "val " + String(repeating: "0", count: numbers)
            let grad = "grad " + String(repeating: "0", count: grads)
            let title = GraphPane.title(names[node], caption: captions[node], anonymous: graph.name(of: id) == nil, mark: "▶")
            let label = lineLabels[node]
            if detail == .line {
                // " ▶ q 3 ∇−4"
                sizes.append(Size(width: 3 + DisplayWidth.of(label) + 1 + numbers + 1 + DisplayWidth.of(notation.gradientMark) + grads,
                                  height: 1))
            } else if detail >= .brief {
                // " ▶ q 3", later " ▶ q ∇−4"
                let number = max(numbers, DisplayWidth.of(notation.gradientMark) + grads)
                sizes.append(Size(width: 3 + DisplayWidth.of(label) + 1 + number, height: 1))
                namedWidth = 3 + DisplayWidth.of(names[node]) + 1 + number
            } else if graph.name(of: id) == nil {
                // A compact gate: value above the symbol, gradient below, as in the slides.
                // A column either side, where the wires run into the symbol (`─(×)─`): the
                // value above and the gradient below stand clear of the wires' corners
                // (`┐ ▶ 0`, not `┐▶ 0`, which reads as a number on that wire).
                // (The gradient with its mark, `∇0`: a bare "0" under the symbol read as its value.)
                let width = max(DisplayWidth.of(title) - 1, DisplayWidth.of(value) - 2,
                                DisplayWidth.of(grad) - 5 + DisplayWidth.of(notation.gradientMark), 3) + 2
                // Odd and with a spare row above and below the three lines, so the output
                // leaves from the symbol's row and the inputs (one port each) meet there too.
                let inputs = graph.inputCount(of: id)
                let height = max(5, inputs + 2)
                sizes.append(Size(width: width, height: height | 1))
            } else {
                let width = max(DisplayWidth.of(title) + 2, DisplayWidth.of(value), DisplayWidth.of(grad), 9)
                sizes.append(Size(width: width + 2, height: 4))
            }
            stubWidths.append(namedWidth ?? sizes[sizes.count - 1].width)
        }
        // Inputs in the first column (inputs left, as in the CS231n figure); parameters and
        // named constants just left of the gate that uses them, as weights and biases are
        // drawn beside their neuron, which keeps a network's drawing compact; so are the
        // `targets`. Tracks near the sources, so the labels of the backward pass fit beside
        // the long run into each gate.
        let inputs = Set(nodes.indices.filter { graph.kind(of: nodes[$0]) == .input && !targets.contains(nodes[$0]) })
        var options = DAGLayout.Options(nodeSpacing: compact ? 0 : 1, minimumChannelWidth: GraphScene.channelWidth(detail),
                                        sourcesInFirstLayer: false, tracksNearSources: true, pinnedSources: inputs)
        options.trailing = Set(nodes.indices.filter { targets.contains(nodes[$0]) })
        // (A commutative gate's inputs arrive in their sources' order: `w·x` with x above w
        // takes x at its top rather than crossing the wires.)
        options.freePorts = Set(nodes.indices.filter { graph.op(of: nodes[$0])?.isCommutative == true })
        options.compactHeight = compact
        if labelRoom {
            // Each label set off by a blank either side, a cell of line before it (`placeAll`).
            let labels = detail == .box ? widths.wholeLabels : widths.labels
            for (index, id) in nodes.enumerated() where labels[id.index] > 0 {
                options.incomingLabelWidths[index] = labels[id.index] + 3
            }
        }
        labelWidths = options.incomingLabelWidths
        layout = try DAGLayout(sizes: sizes, edges: edges, options: options)
        self.layoutIndex = layoutIndex
        self.stubWidths = stubWidths
        self.nodes = nodes
        self.edgeIndex = edgeIndex
        self.names = names
        self.captions = captions
        self.lineLabels = lineLabels
        self.uses = uses
    }

    /// A graph's targets and what is computed from them alone (`y`, `1−y`, `−y`): the
    /// inputs that reach the output only through gates that also read the network's
    /// output, not through a first gate (one that reads a parameter and otherwise only
    /// inputs, such as `w·x`). Empty for a graph without parameters, whose inputs are all
    /// alike. A gate is listed with its input only where it reads nothing else.
    static func targets(of graph: Graph) -> Set<NodeID> {
        // Whether each node is computed from inputs and literals alone (no parameter).
        var fixed = [Bool](repeating: false, count: graph.count)
        var readFirst = [Bool](repeating: false, count: graph.count)
        for id in graph.ids {
            let inputs = graph.inputs(of: id)
            fixed[id.index] = graph.op(of: id) == nil ? graph.kind(of: id) != .param : inputs.allSatisfy { fixed[$0.index] }
            let isFirst = !fixed[id.index] && inputs.allSatisfy { fixed[$0.index] || graph.kind(of: $0) == .param }
            if isFirst { for input in inputs { readFirst[input.index] = true } }
        }
        // Read first through a fixed gate (x feeding x², which a first gate reads): right to left.
        for id in graph.ids.reversed() where readFirst[id.index] && fixed[id.index] {
            for input in graph.inputs(of: id) { readFirst[input.index] = true }
        }
        guard readFirst.contains(true) else { return [] }
        var targets = Set<NodeID>()
        for id in graph.ids where fixed[id.index] && !readFirst[id.index] {
            let inputs = graph.inputs(of: id).filter { graph.kind(of: $0) != .const }
            let isTarget = graph.op(of: id) == nil ? graph.kind(of: id) == .input : !inputs.isEmpty && inputs.allSatisfy(targets.contains)
            if isTarget { targets.insert(id) }
        }
        return targets
    }

    /// The drawings tried, from the most to the least a student would want: boxes, one line
    /// a node, then one line a node without the blank rows between (`compact`), and only
    /// then unnamed gates by their symbol (`symbols`): the blank rows go before the names.
    /// Each with the targets beside the gates that read them, then (where the graph has
    /// targets) in the first column, which may fit where the other does not.
    static let detailOrder: [(Detail, compact: Bool)] = [
        (.box, false), (.line, false), (.brief, false), (.line, true), (.brief, true), (.symbols, false), (.symbols, true),
    ]

    /// Which group of `detailOrder` a detail is tried in, with and then without room for
    /// labels on the wires: the boxes (which have it), the named one-line details, the
    /// same without blank rows, the symbols, the same without blank rows.
    static func tier(of detail: Detail, compact: Bool) -> Int {
        switch detail {
        case .box: 0
        case .line, .brief: compact ? 2 : 1
        case .symbols: compact ? 4 : 3
        }
    }

    /// Graphs with more nodes than this are drawn in boxes only: at that size no detail
    /// fits a screen, and each extra layout would cost as much as the first.
    static let largestScaledGraph = 2_000

    /// The scenes of a stepper's graph from the most detailed down (the box alone for a
    /// large graph), sized for the numbers of its data and training: each of `detailOrder`,
    /// then the one-line ones folded into two bands, which a long chain needs.
    static func scenes(_ stepper: Stepper, notation: Notation) throws(DAGLayoutError) -> [GraphScene] {
        let graph = stepper.graph
        let widths = numberWidths(of: stepper, notation: notation)
        var scenes: [GraphScene] = []
        let targets = GraphScene.targets(of: graph)
        // With the targets beside their gates, then (where there are any) in the first column.
        let placements = targets.isEmpty ? [targets] : [targets, []]
        // Each detail first with room on the wires for the backward pass's labels: a label
        // beside a wire reads as a neighbour's, a node's second number is the Step pane's
        // too. So the boxes are tried with room for the whole labels (`−1×7.693=−7.693`,
        // more than their channels hold), then without; the named details with blank rows
        // (one number a node or two) with room for the labels short of their upstream
        // factor, then without; then likewise those without blank rows, and the symbols.
        let labelled = widths.labels.contains { $0 > 0 }
        let order = graph.count <= largestScaledGraph ? detailOrder : [(.box, false)]
        let tiers = Dictionary(grouping: order) { tier(of: $0.0, compact: $0.compact) }
        for tier in tiers.keys.sorted() {
            for room in labelled ? [true, false] : [false] {
                for (detail, compact) in tiers[tier] ?? [] {
                    for beside in placements {
                        scenes.append(try GraphScene(graph: graph, notation: notation, widths: widths, detail: detail, compact: compact,
                                                     targets: beside, labelRoom: room))
                    }
                }
            }
        }
        // Each drawing with its wires' turns kept apart, then, where that costs width,
        // without: the narrower one is tried before the next, less detailed drawing.
        // Folds last: a node drawn twice is a price paid only where nothing else fits. Each
        // drawing is folded at its best-balanced cut, then at the next best ones: a less
        // even cut can give a shorter lower band (fewer stubs), which fits where the even
        // one is too tall. A drawing with room for labels is folded with room for them on
        // its stubs' wires too where that fits, else as the others. Then, where none fits,
        // the folds with their stubs a column closer (`squeezed`). Last, the drawings (and
        // their folds) where a wire ends beside a gate it does not feed (`touchingOtherGates`).
        func inOrder(_ drawings: [GraphScene]) -> [GraphScene] {
            let folds = drawings.map { $0.folds() }
            let labelledFolds = drawings.map { $0.labelWidths.isEmpty ? [] : $0.folded(oneLine: false, labelRuns: true) }
            let squeezed = drawings.flatMap { $0.folded(oneLine: false, squeezed: true) }
            // Three bands (`foldedInThree`) of the drawings with a value and a gradient on
            // each node after their folds in two, before the folds in two of the first drawing
            // with one number a node and no room for labels (sigmoid-neuron 1 at 100×30),
            // where the text panes keep their rows (`SceneChoice.best` `wantingRows`); the
            // others' after every other fold (sigmoid-neuron 1 in ASCII at 80×24, else panned).
            let threes = drawings.indices.map { drawings[$0].foldedInThree(narrowerThan: folds[$0].first?.size.width) }
            let twoNumbers = drawings.indices.filter { drawings[$0].detail == .line }
            let oneNumber = drawings.indices.first { drawings[$0].detail == .brief && !drawings[$0].labelRoom }
            let inTwo = drawings.indices.flatMap { index in
                (index == oneNumber ? twoNumbers.flatMap { threes[$0] } : []) + labelledFolds[index] + folds[index]
            }
            let inThree = drawings.indices.filter { oneNumber == nil || drawings[$0].detail != .line }.flatMap { threes[$0] }
            return drawings + inTwo + squeezed + zip(drawings, folds).flatMap { $0.tightFolds(shorterThan: $1) } + inThree
        }
        let drawings = inOrder(scenes.flatMap { scene in [scene] + [scene.withoutTurnGaps()].compactMap { $0 } })
            + inOrder(scenes.compactMap { $0.touchingOtherGates() })
        return drawings.map { $0.trimmed(graph) }
    }

    /// This scene without the rows at its top and bottom where nothing is drawn
    /// (`DAGView.trimmedLayout`): where a wire turns into its gate early, the row its route
    /// went on to. Not for a drawing larger than `DAGLayout.largestScreen`, which is
    /// panned anyway (and whose wires would cost a second pass).
    func trimmed(_ graph: Graph) -> GraphScene {
        let largest = DAGLayout.largestScreen
        guard layout.size.width <= largest.width, layout.size.height <= largest.height else { return self }
        let boxes = nodes.map { GraphScene.blankBox(detail: detail, anonymous: graph.name(of: $0) == nil) }
        var copy = self
        copy.layout = DAGView(layout: layout, nodes: boxes).trimmedLayout()
        return copy
    }

    /// A node's box as the graph pane draws it at `detail`, without its text (one blank
    /// line each): what decides where its wires run (`DAGView.drawnRoute`). At the one-line
    /// details a line of text, wires running into its blank first cell; in boxes, an
    /// anonymous gate as value, symbol and gradient on three lines, likewise; a named node
    /// in a bordered box, with `val` and `grad`.
    static func blankBox(detail: Detail, anonymous: Bool) -> NodeBox {
        if detail != .box { return NodeBox(lines: [Line("")], border: nil, arrowhead: false) }
        if anonymous { return NodeBox(lines: Array(repeating: Line(""), count: 3), border: nil, arrowhead: false) }
        return NodeBox(lines: Array(repeating: Line(""), count: 2))
    }

    /// This scene without the blank columns that keep two wires' turns apart
    /// (`DAGLayout.withoutTurnGaps`), where they widen it.
    func withoutTurnGaps() -> GraphScene? {
        guard let narrower = layout.withoutTurnGaps() else { return nil }
        var copy = self
        copy.layout = narrower
        return copy
    }

    /// Narrower still, a wire ending beside a gate it does not feed
    /// (`DAGLayout.touchingOtherGates`), where that costs width.
    func touchingOtherGates() -> GraphScene? {
        guard let narrower = layout.touchingOtherGates() else { return nil }
        var copy = self
        copy.layout = narrower
        copy.touchesOtherGates = true
        return copy
    }

    /// The most cuts a drawing is folded at (`folds`).
    static let foldsPerDrawing = 3

    /// This scene folded into two bands (`DAGFold`) at each of its best cuts, their stubs
    /// repeating the nodes whose edges cross the fold; none for boxes (too tall for two
    /// bands) or where no fold narrows the drawing.
    func folds() -> [GraphScene] {
        folded(oneLine: false)
    }

    /// The same folds with the bands meeting at their text (`DAGFold.folds` `oneLine`),
    /// where that is shorter: no blank row then sets the lower band apart, so it is
    /// taken only where nothing else fits whole (xor 2 at 100×30), never panned, where
    /// the stubs out of view would leave the lower band hanging from the upper one.
    /// `spaced` is this scene's `folds()`, at the same cuts.
    func tightFolds(shorterThan spaced: [GraphScene]) -> [GraphScene] {
        folded(oneLine: true).enumerated().filter { index, tight in
            spaced.indices.contains(index) && tight.size.height < spaced[index].size.height
        }.map { $0.element }
    }

    /// The folds of this scene at its best cuts (`DAGFold.folds`). `squeezed`: the stubs a
    /// column closer to their gates than a channel between layers (their wires run
    /// straight, with no tracks), a wire of one `─` into a gate's `┐`: only where nothing
    /// else fits (bce-neuron 1 at 80×24), as it leaves no room for a label on it.
    /// `labelRuns`: the stubs' wires as long as the labels into their gates need.
    private func folded(oneLine: Bool, squeezed: Bool = false, labelRuns: Bool = false) -> [GraphScene] {
        guard detail != .box, stubCount == 0 else { return [] }
        let channel = GraphScene.channelWidth(detail) - (squeezed ? 1 : 0)
        let folds = DAGFold.folds(of: layout, channel: channel, stubWidths: stubWidths,
                                  runWidths: labelRuns ? labelWidths.mapValues { $0 + 2 } : [:], oneLine: oneLine,
                                  limit: GraphScene.foldsPerDrawing)
        return folds.map { adding($0, oneLine: oneLine) }
    }

    /// This scene folded into three bands, the narrowest way (then the shortest): a first
    /// cut, then its lower band cut again (`DAGFold` `after`), each crossed by one wire, as
    /// a long chain wraps like a line of text. For a chain with a value and a gradient on
    /// each node (sigmoid-neuron part 1 at 100×30), where two bands of one number each
    /// would otherwise be drawn; a network, whose cuts many wires cross, would repeat a
    /// node a wire (softmax part 1's Z). None where that is no narrower than `twoBands`,
    /// the width of this scene's best fold in two (`folds()`), or where there is none.
    func foldedInThree(narrowerThan twoBands: Int?) -> [GraphScene] {
        guard detail != .box, stubCount == 0 else { return [] }
        // The cuts one wire crosses, counted first (an edge crosses the cuts after its
        // source's layer up to its target's): a network has none or one, and is done with
        // at once, not folded at every cut (a 300-term sum).
        let layerCount = (layout.layer.max() ?? 0) + 1
        var change = [Int](repeating: 0, count: layerCount + 1)
        for edge in layout.edges {
            change[layout.layer[edge.from] + 1] += 1
            change[layout.layer[edge.to] + 1] -= 1
        }
        var crossing = 0, single: Set<Int> = []
        for cut in 0..<layerCount {
            crossing += change[cut]
            if cut > 0 && crossing == 1 { single.insert(cut) }
        }
        guard single.count >= 2, let twoBands else { return [] }
        // (One wire across each cut: each fold has one stub, or moves one source below.)
        let channel = GraphScene.channelWidth(detail)
        var best: (first: DAGFold, second: DAGFold)?
        for cut in DAGFold.cuts(layout, channel: channel, stubWidths: stubWidths) where single.contains(cut) {
            guard let first = DAGFold(layout, channel: channel, stubWidths: stubWidths, cut: cut),
                  let next = DAGFold.cuts(first.layout, channel: channel, stubWidths: stubWidths, after: cut).first(where: single.contains),
                  let second = DAGFold(first.layout, channel: channel, stubWidths: stubWidths, cut: next, after: cut),
                  second.layout.size.width < twoBands else { continue }
            if let known = best, (known.second.layout.size.width, known.second.layout.size.height)
                <= (second.layout.size.width, second.layout.size.height) { continue }
            best = (first, second)
        }
        guard let best else { return [] }
        return [adding(best.first, oneLine: false).adding(best.second, oneLine: false)]
    }

    /// This scene with `fold` made: its stubs' nodes (a stub of a stub repeats the same
    /// graph node) after the others.
    private func adding(_ fold: DAGFold, oneLine: Bool) -> GraphScene {
        var copy = self
        copy.layout = fold.layout
        copy.nodes = nodes + fold.stubs.map { nodes[$0] }
        copy.stubCount = stubCount + fold.stubs.count
        copy.movedBelow = movedBelow.union(fold.movedBelow)
        copy.foldCuts = foldCuts + [fold.cut]
        copy.bandsTouch = oneLine
        return copy
    }

    /// The graph nodes drawn, each once (without a fold's stubs), in layout order.
    public var graphNodes: ArraySlice<NodeID> { nodes.dropLast(stubCount) }

    /// Whether layout node `index` is a fold's stub.
    public func isStub(_ index: Int) -> Bool { index >= nodes.count - stubCount }

    /// The widths of the numbers a part's boxes show, measured once for every detail: those
    /// every step writes (`shownWidths`), or for a part too long to walk, the numbers of a
    /// finished pass at the graph's values and at every row's, with `trainingNumberWidth`
    /// for every number if it trains (its weights' numbers cannot be known without training).
    static func numberWidths(of stepper: Stepper, notation: Notation) -> NumberWidths {
        if let shown = shownWidths(stepper, notation: notation) { return shown }
        let count = stepper.graph.count
        var widths = NumberWidths(values: [Int](repeating: 1, count: count), grads: [Int](repeating: 1, count: count),
                                  labels: [Int](repeating: 0, count: count), wholeLabels: [Int](repeating: 0, count: count))
        forEachFinishedPass(stepper.graph, dataset: stepper.plan.dataset) { finished in
            for node in 0..<count {
                widths.values[node] = max(widths.values[node], DisplayWidth.of(notation.number(finished.values[node])))
                widths.grads[node] = max(widths.grads[node], DisplayWidth.of(notation.number(finished.grads[node])))
            }
        }
        let reserved = stepper.plan.training != nil ? trainingNumberWidth : 1
        return NumberWidths(values: widths.values.map { max($0, reserved) }, grads: widths.grads.map { max($0, reserved) },
                            labels: widths.labels, wholeLabels: widths.wholeLabels)
    }

    /// The most steps `shownWidths` walks; a longer part is sized
    /// by its passes' final numbers (`numberWidths(of:notation:)`).
    static let longestMeasuredPart = 20_000

    /// The widths of the numbers every step of a part writes, partial sums at a fan-out and
    /// the numbers of every epoch included, walked on a copy of the stepper (every step is
    /// deterministic, so these are the numbers the student will see); `nil` beyond
    /// `longestMeasuredPart`.
    static func shownWidths(_ stepper: Stepper, notation: Notation) -> NumberWidths? {
        guard stepper.count <= longestMeasuredPart else { return nil }
        var walk = stepper
        walk.toStart()
        let count = walk.graph.count
        var widths = NumberWidths(values: [Int](repeating: 1, count: count), grads: [Int](repeating: 1, count: count),
                                  labels: [Int](repeating: 0, count: count), wholeLabels: [Int](repeating: 0, count: count))
        func measure(values: [NodeID], grads: [NodeID]) {
            for id in values {
                widths.values[id.index] = max(widths.values[id.index], DisplayWidth.of(notation.number(walk.graph.values[id.index])))
            }
            for id in grads {
                widths.grads[id.index] = max(widths.grads[id.index], DisplayWidth.of(notation.number(walk.graph.grads[id.index])))
            }
        }
        // At the start only the leaves show numbers; every other value is "?" until computed.
        measure(values: walk.graph.ids.filter { walk.graph.op(of: $0) == nil }, grads: [])
        while walk.step() != nil {
            let writes = walk.lastStepWrites
            measure(values: writes.values, grads: writes.grads)
            if case .backward(let record)? = walk.lastRecord {
                for flow in record.flows {
                    let label = GraphPane.edgeLabel(upstream: flow.upstream, local: flow.local, product: flow.product, notation: notation)
                    widths.labels[flow.from.index] = max(widths.labels[flow.from.index], DisplayWidth.of(label.short))
                    widths.wholeLabels[flow.from.index] = max(widths.wholeLabels[flow.from.index], DisplayWidth.of(label.text))
                }
            }
        }
        return widths
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

    /// An input's name inside an anonymous gate's name. An anonymous operand keeps its
    /// parentheses only where they group: not as a call's argument (`log(1−ŷ)`, not
    /// `log((1−ŷ))`), nor around a call (`y·log(ŷ)`, not `y·(log(ŷ))`), nor around a
    /// square (`e1²+e2²`).
    static func operandText(_ input: NodeID, of op: Op, graph: Graph, names: [String], notation: Notation) -> String {
        let text = names[input.index]
        guard graph.name(of: input) == nil, graph.op(of: input) != nil, text.hasPrefix("("), text.hasSuffix(")") else { return text }
        let inner = String(text.dropFirst().dropLast())
        let isCall = op.arity == .unary && op != .neg || op.arity == .variadic && op != .sum
        // A square binds tightest, `e1²+e2²`, `c·x²`; only another power keeps its parentheses.
        let isTight = op != .pow && notation.isPower(inner)
        return isCall || isTight || isSingleCall(inner) ? inner : text
    }

    /// Whether `text` is one call, `log(…)`: a name, then parentheses that close at the end.
    static func isSingleCall(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "("), open > text.startIndex, text.hasSuffix(")"),
              text[..<open].allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
        var depth = 0
        for index in text[open...].indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" { depth -= 1 }
            if depth == 0 { return text.index(after: index) == text.endIndex }
        }
        return false
    }

    /// The op as a gate shows it: its symbol with literal operands written in (`*2`, `1-`).
    /// A sum shows its literal terms after their signs (`+0.5`, `−1.5`), as a bias is written.
    static func caption(_ op: Op, _ literals: [String?], notation: Notation) -> String {
        let symbol = notation.gateSymbol(op)
        if op == .sum {
            let terms = literals.compactMap { $0 }
            return terms.isEmpty ? symbol : terms.map { $0.hasPrefix(notation.minus) ? $0 : "+\($0)" }.joined()
        }
        guard op.arity == .binary, literals.count == 2 else { return symbol }
        // A square or cube of a variable as the formulas write it: `(²)`, not `(^2)`.
        if op == .pow, literals[0] == nil, let exponent = literals[1], let power = notation.power("", exponent) { return power }
        return (literals[0] ?? "") + symbol + (literals[1] ?? "")
    }

    /// The drawn node of a graph node, if it is drawn.
    public func layoutNode(of id: NodeID) -> Int? {
        layoutIndex.indices.contains(id.index) ? layoutIndex[id.index] : nil
    }

    /// The size of the whole drawing.
    public var size: Size { layout.size }
}
