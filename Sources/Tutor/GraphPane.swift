import Autograd
import Screen

/// The graph pane's content for the current state: a box per drawn node (name, op,
/// mark, value in green, gradient in red), edge styles and, in the backward pass, labels
/// on the edges being explained (local derivative and product), each put in the first
/// free space beside its edge so that labels never cover lines, boxes or each other.
struct GraphPane: Widget {
    /// A box title: mark, name and, for an op, its gate: `▶ q (+)`; a gate alone: `▶ (+)`.
    static func title(_ name: String, caption: String, anonymous: Bool, mark: String) -> String {
        if anonymous { return "\(mark)(\(caption))" }  // no space: a gate stays narrow
        return caption.isEmpty ? "\(mark) \(name)" : "\(mark) \(name) (\(caption))"
    }

    /// What a one-line node calls itself: its name, the one the Step pane uses (`(w0·x0)`,
    /// `(ξ1's sum)`); at the `symbols` detail an anonymous gate's symbol with its literal
    /// operands (`(×)`, `(1+)`), which is narrower. A named gate that adds a constant (a
    /// sum's term, `x − 1`) shows its caption after its name (`ξ1 (+0.5)`, `ξ3 (−1.5)`): no
    /// box or wire stands for the constant, and the inputs drawn would not add up.
    static func lineLabel(_ name: String, caption: String, anonymous: Bool, addsConstant: Bool,
                          detail: GraphScene.Detail) -> String {
        if anonymous { return detail == .symbols ? "(\(caption))" : name }
        return addsConstant ? "\(name) (\(caption))" : name
    }

    /// Whether a brief node shows its gradient rather than its value: in the backward
    /// pass, once the gradient is known (updates, samples and epochs show values).
    static func briefShowsGradient(_ progress: PassProgress, node: NodeID) -> Bool {
        progress.stepsBackward && progress.gradKnown[node.index]
    }

    let state: TutorState

    func render(in area: Rect, buffer: inout Buffer) {
        if state.showsFlow, let flow = state.flow {
            FlowPane(state: state, flow: flow).render(in: Self.drawingArea(for: flow.size, in: area), buffer: &buffer)
            return
        }
        let (dag, labels) = content()
        let area = Self.drawingArea(for: state.scene.size, in: area)
        buffer.render(dag, in: area)
        markFoldedSources(dag: dag, area: area, buffer: &buffer)
        placeAll(labels, dag: dag, area: area, buffer: &buffer)
    }

    /// Writes a step's labels on their edges' lines all in one form, where every one fits
    /// it, the whole first (`−4×1=−4`, the upstream gradient times the local derivative
    /// giving the product, set off by blanks, then not), then the local derivative alone
    /// (`×1`) likewise: side by side, `──−4×1=−4┘` under `── ×1 ┐` would read as two
    /// different things. Never the product without its upstream factor: `×7.693=−7.693`
    /// read to two reviewers as a false equation. Else each as `place` finds room for it.
    func placeAll(_ labels: [StepLabel], dag: DAGView, area: Rect, buffer: inout Buffer) {
        let runs = labels.map { ownRuns(of: $0.label.edge, dag: dag, area: area) }
        let texts: [KeyPath<StepLabel, String>] = [\.label.text, \.local]
        for text in texts {
            for padded in [true, false] {
                var scratch = buffer
                let all = labels.indices.allSatisfy { k in
                    let written = labels[k][keyPath: text]
                    return writeOnLine(padded ? " \(written) " : written, lead: padded ? 1 : 2, runs: runs[k], area: area,
                                       style: labels[k].label.style, buffer: &scratch)
                }
                if all {
                    buffer = scratch
                    return
                }
            }
        }
        for (k, step) in labels.enumerated() {
            place(step.label, fallback: step.local, own: runs[k], dag: dag, area: area, buffer: &buffer)
        }
    }

    /// In a folded drawing, a `↓` by each node whose value goes on in the lower band (from
    /// its `↪` stub): the upper band says it continues. Right of the node where nothing
    /// else leaves it, else just below where its wire leaves, else below its last cell.
    /// Where the node's text runs to its last cell, never right against it (`−0.974↓`
    /// reads as part of the number): a cell further right, else below. Against the pane's
    /// border only where nothing else has room, and then beside the node rather than just
    /// right of another node's text, where it would read as that one's.
    func markFoldedSources(dag: DAGView, area: Rect, buffer: inout Buffer) {
        let scene = state.scene
        guard scene.stubCount > 0 else { return }
        let arrow = state.theme.glyphs.isUnicode ? "↓" : "v"
        var marked = Set<Int>()
        for stub in (scene.nodes.count - scene.stubCount)..<scene.nodes.count {
            guard let source = scene.layoutNode(of: scene.nodes[stub]), !scene.movedBelow.contains(source),
                  marked.insert(source).inserted else { continue }
            let frame = dag.screenFrame(of: source, in: area)
            guard dag.draws(source, in: area) else { continue }
            let row = frame.y + (frame.height - 1) / 2, text = dag.drawnFrame(of: source, in: area)
            // A blank cell of no other box (a box's padding is blank too) nor of its text:
            // the blank rows of its own frame, grown for its inputs, are its.
            func free(_ at: Point) -> Bool {
                area.contains(at) && buffer[at.x, at.y].symbol == " " && !text.contains(at)
                    && !dag.layout.frames.indices.contains { $0 != source && dag.screenFrame(of: $0, in: area).contains(at) }
            }
            // Nor right against other text, where it would read as part of that.
            func apart(_ at: Point) -> Bool { !area.contains(Point(x: at.x - 1, y: at.y)) || buffer[at.x - 1, at.y].symbol == " " }
            // Nor just right of another node's text on its row (within `markReach` columns),
            // where it would read as that node's.
            func ownRow(_ at: Point) -> Bool {
                at.y == row || !dag.layout.frames.indices.contains { other in
                    let shown = dag.drawnFrame(of: other, in: area)
                    return other != source && (shown.y..<shown.maxY).contains(at.y) && shown.x < at.x && at.x - shown.maxX < Self.markReach
                }
            }
            // Right of the node, a cell further (past a blank) where its text runs to the end,
            // else (at the pane's edge) in the blank end of its frame, else below.
            let right = Point(x: frame.maxX, y: row), padding = Point(x: min(frame.maxX, area.maxX) - 1, y: row)
            func fits(_ at: Point) -> Bool {
                (free(at) || (at == padding && area.contains(at) && buffer[at.x, at.y].symbol == " ")) && apart(at)
            }
            func inside(_ at: Point) -> Bool { at.x < area.maxX - 1 }
            let beside = [right] + (free(right) ? [Point(x: frame.maxX + 1, y: row)] : area.contains(right) ? [] : [padding])
            let places = beside + [Point(x: frame.maxX, y: row + 1), Point(x: padding.x, y: row + 1), Point(x: frame.maxX + 1, y: row + 1)]
            // In the pane's last column (`↓│`, against its border) only beside the node, where
            // no other place has room; on another node's row only where neither has.
            guard let at = places.first(where: { fits($0) && ownRow($0) && inside($0) }) ?? beside.first(where: fits)
                ?? places.first(where: { fits($0) && inside($0) }) ?? places.first(where: fits) else { continue }
            buffer.write(arrow, at: at, style: state.theme(.muted), clip: area)
        }
    }

    /// How far right of a node's text a fold's `↓` on its row would still read as that
    /// node's (`markFoldedSources`).
    static let markReach = 16

    /// Where the drawing goes inside the pane: a drawing narrower than the pane is centred.
    static func drawingArea(for size: Size, in area: Rect) -> Rect {
        let spare = area.width - size.width
        return spare > 1 ? area.inset(left: spare / 2) : area
    }

    /// Where each drawn node's box is on the screen for the pane's inner `area`, whether
    /// or not it is in view (the frame audit reads the boxes there).
    /// In the flow view, a neuron's ξ and h share its box; nodes drawn as edges have none,
    /// nor do the lines a collapsed head box hides.
    static func screenFrames(_ state: TutorState, in area: Rect) -> [(node: NodeID, frame: Rect)] {
        let layout = state.drawnLayout
        let drawing = drawingArea(for: layout.size, in: area)
        func onScreen(_ index: Int) -> Rect {
            layout.frames[index].offsetBy(dx: drawing.x - state.offset.x, dy: drawing.y - state.offset.y)
        }
        if state.showsFlow, let flow = state.flow {
            // (A collapsed head box shows a window of its lines: the others are not on screen.)
            let head = flow.collapsedHead ? flow.elements.firstIndex(of: .head) : nil
            let shown = head.map { Set(flow.shownLines(of: $0, at: state.progress, selection: state.selection)) }
            return state.stepper.graph.ids.compactMap { id in
                guard flow.edgeOf[id.index] == nil, let index = flow.layoutNode(of: id) else { return nil }
                if index == head, shown?.contains(id) == false { return nil }
                return (id, onScreen(index))
            }
        }
        return state.scene.nodes.enumerated().map { index, id in (id, onScreen(index)) }
    }

    /// Writes a label by its edge, never over a box or another label: on a horizontal run
    /// of the route long enough to hold it, over the line (set off by a blank either side
    /// where it has the room), as the flow view writes a weight; else the shorter
    /// `fallback` text there; else beside a run (above or below, from the arrowhead
    /// backwards) where its cells and two cells either side are blank, so it never reads as
    /// part of a box's border, though there it may read as a neighbouring wire's. If none
    /// has room the label is left out (the Step pane shows the same numbers).
    /// `own`: the label's edge's runs without what it shares with others (`ownRuns`).
    func place(_ label: EdgeLabel, fallback: String?, own: [(Point, Point)], dag: DAGView, area: Rect, buffer: inout Buffer) {
        // (Beside the line, the whole route's runs as drawn: a fan-out's shared line is the
        // edge's too.)
        let route = dag.drawnRoute(of: label.edge, in: area)
        let runs = zip(route.dropLast(), route.dropFirst()).reversed().filter { $0.0.y == $0.1.y }
        // The cells of its own wire, and the glyphs of a wire running along a row.
        let wire = Self.cells(of: route)
        let glyphs = state.theme.glyphs
        let runGlyphs: Set<String> = glyphs.isUnicode ? ["─", "┬", "┴", "┼", "┿", "┌", "┐", "└", "┘"] : [String(glyphs.horizontal), "+"]
        // A node's frame is its own, blank corners too: a label there would read as part of it.
        let frames = dag.layout.frames.indices.map { dag.screenFrame(of: $0, in: area) }
        let ends = [dag.layout.edges[label.edge].from, dag.layout.edges[label.edge].to]
        let lineFrames = frames.indices.filter { !ends.contains($0) && $0 < dag.nodes.count && dag.nodes[$0].border == nil }
            .map { frames[$0] }
        // First on the edge's own line (`── ×2 ─┘`), the whole label before the shorter:
        // above or below it, a label reads as the neighbouring wire's or node's (`×2` over
        // w1's row).
        let texts = [label.text] + (fallback.map { [$0] } ?? [])
        for text in texts {
            if writeOnLine(" \(text) ", lead: 1, runs: own, area: area, style: label.style, buffer: &buffer)
                || writeOnLine(text, lead: 2, runs: own, area: area, style: label.style, buffer: &buffer) { return }
        }
        // The shorter one with a single cell of its wire before it (`─×(−2)┐`) before it
        // goes beside the wire: sigmoid-neuron part 2's w1 had none where x1 had `──×(−3)┘`.
        if let fallback, writeOnLine(fallback, lead: 1, runs: own, area: area, style: label.style, buffer: &buffer) { return }
        for text in texts {
            let width = DisplayWidth.of(text)
            func isBlank(_ x: Int, _ y: Int) -> Bool {
                let point = Point(x: x, y: y)
                return !area.contains(point) || (buffer[x, y].symbol == " " && !frames.contains { $0.contains(point) })
            }
            // Two blank cells either side: one would leave the label beside a node's text;
            // and no one-line node but the edge's own two on the row within six before it or
            // ten after, whose text it would read as part of ("×1   · w2 −3" reads as w2
            // times one; "×0=0  ││  ├ ✓ (×)" as that gate's label).
            func isFree(_ x: Int, _ y: Int) -> Bool {
                guard y >= area.y, y < area.maxY, x >= area.x, x + width <= area.maxX else { return false }
                return ((x - 2)...(x + width + 1)).allSatisfy { isBlank($0, y) }
                    && ((x - 6)...(x + width + 9)).allSatisfy { cx in !lineFrames.contains { $0.contains(Point(x: cx, y: y)) } }
            }
            for (a, b) in runs {
                let lo = min(a.x, b.x), hi = max(a.x, b.x)
                for dy in [-1, 1] {
                    // Under or over the run, ending at its right end first, then further
                    // left, starting at most half its width before it; never past its end,
                    // over its target's first cells: a label longer than twice the run ends
                    // where it does.
                    var x = hi - width + 1
                    while x >= min(lo - width / 2, hi - width + 1) {
                        // Not against another node's row either, whose label it would read as,
                        // nor against another wire's run on its far side (`×2` between x1's
                        // wire and w12's reads as either's).
                        let far = a.y + 2 * dy
                        let awayFromNodes = ((x - 1)...(x + width)).allSatisfy { cx in
                            !frames.contains { $0.contains(Point(x: cx, y: far)) }
                        }
                        let awayFromWires = (x..<(x + width)).allSatisfy { cx in
                            wire.contains(Point(x: cx, y: far)) || !area.contains(Point(x: cx, y: far))
                                || !runGlyphs.contains(buffer[cx, far].symbol)
                        }
                        if isFree(x, a.y + dy) && awayFromNodes && awayFromWires {
                            buffer.write(text, at: Point(x: x, y: a.y + dy), style: label.style, clip: area)
                            return
                        }
                        x -= 1
                    }
                }
            }
        }
    }

    /// The horizontal runs of edge `e`'s route on the screen, from its arrowhead back, each
    /// without the part it shares with another edge from the same source (a fan-out runs on
    /// one line before it branches): a label there would read as every branch's, or as the
    /// wrong one's (`── ×3=0┼─ · (²)` for the edge into x³).
    func ownRuns(of e: Int, dag: DAGView, area: Rect) -> [(Point, Point)] {
        var shared = Set<Point>()
        for other in dag.layout.edges.indices where other != e && dag.layout.edges[other].from == dag.layout.edges[e].from {
            shared.formUnion(Self.cells(of: dag.drawnRoute(of: other, in: area)))
        }
        let route = dag.drawnRoute(of: e, in: area)
        return zip(route.dropLast(), route.dropFirst()).reversed().compactMap { a, b in
            guard a.y == b.y else { return nil }
            let lo = min(a.x, b.x), hi = max(a.x, b.x)
            // (What it shares lies towards its source: the run after the last shared cell.)
            let start = (lo...hi).last { shared.contains(Point(x: $0, y: a.y)) }.map { $0 + 1 } ?? lo
            return start < hi ? (Point(x: start, y: a.y), Point(x: hi, y: a.y)) : nil
        }
    }

    /// The cells a route's lines pass through, its corners included.
    static func cells(of route: [Point]) -> Set<Point> {
        var cells = Set<Point>()
        for (a, b) in zip(route, route.dropFirst()) {
            for x in min(a.x, b.x)...max(a.x, b.x) {
                for y in min(a.y, b.y)...max(a.y, b.y) { cells.insert(Point(x: x, y: y)) }
            }
        }
        return cells
    }

    /// Writes `text` on one of `runs` (the horizontal runs of an edge's route, from its
    /// arrowhead back): inside the run, its corners and arrowhead left visible, over plain
    /// line only (a crossing hidden under a label would join two edges), with `lead` cells
    /// of the line before it so it never abuts a box, a node's text or another edge (one
    /// where the text begins with a blank). False where no run holds it.
    func writeOnLine(_ text: String, lead: Int, runs: [(Point, Point)], area: Rect, style: Style,
                     buffer: inout Buffer) -> Bool {
        let width = DisplayWidth.of(text)
        let horizontal = String(state.theme.glyphs.horizontal)
        for (a, b) in runs where max(a.x, b.x) - min(a.x, b.x) - lead >= width {
            let x = max(a.x, b.x) - width
            guard a.y >= area.y, a.y < area.maxY, x - 1 > area.x, x + width < area.maxX,
                  ((x - lead)..<(x + width)).allSatisfy({ buffer[$0, a.y].symbol == horizontal })
            else { continue }
            buffer.write(text, at: Point(x: x, y: a.y), style: style, clip: area)
            return true
        }
        return false
    }

    /// A backward step's label on an edge into its gate: the whole (`label.text`, the
    /// upstream gradient times the local derivative and their product, `−4×1=−4`) and the
    /// local derivative alone (`×1`) for a tight spot.
    struct StepLabel {
        var label: EdgeLabel
        var local: String
    }

    /// The texts of a `StepLabel`: `−4×1=−4` and `×1`; `short`, the product without its
    /// upstream factor (`×1=−4`), is only measured, for the room a drawing gives labels
    /// (`GraphScene.labelRoom`), never drawn.
    static func edgeLabel(upstream: Double, local: Double, product: Double, notation: Notation) -> (text: String, short: String, local: String) {
        let times = "\(notation.edgeTimes)\(notation.operand(local))", result = "=\(notation.number(product))"
        return (notation.number(upstream) + times + result, times + result, times)
    }

    /// The graph, and the labels with a shorter text each for a tight spot (the local
    /// derivative alone: `×1`).
    func content() -> (DAGView, [StepLabel]) {
        let scene = state.scene
        let theme = state.theme
        let notation = state.notation
        let graph = state.stepper.graph
        let progress = state.progress
        var boxes: [NodeBox] = []
        boxes.reserveCapacity(scene.nodes.count)
        for (index, id) in scene.nodes.enumerated() {
            let node = id.index
            let text = NodeText(id, state: state, progress: progress)
            let mark = text.mark, glyph = text.glyph, value = text.value, grad = text.grad
            let lines = [Line([Span("val ", style: theme(.muted)), value]),
                         Line([Span("grad ", style: theme(.muted)), grad])]
            // The active node's border and title carry the highlight (its numbers keep their
            // value and gradient colours); a selected node's border is underlined.
            var frameStyle = mark == .active ? theme(.active) : theme(.border)
            var titleStyle = text.markStyle
            if id == state.selection {
                frameStyle = frameStyle.patched(by: theme(.marker).underlined())
                titleStyle = titleStyle.patched(by: theme(.marker).underlined())
            }
            let anonymous = graph.name(of: id) == nil
            let title = Self.title(scene.names[node], caption: scene.captions[node], anonymous: anonymous, mark: String(glyph))
            // (Bordered or not, and with arrowheads or not, as the scene was trimmed for.)
            var box = GraphScene.blankBox(detail: scene.detail, anonymous: anonymous)
            if scene.detail != .box {
                // A stub is named even among symbols: no wire shows whose value it repeats.
                let label = scene.isStub(index) ? scene.names[node] : scene.lineLabels[node]
                let gradMark = Span(notation.gradientMark, style: theme(.muted))
                // Edges run into the blank first cell: no arrowhead to mistake for the mark. A
                // fold's stub, which repeats a node of the upper band, starts with ↪ there (in
                // ASCII ~, since > is the active mark).
                let lead = scene.isStub(index) ? (theme.glyphs.isUnicode ? "↪" : "~") : " "
                var spans = [Span("\(lead)\(glyph) ", style: titleStyle), Span(label, style: titleStyle), Span(" ")]
                if scene.detail == .line {
                    spans += [value, Span(" "), gradMark, grad]
                } else {
                    spans += Self.briefShowsGradient(progress, node: id) ? [gradMark, grad] : [value]
                }
                box.lines = [Line(spans)]
            } else if anonymous {
                // The mark goes by the value, keeping the symbol's row free for the arrows,
                // which run into the symbol without an arrowhead: "├─(×)─", not "▶(×)"
                // under "▶ 0", two marks that read alike.
                let symbol = "(\(scene.captions[node]))", width = scene.layout.frames[index].width
                let spare = max(0, width - DisplayWidth.of(symbol))
                let gate = [Line([Span("\(glyph) ", style: titleStyle), value], alignment: .center),
                            Line([Span(String(repeating: String(theme.glyphs.horizontal), count: spare / 2), style: theme(.edge)),
                                  Span(symbol, style: titleStyle),
                                  Span(String(repeating: String(theme.glyphs.horizontal), count: spare - spare / 2), style: theme(.edge))]),
                            Line([Span(notation.gradientMark, style: theme(.muted)), grad], alignment: .center)]
                box.lines = gate
            } else {
                box.lines = lines
                box.border = frameStyle
                box.title = title
                box.titleStyle = titleStyle
            }
            boxes.append(box)
        }

        var edgeStyles = [Style](repeating: theme(.edge), count: scene.layout.edges.count)
        var emphasized: [Int] = []
        var labels: [StepLabel] = []
        switch state.stepper.lastRecord {
        case .forward(let r)?:
            for position in r.inputs.indices {
                if let e = scene.edgeIndex[r.node.index][position] { emphasized.append(e) }
            }
        case .backward(let r)?:
            for flow in r.flows {
                guard let e = scene.edgeIndex[flow.from.index][flow.position] else { continue }
                emphasized.append(e)
                let text = Self.edgeLabel(upstream: flow.upstream, local: flow.local, product: flow.product, notation: notation)
                labels.append(StepLabel(label: EdgeLabel(edge: e, text: text.text, style: theme(.gradient).bolded()), local: text.local))
            }
        default:
            break
        }
        for e in emphasized { edgeStyles[e] = theme(.activeEdge) }
        let dag = DAGView(layout: scene.layout, nodes: boxes, edgeStyles: edgeStyles, edgeStyle: theme(.edge),
                          emphasized: emphasized, offset: state.offset, glyphs: theme.glyphs)
        return (dag, labels)
    }
}
