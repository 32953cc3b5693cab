import Testing
@testable import Screen

/// The CS231n example f = (x + y) · z: x, y, z, q = x + y, f = q · z.
private let cs231nNames = ["x", "y", "z", "q", "f"]
private let cs231nEdges = [(0, 3), (1, 3), (3, 4), (2, 4)]

@Suite struct DAGLayoutTests {
    /// Following a node, the window's edges fall between boxes where a shift of a few
    /// columns allows it (a box cut by the edge is not drawn, and its arrows would point
    /// at blank cells), and never at the cost of the node followed.
    @Test func theWindowEdgeFallsBetweenBoxes() throws {
        let sizes = [Size](repeating: Size(width: 9, height: 3), count: 6)
        let edges = (0..<5).map { DAGEdge(from: $0, to: $0 + 1) }
        let layout = try DAGLayout(sizes: sizes, edges: edges, options: .init(minimumChannelWidth: 5))
        let viewport = Size(width: 31, height: 3)
        func cuts(_ x: Int) -> Bool {
            layout.frames.contains { ($0.x < x && x < $0.maxX) || ($0.x < x + viewport.width && x + viewport.width < $0.maxX) }
        }
        var snappedAny = false
        for node in layout.frames.indices {
            let box = layout.frames[node]
            for x in max(0, box.maxX - viewport.width)...box.x {
                let p = layout.snapped(Point(x: x, y: 0), keeping: box, in: viewport)
                #expect(p.x <= box.x && box.maxX <= p.x + viewport.width, "node \(node) from \(x)")
                let reachable = (-7...7).contains { d in
                    let c = x + d
                    return c >= 0 && c <= layout.size.width - viewport.width && c <= box.x && box.maxX <= c + viewport.width && !cuts(c)
                }
                if reachable { #expect(!cuts(p.x), "node \(node) from \(x): \(p.x)") }
                if p.x != x { snappedAny = true }
            }
        }
        #expect(snappedAny)
    }

    @Test func cs231nGraphInUnicode() throws {
        let (b, layout) = try drawGraph(names: cs231nNames, edges: cs231nEdges, width: 20, height: 11,
                                        options: .init(minimumChannelWidth: 4))
        #expect(picture(b) == """
            ┌─┐
            │x│─┐
            └─┘ │  ┌─┐
                └─▶│q│
            ┌─┐ ┌─▶│ │─┐
            │y│─┘  └─┘ │  ┌─┐
            └─┘        └─▶│f│
                       ┌─▶│ │
            ┌─┐        │  └─┘
            │z│────────┘
            └─┘
            """)
        #expect(layout.layer == [0, 0, 0, 1, 2])
        #expect(layout.layers == [[0, 1, 2], [3], [4]])
        #expect(layout.crossings == 0)
        // q has two inputs, so its one-line box grew a row to give each arrow its own row.
        #expect(layout.frames[3] == Rect(x: 7, y: 2, width: 3, height: 4))
        #expect(layout.routes[0] == [Point(x: 3, y: 1), Point(x: 4, y: 1), Point(x: 4, y: 3), Point(x: 6, y: 3)])
        #expect(layout.size == Size(width: 17, height: 11))
        #expect(layout.arrivalRow(of: 0) == 3 && layout.arrivalRow(of: 1) == 4 && layout.arrivalRow(of: 4) == nil)
    }

    /// Tracks next to the sources leave long runs into the targets, for edge labels.
    @Test func tracksNearSources() throws {
        let (b, layout) = try drawGraph(names: cs231nNames, edges: cs231nEdges, width: 25, height: 11,
                                        options: .init(minimumChannelWidth: 8, tracksNearSources: true))
        #expect(picture(b) == """
            ┌─┐
            │x│──┐
            └─┘  │     ┌─┐
                 └────▶│q│
            ┌─┐  ┌────▶│ │──┐
            │y│──┘     └─┘  │     ┌─┐
            └─┘             └────▶│f│
                            ┌────▶│ │
            ┌─┐             │     └─┘
            │z│─────────────┘
            └─┘
            """)
        #expect(layout.routes[0] == [Point(x: 3, y: 1), Point(x: 5, y: 1), Point(x: 5, y: 3), Point(x: 10, y: 3)])
    }

    @Test func cs231nGraphInASCII() throws {
        let (b, _) = try drawGraph(names: cs231nNames, edges: cs231nEdges, width: 20, height: 11, glyphs: .ascii,
                                   options: .init(minimumChannelWidth: 4))
        #expect(picture(b) == """
            +-+
            |x|-+
            +-+ |  +-+
                +->|q|
            +-+ +->| |-+
            |y|-+  +-+ |  +-+
            +-+        +->|f|
                       +->| |
            +-+        |  +-+
            |z|--------+
            +-+
            """)
    }

    @Test func aNodeUsedTwiceKeepsBothEdges() throws {
        // y = x * x, then out = y + x: three edges leave x, and all three arrive.
        let (b, layout) = try drawGraph(names: ["x", "x*x", "+"], edges: [(0, 1), (0, 1), (1, 2), (0, 2)],
                                        width: 20, height: 6, options: .init(minimumChannelWidth: 3))
        #expect(picture(b) == """
                   ┌───┐
                ┌─▶│x*x│
                ├─▶│   │─┐  ┌─┐
            ┌─┐ │  └───┘ └─▶│+│
            │x│─┤        ┌─▶│ │
            └─┘ └────────┘  └─┘
            """)
        #expect(Set(layout.routes[0].last.map { [$0] } ?? []) != Set(layout.routes[1].last.map { [$0] } ?? []))
        #expect(b.lines.joined().filter { $0 == "▶" }.count == 4)
    }

    /// The tutor's shape: boxes with name, value and gradient; the op as a compact gate.
    @Test func valueBoxesAndACompactGate() throws {
        let nodes: [NodeBox] = [
            NodeBox(lines: ["x", "-2", "-4"]), NodeBox(lines: ["y", "5", "-4"]), NodeBox(lines: ["z", "-4", "3"]),
            NodeBox(lines: ["+"], border: nil), NodeBox(lines: ["f = q·z", "-12", "1"]),
        ]
        let sizes = nodes.map { NodeBox.size(lines: $0.lines, bordered: $0.border != nil) }
        let layout = try DAGLayout(sizes: sizes, edges: cs231nEdges.map { DAGEdge(from: $0.0, to: $0.1) })
        #expect(picture(rendered(DAGView(layout: layout, nodes: nodes), width: 30, height: 17)) == """
            ┌──┐
            │x │
            │-2│─┐
            │-4│ │
            └──┘ └──┐
                    ▶+─┐
            ┌──┐ ┌──┘  │
            │y │ │     │   ┌───────┐
            │5 │─┘     └──▶│f = q·z│
            │-4│           │-12    │
            └──┘       ┌──▶│1      │
                       │   └───────┘
            ┌──┐       │
            │z │       │
            │-4│───────┘
            │3 │
            └──┘
            """)
        // The gate grew to three rows: inputs arrive above and below its middle row.
        #expect(layout.frames[3].height == 3)
    }

    /// A one-line node whose text fills its box (its widest number shown) keeps a blank
    /// before its wire; one with room to spare is joined as before.
    @Test func aFullLineOfTextKeepsABlankBeforeItsWire() throws {
        let layout = try DAGLayout(sizes: [Size(width: 5, height: 1), Size(width: 5, height: 1)], edges: [DAGEdge(from: 0, to: 1)])
        func drawn(_ text: String) -> String {
            picture(rendered(DAGView(layout: layout, nodes: [NodeBox(lines: [Line(text)], border: nil, arrowhead: false), NodeBox(lines: ["b"], border: nil)]),
                             width: 20, height: 1))
        }
        #expect(drawn("a 123") == "a 123 ───▶b")
        #expect(drawn("a 1") == "a 1  ────▶b")
        #expect(drawn("a 12 ") == "a 12 ────▶b")
    }

    @Test func squareIntoACompactGateShowsTwoLines() throws {
        let nodes = [NodeBox(lines: ["x", "3"]), NodeBox(lines: ["*"], border: nil), NodeBox(lines: ["+"], border: nil)]
        let sizes = nodes.map { NodeBox.size(lines: $0.lines, bordered: $0.border != nil) }
        let layout = try DAGLayout(sizes: sizes, edges: [(0, 1), (0, 1), (1, 2), (0, 2)].map { DAGEdge(from: $0.0, to: $0.1) },
                                   options: .init(minimumChannelWidth: 4))
        #expect(picture(rendered(DAGView(layout: layout, nodes: nodes), width: 14, height: 6)) == """
                ┌─┐
            ┌─┐ │ ▶*───┐
            │x│ ├─┘    ▶+
            │3│─┤    ┌─┘
            └─┘ └────┘
            
            """)
        #expect(picture(rendered(DAGView(layout: layout, nodes: nodes, glyphs: .ascii), width: 14, height: 5)) == """
                +-+
            +-+ | >*---+
            |x| +-+    >+
            |3|-+    +-+
            +-+ +----+
            """)
    }

    /// a and b, each read by two gates in opposite orders: `(×)` takes a then b, `(−)` b then a.
    func twoGatesReadingTwoSources(freePorts: Set<Int>) throws -> (DAGLayout, [NodeBox]) {
        let nodes = [NodeBox(lines: [Line("a 1")], border: nil, arrowhead: false), NodeBox(lines: [Line("b 2")], border: nil, arrowhead: false),
                     NodeBox(lines: ["(×)"], border: nil, arrowhead: false), NodeBox(lines: ["(−)"], border: nil, arrowhead: false)]
        let sizes = nodes.map { NodeBox.size(lines: $0.lines, bordered: $0.border != nil) }
        let edges = [DAGEdge(from: 0, to: 2), DAGEdge(from: 1, to: 2), DAGEdge(from: 1, to: 3), DAGEdge(from: 0, to: 3)]
        var options = DAGLayout.Options(nodeSpacing: 0, minimumChannelWidth: 4, pinnedSources: [0, 1])
        options.freePorts = freePorts
        return (try DAGLayout(sizes: sizes, edges: edges, options: options), nodes)
    }

    /// A gate whose inputs may come in any order (`freePorts`, a commutative gate) takes
    /// them in its sources' order, top to bottom: its own wires do not cross, and the
    /// drawing has fewer crossings, never more.
    @Test func freePortsFollowTheirSources() throws {
        let (fixed, _) = try twoGatesReadingTwoSources(freePorts: [])
        let (free, _) = try twoGatesReadingTwoSources(freePorts: [2, 3])
        #expect(free.crossings < fixed.crossings)
        #expect(free.crossings == 1)  // a to the lower gate, b to the upper: no order avoids it
        for gate in [2, 3] {
            let into = free.edges.indices.filter { free.edges[$0].to == gate }
            let bySource = into.sorted { free.frames[free.edges[$0].from].y < free.frames[free.edges[$1].from].y }
            #expect(bySource.map { free.arrivalRow(of: $0) ?? 0 } == bySource.map { free.arrivalRow(of: $0) ?? 0 }.sorted())
        }
        // Fixed ports: (−)'s inputs arrive in edge order, b above a, so its wires cross.
        let minus = fixed.edges.indices.filter { fixed.edges[$0].to == 3 }
        #expect(minus.map { fixed.edges[$0].from } == [1, 0] && (fixed.arrivalRow(of: minus[0]) ?? 0) < (fixed.arrivalRow(of: minus[1]) ?? 0))
    }

    /// Where two wires of one channel would cross twice, down into a gate's ports (the one
    /// from higher up packed on the track further left), their tracks swap: over random
    /// layered graphs, the drawn crossings never rise and do fall.
    @Test func tracksSwapWhereFewerWiresCross() throws {
        var seed: UInt64 = 0xC0FFEE
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        /// Cells where a wire of one source crosses a wire of another, each running on.
        func crossings(_ layout: DAGLayout) -> Int {
            var across: [Point: Set<Int>] = [:], along: [Point: Set<Int>] = [:]
            for (e, route) in layout.routes.enumerated() {
                for (a, b) in zip(route, route.dropFirst()) {
                    if a.y == b.y {
                        for x in (min(a.x, b.x) + 1)..<max(a.x, b.x) { along[Point(x: x, y: a.y), default: []].insert(layout.edges[e].from) }
                    } else {
                        for y in (min(a.y, b.y) + 1)..<max(a.y, b.y) { across[Point(x: a.x, y: y), default: []].insert(layout.edges[e].from) }
                    }
                }
            }
            return across.reduce(0) { count, cell in
                count + (along[cell.key].map { $0.subtracting(cell.value).isEmpty ? 0 : 1 } ?? 0)
            }
        }
        var fewer = 0
        for _ in 0..<60 {
            let count = 6 + next(10)
            let sizes = (0..<count).map { _ in Size(width: 3 + next(4), height: [1, 1, 3][next(3)]) }
            var edges: [DAGEdge] = []
            for to in 1..<count {
                for from in Set((0..<(1 + next(3))).map { _ in next(to) }).sorted() { edges.append(DAGEdge(from: from, to: to)) }
            }
            var options = DAGLayout.Options(nodeSpacing: next(2), minimumChannelWidth: 4, tracksNearSources: true)
            let swapped = try DAGLayout(sizes: sizes, edges: edges, options: options)
            options.uncrossTracks = false
            let packed = try DAGLayout(sizes: sizes, edges: edges, options: options)
            #expect(swapped.size == packed.size && swapped.frames == packed.frames)
            #expect(crossings(swapped) <= crossings(packed))
            if crossings(swapped) < crossings(packed) { fewer += 1 }
        }
        #expect(fewer > 0)
    }

    /// A wire that passes a one-line gate's row on its way to an arrival row beyond turns
    /// in on that row (a's wires, up into `(×)` and down into `(−)`), rather than going
    /// past the gate and back (`┌────┐` over `├(×)`).
    @Test func aWirePassingItsGatesRowTurnsInThere() throws {
        let (layout, nodes) = try twoGatesReadingTwoSources(freePorts: [])
        #expect(picture(rendered(DAGView(layout: layout, nodes: nodes), width: 14, height: 6)) == """
            
                ┌────┬(×)
            a 1─┤ ┌──┘
            b 2 ┿─┴──┐
                └────┴(−)
            
            """)
    }

    /// The row the turned-in wire's route went on to (above) is blank, and so is (−)'s
    /// frame's last row (grown for two arrival rows): the trimmed layout leaves them out,
    /// and the drawing is otherwise the same, each gate's text on its row (the frames cut
    /// evenly at both ends).
    @Test func blankRowsAtTheDrawingsEdgeAreTrimmed() throws {
        let (layout, nodes) = try twoGatesReadingTwoSources(freePorts: [])
        let trimmed = DAGView(layout: layout, nodes: nodes).trimmedLayout()
        #expect(trimmed.size == Size(width: layout.size.width, height: layout.size.height - 2))
        #expect(trimmed.frames.map(\.height) == [1, 1, 1, 1] && layout.frames.map(\.height) == [1, 1, 3, 3])
        #expect(picture(rendered(DAGView(layout: trimmed, nodes: nodes), width: 14, height: 4)) == """
                ┌────┬(×)
            a 1─┤ ┌──┘
            b 2 ┿─┴──┐
                └────┴(−)
            """)
        // Where nothing is blank, the layout as it was.
        #expect(DAGView(layout: trimmed, nodes: nodes).trimmedLayout() == trimmed)
    }

    /// A line of text without a border is drawn where the pane's edge cuts only the blank
    /// end of its frame (the room a wider number would take), so its wire ends at it; not
    /// where the edge would cut the text, nor with no blank cell before the edge.
    @Test func aLineWholeInACutFrameIsDrawn() throws {
        let nodes = [NodeBox(lines: ["a"]), NodeBox(lines: [Line(" · q 3")], border: nil, arrowhead: false)]
        let sizes = [NodeBox.size(lines: ["a"]), Size(width: 12, height: 1)]
        let layout = try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 1)], options: .init(minimumChannelWidth: 3))
        let view = DAGView(layout: layout, nodes: nodes)
        let q = layout.frames[1]
        func row(_ width: Int) -> String { rendered(view, width: width, height: 3).lines[q.y] }
        #expect(row(q.maxX).hasSuffix("── · q 3      "))
        #expect(row(q.x + 7).hasSuffix("── · q 3 "))
        #expect(!row(q.x + 6).contains("q"))
        #expect(!row(q.x + 4).contains("q"))
    }

    @Test func emphasizedEdgeIsStyledAlongItsWholeRoute() throws {
        let names = cs231nNames
        let sizes = names.map { NodeBox.size(lines: [Line($0)]) }
        let layout = try DAGLayout(sizes: sizes, edges: cs231nEdges.map { DAGEdge(from: $0.0, to: $0.1) },
                                   options: .init(minimumChannelWidth: 4))
        let hot = Style(foreground: .red, bold: true)
        var styles = Array(repeating: Style.plain, count: 4)
        styles[1] = hot  // y → q
        let view = DAGView(layout: layout, nodes: names.map { NodeBox(lines: [Line($0)]) }, edgeStyles: styles,
                           emphasized: [1])
        let b = rendered(view, width: 17, height: 7)
        #expect(b.mask { $0.style == hot } == [
            ".................",
            ".................",
            ".................",
            ".................",
            "....###..........",
            "...##............",
            ".................",
        ])
    }

    @Test func labelsSitAboveTheArrow() throws {
        let sizes = ["a", "b"].map { NodeBox.size(lines: [Line($0)]) }
        let layout = try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 1)], options: .init(minimumChannelWidth: 8))
        let view = DAGView(layout: layout, nodes: [NodeBox(lines: ["a"]), NodeBox(lines: ["b"])],
                           labels: [EdgeLabel(edge: 0, text: "×-4")])
        #expect(picture(rendered(view, width: 14, height: 3)) == """
            ┌─┐     ×-4┌─┐
            │a│───────▶│b│
            └─┘        └─┘
            """)
    }

    @Test func panningShowsThePartAtTheOffset() throws {
        let (b, layout) = try drawGraph(names: cs231nNames, edges: cs231nEdges, width: 12, height: 6,
                                        offset: Point(x: 5, y: 3), options: .init(minimumChannelWidth: 4))
        // q, cut at the top, is not drawn at all (no box is drawn in part), nor, without a
        // title, a hint of where it lies (a bare `▶ ↑` reads as a doubled arrow); f is whole.
        #expect(picture(b) == """
            ─▶
            ─▶   ─┐
                  │  ┌─┐
                  └─▶│f│
                  ┌─▶│ │
                  │  └─┘
            """)
        let viewport = Size(width: 12, height: 6)
        // f (x 14…16, y 5…8) comes into view with a cell of margin below; at the right
        // the pan stops at the drawing's edge (17 − 12 = 5).
        #expect(layout.offset(toShow: 4, in: viewport) == Point(x: 5, y: 4))
        // x is already in view at the origin: no move.
        #expect(layout.offset(toShow: 0, in: viewport) == .zero)
        // Offsets are clamped to the drawing.
        #expect(layout.clamp(Point(x: 100, y: -3), to: viewport) == Point(x: 5, y: 0))
        #expect(layout.offset(toShow: 99, in: viewport, from: Point(x: 2, y: 2)) == Point(x: 2, y: 2))
    }

    /// A titled box cut at the bottom: its arrows in view end at `↓ loss`, not at blank
    /// cells, in the visible part of its frame; nothing where the title has no room.
    @Test func aBoxPartlyInViewSaysWhereItGoesOn() throws {
        let names = ["a", "b"]
        let sizes = [NodeBox.size(lines: [Line("a")]), Size(width: 10, height: 6)]
        let layout = try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 1)], options: .init(minimumChannelWidth: 4))
        let boxes = [NodeBox(lines: [Line(names[0])]), NodeBox(lines: [Line("e1"), Line("e2")], title: "loss")]
        let view = DAGView(layout: layout, nodes: boxes)
        let tall = rendered(view, width: layout.size.width, height: layout.size.height)
        #expect(picture(tall).contains("┌ loss"))
        let cut = picture(rendered(view, width: layout.size.width, height: 5)).split(separator: "\n").map(String.init)
        #expect(!cut.joined().contains("e1") && !cut.joined().contains("┌ loss"))
        let arrow = try #require(cut.first { $0.contains("▶") }, "\(picture(tall))")
        #expect(arrow.hasSuffix("▶ ↓ loss"))
        let narrow = DAGView(layout: layout, nodes: [boxes[0], NodeBox(lines: [Line("e1")], title: "a long title")])
        let short = picture(rendered(narrow, width: layout.size.width, height: 5))
        #expect(short.contains("▶") && !short.contains("↓") && !short.contains("long"))
        #expect(picture(rendered(DAGView(layout: layout, nodes: boxes, glyphs: .ascii), width: layout.size.width, height: 5))
            .contains("> v loss"))
    }

    /// The largest span of a node with the nodes feeding it, which a window must hold to
    /// show every step with its inputs; a single box where nothing feeds it.
    @Test func theLargestGroupSpansANodeAndItsInputs() throws {
        let (_, layout) = try drawGraph(names: cs231nNames, edges: cs231nEdges, width: 40, height: 12)
        for (node, frame) in layout.frames.enumerated() {
            let inputs = layout.edges.filter { $0.to == node }.map { layout.frames[$0.from] }
            let top = ([frame] + inputs).map(\.y).min() ?? 0, bottom = ([frame] + inputs).map(\.maxY).max() ?? 0
            let left = ([frame] + inputs).map(\.x).min() ?? 0, right = ([frame] + inputs).map(\.maxX).max() ?? 0
            #expect(layout.largestGroup.height >= bottom - top && layout.largestGroup.width >= right - left)
        }
        let f = try #require(cs231nNames.firstIndex(of: "f"))
        let feeding = layout.edges.filter { $0.to == f }.map { layout.frames[$0.from] } + [layout.frames[f]]
        let span = (feeding.map(\.maxX).max() ?? 0) - (feeding.map(\.x).min() ?? 0)
        #expect(span > layout.largestFrame.width && layout.largestGroup.width >= span)
        let alone = try DAGLayout(sizes: [Size(width: 4, height: 3)], edges: [])
        #expect(alone.largestGroup == Size(width: 4, height: 3))
    }

    @Test func badInputIsReportedNotTrapped() {
        let sizes = Array(repeating: Size(width: 3, height: 3), count: 3)
        #expect(throws: DAGLayoutError.cycle(node: 0)) {
            try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 1), DAGEdge(from: 1, to: 0)])
        }
        #expect(throws: DAGLayoutError.cycle(node: 2)) { try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 2, to: 2)]) }
        #expect(throws: DAGLayoutError.edgeOutOfRange(edge: 1, node: 7)) {
            try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 1), DAGEdge(from: 7, to: 1)])
        }
        #expect(throws: Never.self) { try DAGLayout(sizes: [], edges: []) }
    }

    @Test func sourcesCanSitNextToTheirConsumer() throws {
        // c is used only by the last node: with sourcesInFirstLayer off it moves right.
        let sizes = Array(repeating: Size(width: 3, height: 3), count: 4)
        let edges = [DAGEdge(from: 0, to: 1), DAGEdge(from: 1, to: 3), DAGEdge(from: 2, to: 3)]
        #expect(try DAGLayout(sizes: sizes, edges: edges).layer == [0, 1, 0, 2])
        #expect(try DAGLayout(sizes: sizes, edges: edges, options: .init(sourcesInFirstLayer: false)).layer == [0, 1, 1, 2])
        // A pinned source stays in the first column all the same.
        let pinned = DAGLayout.Options(sourcesInFirstLayer: false, pinnedSources: [2])
        #expect(try DAGLayout(sizes: sizes, edges: edges, options: pinned).layer == [0, 1, 0, 2])
    }

    @Test func trailingNodesSitJustLeftOfTheirConsumer() throws {
        // a → b → c → d → e, and the target t → (1−t) → e: by longest path t and its gate
        // sit in the first two columns, a screen away from e; trailing, next to it.
        let sizes = Array(repeating: Size(width: 3, height: 3), count: 7)
        let edges = [DAGEdge(from: 0, to: 1), DAGEdge(from: 1, to: 2), DAGEdge(from: 2, to: 3), DAGEdge(from: 3, to: 6),
                     DAGEdge(from: 4, to: 5), DAGEdge(from: 5, to: 6)]
        #expect(try DAGLayout(sizes: sizes, edges: edges).layer == [0, 1, 2, 3, 0, 1, 4])
        var options = DAGLayout.Options(pinnedSources: [4])
        options.trailing = [4, 5]
        #expect(try DAGLayout(sizes: sizes, edges: edges, options: options).layer == [0, 1, 2, 3, 2, 3, 4])
        // A trailing node read early stays early: it sits left of its nearest consumer.
        let early = edges + [DAGEdge(from: 5, to: 1)]
        #expect(try DAGLayout(sizes: sizes, edges: early, options: options).layer == [0, 2, 3, 4, 0, 1, 5])
    }

    @Test func longEdgesFromOneSourceShareALine() throws {
        // a → b → c → d, and a bias s read by c and d: its two edges skip layer 1 on one
        // line (one dummy, not two), and s → d goes on from where s → c turns off.
        let sizes = [Size(width: 3, height: 1), Size(width: 3, height: 3), Size(width: 3, height: 3),
                     Size(width: 3, height: 3), Size(width: 3, height: 1)]
        let edges = [DAGEdge(from: 0, to: 1), DAGEdge(from: 1, to: 2), DAGEdge(from: 2, to: 3),
                     DAGEdge(from: 4, to: 2), DAGEdge(from: 4, to: 3)]
        var apart = DAGLayout.Options()
        apart.shareLongEdges = false
        let shared = try DAGLayout(sizes: sizes, edges: edges), separate = try DAGLayout(sizes: sizes, edges: edges, options: apart)
        #expect(shared.size.height < separate.size.height)
        // Through layer 1's column both edges run on the same row.
        let column = shared.frames[1].x + 1
        func rowsAt(_ x: Int, _ route: [Point]) -> Set<Int> {
            Set(zip(route, route.dropFirst()).filter { $0.y == $1.y && min($0.x, $1.x) <= x && x <= max($0.x, $1.x) }.map(\.0.y))
        }
        #expect(rowsAt(column, shared.routes[3]) == rowsAt(column, shared.routes[4]) && rowsAt(column, shared.routes[3]).count == 1)
        #expect(rowsAt(column, separate.routes[3]) != rowsAt(column, separate.routes[4]))
    }

    @Test func barycentreSweepsRemoveAvoidableCrossings() throws {
        // Id order puts a above b, but a feeds the lower consumer: the sweeps swap them.
        let sizes = Array(repeating: Size(width: 3, height: 3), count: 4)
        let edges = [DAGEdge(from: 0, to: 2), DAGEdge(from: 1, to: 2), DAGEdge(from: 0, to: 3), DAGEdge(from: 1, to: 3)]
        let crossed = try DAGLayout(sizes: sizes, edges: [DAGEdge(from: 0, to: 3), DAGEdge(from: 1, to: 2)])
        #expect(crossed.crossings == 0)
        #expect(crossed.layers[1] == [3, 2])
        // K2,2 cannot be drawn without one crossing.
        #expect(try DAGLayout(sizes: sizes, edges: edges).crossings == 1)
    }
}

/// A drawing's size is bounded: x+x+…+x with 5,000 terms asked for 12 million layer
/// crossings (20 s, 2.6 GB); past `DAGLayout.maxCrossings` the layout refuses with the
/// number, at once.
@Suite struct DAGLayoutLimitTests {
    /// Node 0 feeds every node of a chain 1 → 2 → … → n: edge 0 → k crosses k − 1 layers.
    static func fan(_ n: Int) -> (sizes: [Size], edges: [DAGEdge]) {
        let sizes = [Size](repeating: Size(width: 3, height: 3), count: n + 1)
        var edges = (1..<n).map { DAGEdge(from: $0, to: $0 + 1) }
        edges += (1...n).map { DAGEdge(from: 0, to: $0) }
        return (sizes, edges)
    }

    @Test func aDrawingPastTheLimitIsRefusedWithItsSize() throws {
        let (sizes, edges) = Self.fan(1000)
        let crossings = (1...1000).reduce(0) { $0 + max(0, $1 - 1) }
        #expect(crossings > DAGLayout.maxCrossings)
        #expect(throws: DAGLayoutError.tooLarge(crossings: crossings, limit: DAGLayout.maxCrossings)) {
            try DAGLayout(sizes: sizes, edges: edges)
        }
        let (small, smallEdges) = Self.fan(100)
        #expect(try DAGLayout(sizes: small, edges: smallEdges).frames.count == 101)
    }

    /// Where one wire turns off a row and another turns onto it, their tracks are not in
    /// adjacent columns, nor with only another wire's vertical between: `h2 ──┘┌── 0.5`
    /// read as h2 going on into the bias's weight, `x2 ──┤│└── −0.111` as x2 into w21's;
    /// nor next to the column where a gate's inputs converge (`w2 ──┤├ (w1·x21)`); and two
    /// wires sharing a track leave a row between them where they turn opposite ways (not
    /// `┘` right above `┌`). Random
    /// layered graphs, every row; without the gaps the same graphs do have such turns, and
    /// the gapless drawing is the same but narrower.
    @Test func wiresTurningOnOneRowAreKeptApart() throws {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        /// The cells where a route comes in along a row and turns (its horizontal ends
        /// there), and where one turns onto a row and leaves to the right.
        func turns(_ layout: DAGLayout) -> (ends: [Point: Int], starts: [Point: Int]) {
            var ends: [Point: Int] = [:], starts: [Point: Int] = [:]
            for (e, route) in layout.routes.enumerated() where route.count > 2 {
                for k in 1..<(route.count - 1) {
                    let (before, p, after) = (route[k - 1], route[k], route[k + 1])
                    if before.y == p.y && before.x < p.x && after.x == p.x { ends[p] = layout.edges[e].from }
                    if before.x == p.x && after.y == p.y && after.x > p.x { starts[p] = layout.edges[e].from }
                }
            }
            return (ends, starts)
        }
        /// Turns side by side (┘┌), or with only another wire's vertical between (┤│└).
        func adjacentTurns(_ layout: DAGLayout) -> Int {
            let (ends, starts) = turns(layout)
            var vertical = Set<Point>()
            for route in layout.routes {
                for (a, b) in zip(route, route.dropFirst()) where a.x == b.x && a.y != b.y {
                    for y in (min(a.y, b.y) + 1)..<max(a.y, b.y) { vertical.insert(Point(x: a.x, y: y)) }
                }
            }
            // Different wires' verticals in one column, one ending right above where the other
            // starts, turning the other way (┘ over ┌).
            var runs: [Int: [(lo: Int, hi: Int, source: Int, top: Int, bottom: Int)]] = [:]
            for (e, route) in layout.routes.enumerated() {
                for k in route.indices.dropFirst().dropLast() where route[k].x == route[k + 1].x && route[k].y != route[k + 1].y {
                    // The turn at each end: the horizontal before or after it, left (−1) or right (+1).
                    let (a, b) = (route[k], route[k + 1])
                    let atA = (route[k - 1].x - a.x).signum(), atB = k + 2 < route.count ? (route[k + 2].x - b.x).signum() : 1
                    let (top, bottom) = a.y < b.y ? (atA, atB) : (atB, atA)
                    runs[a.x, default: []].append((min(a.y, b.y), max(a.y, b.y), layout.edges[e].from, top, bottom))
                }
            }
            let stacked = runs.values.reduce(0) { count, column in
                count + column.filter { upper in
                    column.contains { $0.source != upper.source && $0.lo == upper.hi + 1 && $0.top != upper.bottom }
                }.count
            }
            // The column where a grown borderless gate's inputs converge (┐├┘), on its rows.
            var converging = Set<Point>()
            for (node, frame) in layout.frames.enumerated() where frame.height > 1 && sizes[node].height == 1 {
                for y in frame.y..<frame.maxY { converging.insert(Point(x: frame.x - 1, y: y)) }
            }
            return ends.filter { p, source in
                let next = Point(x: p.x + 1, y: p.y), afterNext = Point(x: p.x + 2, y: p.y)
                return starts[next].map { $0 != source } ?? false
                    || (vertical.contains(next) && starts[afterNext].map { $0 != source } ?? false)
                    || (converging.contains(next) && !layout.edges.contains { $0.from == source && layout.frames[$0.to].x == next.x + 1 })
            }.count + stacked
        }
        var sizes: [Size] = []
        var gapped = 0, withoutGaps = 0, narrower = 0
        for _ in 0..<200 {
            let count = 6 + next(10)
            sizes = (0..<count).map { _ in Size(width: 3 + next(4), height: [1, 3, 4][next(3)]) }
            var edges: [DAGEdge] = []
            for to in 1..<count {
                for from in Set((0..<(1 + next(3))).map { _ in next(to) }).sorted() { edges.append(DAGEdge(from: from, to: to)) }
            }
            // Tracks centred in the channel (the default), and next to the sources, as the
            // circuit view draws them.
            let layout = try DAGLayout(sizes: sizes, edges: edges,
                                       options: .init(minimumChannelWidth: 2 + next(4), tracksNearSources: next(2) == 0))
            gapped += adjacentTurns(layout)
            if let tight = layout.touchingOtherGates() ?? layout.withoutTurnGaps() {
                narrower += 1
                withoutGaps += adjacentTurns(tight)
                #expect(tight.size.width < layout.size.width && tight.size.height == layout.size.height)
                #expect(tight.frames.map(\.y) == layout.frames.map(\.y))
            }
        }
        #expect(gapped == 0)
        #expect(withoutGaps > 0 && narrower > 0)
    }
}
