import Autograd
import Screen

/// The graph pane in the flow-diagram view (`FlowScene`): a box per neuron with its ξ and
/// h lines (mark, name, value, gradient), other nodes one line each, the bias "1", and
/// each weight written on its edge — its value, and in the backward pass once known its
/// gradient. The step being taken lights what the slides would point at: a `w·x` step
/// its edge, the sum its neuron's ξ line, the activation its h line.
struct FlowPane: Widget {
    let state: TutorState
    let flow: FlowScene
    /// The pass at the cursor, worked out once per frame for every node and edge.
    let progress: PassProgress
    /// The weights written on more than one edge (linear regression's w1 on x11 → d1 and
    /// x21 → d2).
    let sharedWeights: Set<NodeID>

    init(state: TutorState, flow: FlowScene) {
        self.state = state
        self.flow = flow
        progress = state.progress
        var edges: [NodeID: Int] = [:]
        for case let term? in flow.terms {
            if case .leaf(let leaf) = term.weight { edges[leaf, default: 0] += 1 }
        }
        sharedWeights = Set(edges.filter { $0.value > 1 }.keys)
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let edges = emphasizedEdges()
        var styles = [Style](repeating: theme(.edge), count: flow.layout.edges.count)
        for e in edges { styles[e] = theme(.activeEdge) }
        let dag = DAGView(layout: flow.layout, nodes: flow.elements.indices.map(box), edgeStyles: styles, edgeStyle: theme(.edge),
                          emphasized: Array(edges), offset: state.offset, glyphs: theme.glyphs, meetings: flow.meetings,
                          arrowheadMeetings: flow.arrowheadMeetings)
        buffer.render(dag, in: area)
        for (e, term) in flow.terms.enumerated() where flow.labelled {
            guard let term else { continue }
            let style = edges.contains(e) ? theme(.gradient).bolded() : theme(.value)
            let (full, short) = label(term)
            // On the line into the arrowhead or not at all: beside it, or with the run half
            // out of view, a weight would read as a neighbour's ("∇0" over a box's top as
            // ξ1's gradient). The Step pane has the number.
            if flow.brief || !writeOnLine(full, edge: e, dag: dag, area: area, style: style, buffer: &buffer) {
                _ = writeOnLine(short, edge: e, dag: dag, area: area, style: style, buffer: &buffer)
            }
        }
    }

    // MARK: Nodes

    func box(_ index: Int) -> NodeBox {
        let theme = state.theme
        switch flow.elements[index] {
        case .bias:
            return NodeBox(lines: [Line(" 1 ", style: theme(.title))], border: nil, arrowhead: false)
        case .node(let id):
            return NodeBox(lines: [line(id, leading: " ")], border: nil, arrowhead: false)
        case .neuron, .head:
            let lines = flow.boxes[index]?.lines ?? []
            // A step about one of its edges (a product, a weight) marks the box it leads
            // into as well: the diagram without weights on its edges has no label to mark.
            let edgeStep = progress.active.map { flow.edgeOf[$0.index] != nil && flow.place[$0.index] == index } ?? false
            let active = edgeStep || lines.contains { progress.mark(of: $0) == .active }
            var border = active ? theme(.active) : theme(.border)
            if let selection = state.selection, flow.layoutNode(of: selection) == index {
                border = border.patched(by: theme(.marker).underlined())
            }
            // A neuron's title is its activation's symbol, or a linear unit's sum; the
            // head's box says what it computes (`FlowScene.headTitle`), and a collapsed one
            // which of its lines it shows.
            var title: String?
            if case .neuron(let neuron) = flow.elements[index] {
                let op = state.stepper.graph.op(of: flow.structure.neurons[neuron].output) ?? .sum
                let isSum = op == .sum || op == .add
                // In ASCII a sum's "+" beside the box's corner "+" would read as a corner.
                let own = !state.notation.unicode && isSum ? "sum" : state.notation.gateSymbol(op)
                var symbol = own
                // A box that also takes the loss's lines says so, where its border has the
                // room: under "σ" alone they would read as the neuron's.
                if lines.count > flow.structure.neurons[neuron].lines.count, let loss = lines.last.flatMap({ FlowScene.headTitle(flow.names[$0.index]) }),
                   let width = flow.boxes[index]?.columns.reduce(0, +),
                   // (Short, a sum's "+" by its word: "+, loss" would read as plus loss.)
                   let title = ["\(symbol), then \(loss)", "\(isSum ? "sum" : symbol), \(loss)"]
                       .first(where: { DisplayWidth.of($0) + 4 <= width }) {
                    symbol = title
                }
                // Where the edges carry labels, an edge step's ▶ is on its edge's label.
                title = edgeStep && !flow.labelled ? edgeStepTitle(box: index, symbols: [symbol, own]) : symbol
            } else if let window = flow.headWindowLines(at: progress, selection: state.selection) {
                // The box named where its border has room at every step, so the title's form
                // holds still while the window moves.
                let width = flow.boxes[index]?.columns.reduce(0, +) ?? 0, box = lines.last.flatMap { FlowScene.headTitle(flow.names[$0.index]) }
                let every = (0...max(0, lines.count - 1 - window.count)).map { $0..<($0 + window.count) }
                let named = every.allSatisfy { DisplayWidth.of(FlowScene.windowTitle($0, of: lines.count, box: box)) + 2 <= width }
                title = state.notation.text(FlowScene.windowTitle(window, of: lines.count, box: named ? box : nil))
            } else if case .head = flow.elements[index], let output = lines.last {
                title = FlowScene.headTitle(flow.names[output.index])
            }
            return NodeBox(lines: rows(of: index), border: border, title: title, titleStyle: active ? theme(.active) : theme(.title))
        }
    }

    /// A box's rows: its lines, in columns side by side where the box is split
    /// (`FlowScene.lineSlot`), each padded to its column's width; a collapsed head box's
    /// line in focus and its output.
    func rows(of index: Int) -> [Line] {
        guard let box = flow.boxes[index] else { return [] }
        var rows = [[Span]](repeating: [], count: max(1, box.rows))
        if let divider = box.divider, rows.indices.contains(divider) {
            // Dotted, so it reads as a rule inside the box rather than a border of its own.
            let width = box.columns.reduce(0, +) + box.columns.count
            rows[divider] = [Span(String(repeating: state.theme.glyphs.isUnicode ? "┄" : "-", count: width),
                                  style: state.theme(.muted))]
        }
        for (id, slot) in flow.lineSlots(of: index, at: progress, selection: state.selection) {
            let text = line(id, leading: "")
            let before = slot.x - rows[slot.row].reduce(0) { $0 + DisplayWidth.of($1.text) }
            if before > 0 { rows[slot.row].append(Span(String(repeating: " ", count: before))) }
            rows[slot.row] += text.spans
        }
        return rows.map { Line($0) }
    }

    /// "▶ ξ1 0.5 ∇0": the node's mark, name, value and gradient ("?" until computed);
    /// in the brief diagram one number, the gradient once the backward pass has it.
    func line(_ id: NodeID, leading: String) -> Line {
        let text = NodeText(id, state: state, progress: progress)
        let gradient = [Span(state.notation.gradientMark, style: state.theme(.muted)), text.grad]
        let numbers = !flow.brief ? [text.value, Span(" ")] + gradient
            : GraphPane.briefShowsGradient(progress, node: id) ? gradient : [text.value]
        return Line([Span("\(leading)\(text.glyph) ", style: text.markStyle), Span(flow.names[id.index], style: text.markStyle),
                     Span(" ")] + numbers)
    }

    /// The title of the box an edge step leads into, where the edges carry no labels: its
    /// symbol (the first of `symbols` that leaves room: "σ, then loss", else "σ"), then the
    /// edge by its arrow, as the Step pane names it (`σ ▶ x1 → ξ1`; in a
    /// narrow box `+ ▶ x1 →`, the edge from x1). "▶ σ" would say the activation is
    /// applied; `▶ x1 →` alone, in place of the symbol, read as the box's name (a
    /// reviewer, perceptron part 6); it comes only where the symbol leaves no room.
    func edgeStepTitle(box index: Int, symbols: [String]) -> String {
        let mark = state.theme.glyphs.active
        // Where no edge can be named, or not even `▶ x1 →` fits: "▶ σ".
        let fallback = "\(mark) \(symbols.last ?? "")"
        // The box's inner width (its columns, a blank after each), less a blank either side.
        let room = (flow.boxes[index].map { $0.columns.reduce(0, +) + $0.columns.count } ?? 0) - 2
        let words = FlowWords(state: state)
        guard let active = progress.active, let ends = words.ends(about: active) else { return fallback }
        let whole = words.arrow(from: ends.source, to: ends.excitation)
        let fromSource = words.arrow(from: ends.source, to: "").trimmingCharacters(in: .whitespaces)
        let edges = [whole, whole.replacingOccurrences(of: " ", with: ""), fromSource].map { "\(mark) \($0)" }
        let titles = symbols.flatMap { symbol in edges.map { "\(symbol) \($0)" } } + edges
        return titles.first { DisplayWidth.of($0) <= room } ?? fallback
    }

    // MARK: Edges

    /// An edge's label and a shorter one (`weightLabel`), marked ▶ when the step is about
    /// the edge (its product or negation, or its weight): the edge is the only thing the
    /// diagram draws for it.
    func label(_ term: FlowStructure.Term) -> (String, String) {
        let (text, short) = weightLabel(term)
        let active = progress.active.map { $0 == term.node || term.weight == .leaf($0) } ?? false
        guard active || steppedTerm == term.node else { return (text, short) }
        let mark = String(state.theme.glyphs.active)
        return ("\(mark) \(text)", "\(mark) \(short)")
    }

    /// A weight's label and a shorter one: a number as it is; a param by name and value
    /// (`w11 0.3`), in the backward pass once its gradient is known by name and gradient
    /// (`w11 ∇−0.02`); the shorter one leaves out the name.
    func weightLabel(_ term: FlowStructure.Term) -> (String, String) {
        let notation = state.notation
        switch term.weight {
        case .number(let value):
            let text = notation.number(value)
            return (text, text)
        case .leaf(let leaf):
            let graph = state.stepper.graph
            let name = flow.names[leaf.index]
            // A weight on several edges: its gradient (their sum so far) on those that have
            // delivered their part, not yet on one whose step back is still to come.
            let position = sharedWeights.contains(leaf) ? graph.inputs(of: term.node).firstIndex(of: leaf) : nil
            let delivered = position.map { state.stepper.hasFlowed(from: term.node, position: $0) } ?? true
            if progress.stepsBackward, progress.gradKnown[leaf.index], delivered {
                let grad = notation.gradientMark + notation.number(graph.grads[leaf.index])
                return ("\(name) \(grad)", grad)
            }
            let value = progress.valueKnown[leaf.index] ? notation.number(graph.values[leaf.index]) : "?"
            return ("\(name) \(value)", value)
        }
    }

    /// Writes `text` on the last straight run of an edge, before its arrowhead, set off by
    /// a blank either side (a minus sign would run into the line): `── 0.5 ─▶`, or where
    /// arrows meet, before the column they meet in (`── 0.5 ─┘`). False when the run is
    /// too short or not in view.
    func writeOnLine(_ text: String, edge: Int, dag: DAGView, area: Rect, style: Style, buffer: inout Buffer) -> Bool {
        let text = " \(text) "
        let route = dag.layout.routes[edge].map { Point(x: $0.x + area.x - dag.offset.x, y: $0.y + area.y - dag.offset.y) }
        guard route.count >= 2, var end = route.last else { return false }
        let before = route[route.count - 2]
        guard before.y == end.y else { return false }
        if dag.meetings[edge] != nil { end.x -= 1 }
        let width = DisplayWidth.of(text)
        let x = end.x - 1 - width
        let horizontal = String(state.theme.glyphs.horizontal)
        guard x - 1 >= min(before.x, end.x), x > area.x, end.x < area.maxX, end.y >= area.y, end.y < area.maxY,
              (x - 1..<end.x).allSatisfy({ buffer[$0, end.y].symbol == horizontal })
        else { return false }
        buffer.write(text, at: Point(x: x, y: end.y), style: style, clip: area)
        return true
    }

    /// The edges the step is about: a term's product or negation, or a weight, lights its
    /// own edge; the sum ξ all the edges into its neuron; any other node its inputs' edges.
    /// Edge by edge (`--edges`), the term whose edge a step from a ξ sends its gradient
    /// back along: the graph node drawn as that edge (`w11·x1`).
    var steppedTerm: NodeID? {
        guard case .backwardEdge(let id, let position)? = state.stepper.lastStep else { return nil }
        let input = state.stepper.graph.input(of: id, at: position)
        return flow.edgeOf[input.index] == nil ? nil : input
    }

    func emphasizedEdges() -> Set<Int> {
        guard let id = state.stepper.lastStep?.node else { return [] }
        if let edge = flow.edgeOf[id.index] { return [edge] }
        if let term = steppedTerm, let edge = flow.edgeOf[term.index] { return [edge] }
        if let neuron = flow.structure.neuron(withExcitation: id), let target = flow.place[neuron.output.index] {
            return Set(flow.layout.edges.indices.filter { flow.layout.edges[$0].to == target && flow.terms[$0] != nil })
        }
        guard let target = flow.place[id.index] else { return [] }
        if case .node = flow.elements[target] {
            return Set(flow.layout.edges.indices.filter { flow.layout.edges[$0].to == target })
        }
        // A head line: the arrows from what it reads outside its box.
        let sources = Set(state.stepper.graph.inputs(of: id).compactMap { flow.place[$0.index] })
        return Set(flow.layout.edges.indices.filter {
            flow.layout.edges[$0].to == target && sources.contains(flow.layout.edges[$0].from) && flow.terms[$0] == nil
        })
    }
}
