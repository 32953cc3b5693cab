/// What to draw for one node of a `DAGView`: a box (or bare text, without a border).
/// Content lines are cut, not wrapped: size the layout's boxes to fit them.
public struct NodeBox: Sendable, Hashable {
    public var lines: [Line]
    /// The border's style; nil draws no border (compact gates such as `+`).
    public var border: Style?
    public var title: String?
    public var titleStyle: Style
    /// Laid under the whole box (e.g. reverse video for the active node).
    public var highlight: Style?
    /// Whether edges end in an arrowhead before the box; without one they run into it
    /// (a one-line node whose first cell is its mark, which an arrowhead would read as).
    public var arrowhead: Bool

    public init(lines: [Line], border: Style? = .plain, title: String? = nil,
                titleStyle: Style = .plain, highlight: Style? = nil, arrowhead: Bool = true) {
        self.arrowhead = arrowhead
        self.lines = lines
        self.border = border
        self.title = title
        self.titleStyle = titleStyle
        self.highlight = highlight
    }

    /// The box size that shows `lines` (and a title) in full.
    public static func size(lines: [Line], title: String? = nil, bordered: Bool = true) -> Size {
        let w = max(lines.map(\.width).max() ?? 0, title.map { DisplayWidth.of($0) + 2 } ?? 0)
        return bordered ? Size(width: w + 2, height: lines.count + 2) : Size(width: max(1, w), height: max(1, lines.count))
    }
}

/// Text placed on an edge, just above the end of its last horizontal run (before the
/// arrowhead): the local derivative or the product the step explains.
public struct EdgeLabel: Sendable, Hashable {
    public var edge: Int
    public var text: String
    public var style: Style
    public init(edge: Int, text: String, style: Style = .plain) { self.edge = edge; self.text = text; self.style = style }
}

/// Draws a `DAGLayout`: edges with joined box-drawing lines and arrowheads, node boxes,
/// and edge labels, shifted by `offset` (the drawing point shown at the area's top-left)
/// and clipped to the area, so a drawing larger than its pane can be panned.
public struct DAGView: Widget {
    public var layout: DAGLayout
    /// One per node of the layout; missing ones are drawn as empty boxes.
    public var nodes: [NodeBox]
    /// One per edge; missing ones use `edgeStyle`.
    public var edgeStyles: [Style]
    public var edgeStyle: Style
    /// Edges drawn last, so their style wins where edges of one source share a line.
    public var emphasized: [Int]
    public var labels: [EdgeLabel]
    public var offset: Point
    public var glyphs: Glyphs
    /// Edges whose arrows come together at one row of their target's box, as the slides
    /// draw the terms of a sum: edge → that row (0 the frame's top). Each runs on its own
    /// row to a shared line in the column before the arrowhead, which takes it to that row
    /// (`─┬▶` over `─┤` and `─┘`), so an arrow on the row of the box's second line does not
    /// read as an edge into that line. The layout leaves the column free before them.
    public var meetings: [Int: Int]
    /// Edges that turn into another arrow's arrowhead at `row` of their target's box, in
    /// the arrowhead's own column (`─▶` over `─┘`), where the layout left no column before
    /// it: an arrow into the blank row under a line would read as feeding nothing.
    public var arrowheadMeetings: [Int: Int]

    public init(layout: DAGLayout, nodes: [NodeBox], edgeStyles: [Style] = [], edgeStyle: Style = .plain,
                emphasized: [Int] = [], labels: [EdgeLabel] = [], offset: Point = .zero, glyphs: Glyphs = .unicode,
                meetings: [Int: Int] = [:], arrowheadMeetings: [Int: Int] = [:]) {
        self.meetings = meetings
        self.arrowheadMeetings = arrowheadMeetings
        self.layout = layout
        self.nodes = nodes
        self.edgeStyles = edgeStyles
        self.edgeStyle = edgeStyle
        self.emphasized = emphasized
        self.labels = labels
        self.offset = offset
        self.glyphs = glyphs
    }

    /// The points edge `e` is drawn through on the screen: its route, but into a borderless
    /// gate, where its inputs converge on the content row (one arrowhead), each still drawn
    /// as its own line: └─▶+ with ┐ above and ┘ below. An edge of `meetings` turns to its
    /// meeting row in the column before its arrowhead; one of `arrowheadMeetings`, in the
    /// arrowhead's column.
    ///
    /// Out of a line of text (a borderless node without arrowheads, not a gate's symbol)
    /// that fills its box to the last cell (showing its widest number), the wire starts a
    /// cell later, so the number never runs into it (`∇−0.197 ───┐`, not `∇−0.197────┐`);
    /// a wire that leaves it downwards or upwards first (a folded source's branch) starts a
    /// cell later whatever its number, so its `┬` does not move from step to step.
    public func drawnRoute(of e: Int, in area: Rect) -> [Point] {
        let dx = area.x - offset.x, dy = area.y - offset.y
        var points = layout.routes[e].map { Point(x: $0.x + dx, y: $0.y + dy) }
        let source = layout.edges[e].from
        if source < nodes.count, nodes[source].border == nil, !nodes[source].arrowhead, nodes[source].lines.count == 1,
           let line = nodes[source].lines.first {
            // (A wire that branches off another at its start, down or up first, moves with
            // it; always, so that its `┬` stays put while the number grows and shrinks.)
            let run = points.count >= 2 && points[1].x == points[0].x ? 1 : 0
            let fills = line.width >= layout.frames[source].width && line.spans.last?.text.last.map({ $0 != " " }) == true
            if fills || run == 1, points.count >= run + 2, points[run + 1].y == points[run].y, points[run + 1].x >= points[run].x + 2 {
                for k in 0...run { points[k].x += 1 }
            }
        }
        let target = layout.edges[e].to
        if let row = arrowheadMeetings[e], let end = points.last, points.count >= 2 {
            let meet = screenFrame(of: target, in: area).y + row
            // (Where the meeting row is panned out of view, each keeps its own arrowhead:
            // wires joining at an arrowhead off the screen would end in nothing.)
            guard meet != end.y, points[points.count - 2].y == end.y, (area.y..<area.maxY).contains(meet) else { return points }
            return points + [Point(x: end.x, y: meet)]
        }
        if let row = meetings[e], let end = points.last, points.count >= 2 {
            let meet = screenFrame(of: target, in: area).y + row, bus = end.x - 1
            guard meet != end.y, points[points.count - 2].y == end.y, points[points.count - 2].x < bus,
                  (area.y..<area.maxY).contains(meet) else { return points }
            return points.dropLast() + [Point(x: bus, y: end.y), Point(x: bus, y: meet), Point(x: end.x, y: meet)]
        }
        guard target < nodes.count, nodes[target].border == nil, let end = points.last else { return points }
        let row = contentTop(of: target, in: area)
        guard row != end.y else { return points }
        // Where the route last reaches the content row: at a corner, or passing it on an
        // upright wire (the point where it does).
        func passes(_ a: Point, _ b: Point) -> Bool { a.x == b.x && min(a.y, b.y) < row && row < max(a.y, b.y) }
        let level = (0..<points.count - 1).last { points[$0].y == row || passes(points[$0], points[$0 + 1]) }
        // (Passing the row on an upright wire, it turns in there only where no other wire
        // of the gate passes it too, nor any other wire runs along its run, nor the gate
        // reads the same source twice (`x*x`): they would merge into one.)
        let passing = level.map { points[$0].y != row } ?? false
        let clear = !passing || !layout.edges.indices.contains { other in
            guard other != e else { return false }
            if layout.edges[other] == layout.edges[e] { return true }
            guard layout.edges[other].from != source else { return false }
            let route = layout.routes[other].map { Point(x: $0.x + dx, y: $0.y + dy) }
            return zip(route, route.dropFirst()).contains { a, b in
                (layout.edges[other].to == target && passes(a, b))
                    || (a.y == row && b.y == row && min(a.x, b.x) < end.x && (level.map { points[$0].x } ?? end.x) < max(a.x, b.x))
            }
        }
        if let level, clear, !crossesABox(row: row, from: points[level].x, to: end.x, except: [source, target], in: area) {
            // The route passed the content row on its way to a port beside it: it runs
            // straight in from there instead of stepping off and back (──┐├ over └┘, or
            // up past the gate and over into it, ┌──┐ over │ ├), unless that would run
            // through another box (which would hide it).
            return Array(points[...level]) + [Point(x: points[level].x, y: row), Point(x: end.x, y: row)].filter { $0 != points[level] }
        }
        return points + [Point(x: end.x, y: row)]
    }

    /// Whether a straight run along screen row `row` between columns `from` and `to`
    /// passes through the frame of a node other than those in `except`.
    func crossesABox(row: Int, from: Int, to: Int, except: Set<Int>, in area: Rect) -> Bool {
        let (lo, hi) = (min(from, to), max(from, to))
        return layout.frames.indices.contains { node in
            guard !except.contains(node) else { return false }
            let frame = screenFrame(of: node, in: area)
            return frame.y <= row && row < frame.maxY && frame.x <= hi && lo < frame.maxX
        }
    }

    /// Where a node's box lands on the screen for a given area.
    public func screenFrame(of node: Int, in area: Rect) -> Rect {
        layout.frames[node].offsetBy(dx: area.x - offset.x, dy: area.y - offset.y)
    }

    /// The cells a node's box writes on the screen: a bordered box's frame; a borderless
    /// node's text rows alone, which may sit inside a taller frame (grown for its inputs'
    /// rows), whose blank rows may hold another node's text (where the bands of a fold
    /// meet, `DAGFold`).
    public func drawnFrame(of node: Int, in area: Rect) -> Rect {
        let frame = screenFrame(of: node, in: area)
        let box = node < nodes.count ? nodes[node] : NodeBox(lines: [])
        guard box.border == nil else { return frame }
        return Rect(x: frame.x, y: contentTop(of: node, in: area) - box.lines.count / 2, width: frame.width,
                    height: max(1, box.lines.count))
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let dx = area.x - offset.x, dy = area.y - offset.y
        var canvas = LineCanvas(area: area)
        let emphasizedSet = Set(emphasized)
        let drawOrder = layout.edges.indices.filter { !emphasizedSet.contains($0) }
            + emphasized.filter { layout.edges.indices.contains($0) }
        for e in drawOrder {
            let points = drawnRoute(of: e, in: area), target = layout.edges[e].to
            let style = e < edgeStyles.count ? edgeStyles[e] : edgeStyle
            let head = target >= nodes.count || nodes[target].arrowhead
            canvas.addPolyline(points, net: layout.edges[e].from, style: style, leadIn: .left,
                               leadOut: head ? [] : .right, head: head ? glyphs.arrowRight : nil)
        }
        canvas.render(into: &buffer, glyphs: glyphs)
        for node in layout.frames.indices {
            let frame = screenFrame(of: node, in: area)
            guard frame.intersects(area) else { continue }
            let box = node < nodes.count ? nodes[node] : NodeBox(lines: [])
            // A box is drawn whole or not at all: "grad 9.68" cut from "grad 9.68e-4" would
            // read as a number of its own, a border without its box as a stray line. (A
            // line of text is whole where only its frame's blank end is cut: `wholeText`.)
            guard let shown = shownRect(of: node, box, in: area) else {
                if box.border != nil {
                    writeWhereItGoesOn(node, title: box.title, frame: drawnFrame(of: node, in: area), in: area, buffer: &buffer)
                }
                continue
            }
            buffer.blit(draw(box, size: shown.size), at: shown.origin, clip: area)
        }
        for label in labels where layout.routes.indices.contains(label.edge) {
            guard let end = layout.routes[label.edge].last else { continue }
            let w = DisplayWidth.of(label.text)
            let at = Point(x: end.x + dx - w + 1, y: end.y + dy - 1)
            buffer.write(label.text, at: at, style: label.style, clip: area)
        }
    }

    /// Whether `render` draws the node's box in `area`: where it is wholly in view, or it
    /// is a line of text whose cut frame still shows it whole (`wholeText`).
    public func draws(_ node: Int, in area: Rect) -> Bool {
        shownRect(of: node, node < nodes.count ? nodes[node] : NodeBox(lines: []), in: area) != nil
    }

    /// Where `render` draws the node's box in `area`: its drawn frame where that is wholly
    /// in view, else the part of it `wholeText` finds; `nil` where it is not drawn.
    private func shownRect(of node: Int, _ box: NodeBox, in area: Rect) -> Rect? {
        let shown = drawnFrame(of: node, in: area)
        if shown.x >= area.x, shown.maxX <= area.maxX, shown.y >= area.y, shown.maxY <= area.maxY { return shown }
        return wholeText(of: box, frame: shown, in: area)
    }

    /// Where a line of text without a border whose frame the area's right edge cuts still
    /// shows its text whole, a blank cell before the edge (only the room its widest
    /// numbers would take is cut): that part of the frame. Its wires would otherwise end
    /// at nothing.
    private func wholeText(of box: NodeBox, frame: Rect, in area: Rect) -> Rect? {
        guard box.border == nil, box.lines.count == 1, let line = box.lines.first, frame.x >= area.x, frame.y >= area.y,
              frame.maxY <= area.maxY else { return nil }
        let text = line.spans.map(\.text).joined()
        let width = DisplayWidth.of(String(text.reversed().drop { $0 == " " }.reversed()))
        guard width > 0, frame.x + width < area.maxX else { return nil }
        return Rect(x: frame.x, y: frame.y, width: area.maxX - frame.x, height: frame.height)
    }

    /// In the part of a box's frame that is in view, where the box is not drawn (it is
    /// drawn whole or not at all), which way the rest of it lies and its title (`↓ loss`):
    /// right of the highest arrowhead into it that is in view, else before the first wire
    /// out of it in view (`↑ σ ──`), which would otherwise point at or leave from blank
    /// cells. Nothing where the title has no room (a bare `▶ →` reads as a doubled
    /// arrow) or where no wire of the box is in view (a hint alone on a border's row
    /// would read as the next box's title).
    private func writeWhereItGoesOn(_ node: Int, title: String?, frame: Rect, in area: Rect, buffer: inout Buffer) {
        let seen = frame.intersection(area)
        guard let title, !title.isEmpty, !seen.isEmpty else { return }
        let unicode = glyphs.isUnicode
        let way = frame.maxY > area.maxY ? (unicode ? "↓" : "v") : frame.y < area.y ? (unicode ? "↑" : "^")
            : frame.maxX > area.maxX ? (unicode ? "→" : ">") : (unicode ? "←" : "<")
        let rows = seen.y..<seen.maxY
        let text = "\(way) \(title)", width = DisplayWidth.of(text)
        if let row = layout.edges.indices.filter({ layout.edges[$0].to == node })
            .compactMap({ drawnRoute(of: $0, in: area).last?.y }).filter(rows.contains).min() {
            if seen.x + 1 + width <= seen.maxX { buffer.write(text, at: Point(x: seen.x + 1, y: row), clip: area) }
        } else if let row = layout.edges.indices.filter({ layout.edges[$0].from == node })
            .compactMap({ drawnRoute(of: $0, in: area).first }).filter({ rows.contains($0.y) && $0.x < area.maxX }).map(\.y).min(),
            seen.maxX - 1 - width >= seen.x {
            buffer.write(text, at: Point(x: seen.maxX - 1 - width, y: row), clip: area)
        }
    }

    /// The middle content row of a node, in screen rows: borderless content is centred
    /// vertically in its (possibly grown) frame, and inputs converge on its middle line
    /// (a gate drawn as value / symbol / gradient takes its inputs at the symbol).
    private func contentTop(of node: Int, in area: Rect) -> Int {
        let frame = screenFrame(of: node, in: area)
        let lines = node < nodes.count ? nodes[node].lines.count : 0
        return frame.y + max(0, (frame.height - lines) / 2) + lines / 2
    }

    /// A node's box drawn on its own, so the caller's clip applies to it as a whole.
    private func draw(_ box: NodeBox, size: Size) -> Buffer {
        var b = Buffer(size: size)
        let whole = b.area
        var inner = whole
        if let border = box.border {
            let block = Block(title: box.title, titleStyle: box.titleStyle, borderStyle: border, glyphs: glyphs)
            b.render(block, in: whole)
            inner = block.inner(whole)
        }
        if box.border == nil { inner = inner.inset(top: max(0, (inner.height - box.lines.count) / 2)) }
        b.render(Paragraph(box.lines, wrap: false, ellipsis: glyphs.ellipsis), in: inner)
        if let highlight = box.highlight { b.patchStyle(highlight, in: whole) }
        return b
    }
}
