import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// The compact circuit drawings: one-line boxes stacked without blank rows between, tried
/// after the spaced one-line drawings with names and before the symbols, so that a network
/// too tall for the pane (perceptron part 6, XOR part 2) shows each node's inputs with it.
@Suite struct CompactSceneTests {
    func state(_ name: String, part: Int, size: Size) throws -> TutorState {
        let opened = try TutorState(subject: .lesson(LessonFixtures.lesson(name)), part: part, theme: .monochrome(), size: size)
        return opened.graphView == .circuit ? opened : update(opened, .toggleGraphView)
    }

    /// A gate drawn as its value over its symbol over its gradient, `∇?` (perceptron part 3's
    /// w·x among boxes) takes its wires without an arrowhead, "├─(×)─": the active mark
    /// "▶" beside its value is the only ▶ at the gate, and its value and gradient stand a
    /// cell clear of the corners where its input wires turn ("┐ ▶ 0", not "┐▶ 0", which
    /// reads as a number on that wire). The Step pane says the gate is drawn (×).
    @Test func aGatesWiresRunIntoItsSymbol() throws {
        let gate = update(try state("perceptron", part: 2, size: Size(width: 100, height: 30)), .jump(to: 2))
        let rows = picture(view(gate)).split(separator: "\n").map(String.init)
        let symbol = try #require(rows.firstIndex { $0.contains("(×)") })
        #expect(rows[symbol].contains("├─(×)─") && !rows[symbol].contains("▶(×)"), "\(rows[symbol])")
        #expect(rows[symbol - 1].contains("┐ ▶ 0"), "\(rows[symbol - 1])")
        #expect(rows[symbol + 1].contains("┘  ∇?"), "\(rows[symbol + 1])")
        #expect(gate.textLayout.inspector.first?.text == "Forward: compute (w·x), drawn\u{00A0}(×)")
    }

    /// In a compact drawing a gate's input ports lie on the rows around its content row; a
    /// wire that passes the content row on its way runs straight in, rather than down to
    /// its port and back up (`──┐├` over `└┘`, which reads as a loop).
    @Test func wiresRunStraightIntoTheGateTheyReach() throws {
        for (name, part) in [("xor", 1), ("bce-neuron", 0), ("perceptron", 5)] {
            for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
                var walk = try state(name, part: part, size: size)
                for step in 0...30 {
                    walk.apply(.jump(to: step))
                    let rows = picture(view(walk)).split(separator: "\n").map(Array.init)
                    for (upper, lower) in zip(rows, rows.dropFirst()) {
                        for x in 0..<max(0, min(upper.count, lower.count) - 1) {
                            let loop = upper[x] == "┐" && upper[x + 1] == "├" && lower[x] == "└" && lower[x + 1] == "┘"
                            #expect(!loop, "\(name) part \(part + 1) step \(step) at \(size): \(String(upper))")
                        }
                    }
                }
            }
        }
    }

    /// No wire is drawn through another node's box (the cells it writes: a one-line node's text
    /// row, not its frame's blank rows), where the box would hide it: the
    /// straight run into a gate is taken only where nothing stands in its way (perceptron
    /// 6's max → L ran through the true class's score, leaving L's input starting from empty space).
    /// Every bundled part, in the drawing each of five screen sizes shows, whole.
    @Test func noWireRunsThroughABox() throws {
        let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                     Size(width: 160, height: 48), Size(width: 60, height: 20)]
        var checked = 0
        for name in ScreenAuditTests.lessons {
            let lesson = try LessonFixtures.lesson(name)
            for part in lesson.parts.indices {
                for size in sizes {
                    let state = try self.state(name, part: part, size: size)
                    let dag = GraphPane(state: state).content().0
                    let area = Rect(x: 0, y: 0, width: dag.layout.size.width, height: dag.layout.size.height)
                    let whole = DAGView(layout: dag.layout, nodes: dag.nodes, glyphs: dag.glyphs)
                    for e in dag.layout.edges.indices {
                        let edge = dag.layout.edges[e]
                        let route = whole.drawnRoute(of: e, in: area)
                        for (a, b) in zip(route, route.dropFirst()) {
                            let cells = a.y == b.y ? (min(a.x, b.x)...max(a.x, b.x)).map { Point(x: $0, y: a.y) }
                                : (min(a.y, b.y)...max(a.y, b.y)).map { Point(x: a.x, y: $0) }
                            for node in dag.layout.frames.indices where node != edge.from && node != edge.to {
                                let frame = whole.drawnFrame(of: node, in: area)
                                #expect(!cells.contains { frame.contains($0) }, "\(name) part \(part + 1) at \(size): edge \(edge.from)→\(edge.to) through node \(node)")
                            }
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    /// The order a student would want: names before blank rows, blank rows before symbols.
    @Test func namesGoLastOfAll() {
        let order = GraphScene.detailOrder.map { "\($0.0)\($0.compact ? "·" : "")" }
        #expect(order == ["box", "line", "brief", "line·", "brief·", "symbols", "symbols·"])
    }

    /// A compact drawing has the same boxes, no two one-line boxes of a layer a blank row
    /// apart, and is shorter than the spaced drawing of its detail.
    @Test func noBlankRowBetweenBoxes() throws {
        let xor = try state("xor", part: 1, size: Size(width: 100, height: 30))
        for detail in [GraphScene.Detail.line, .brief, .symbols] {
            let spaced = try #require(xor.scenes.first { $0.detail == detail && !$0.compact && $0.stubCount == 0 })
            let compact = try #require(xor.scenes.first { $0.detail == detail && $0.compact && $0.stubCount == 0 })
            #expect(compact.layout.frames.map(\.width) == spaced.layout.frames.map(\.width))
            #expect(compact.size.height < spaced.size.height, "\(detail): \(compact.size) vs \(spaced.size)")
            #expect(compact.size.height <= 15)
            let layers = Set(compact.layout.layer)
            for layer in layers {
                let frames = compact.layout.frames.indices.filter { compact.layout.layer[$0] == layer }
                    .map { compact.layout.frames[$0] }.sorted { $0.y < $1.y }
                for (upper, lower) in zip(frames, frames.dropFirst()) {
                    #expect(lower.y >= upper.maxY, "\(detail) layer \(layer): boxes overlap")
                }
            }
        }
    }

    /// Perceptron part 6 fits whole at 100×30 in the circuit view (it was panned, the output
    /// out of view); so does XOR part 2, folded, its bands meeting at their text rows (it
    /// was a row too tall), and it shows ξ3's three inputs with it when ξ3 is computed.
    /// Panned at 80×24, its fold keeps the blank row between the bands.
    @Test func theNetworksShowTheirContext() throws {
        let perceptron = try state("perceptron", part: 5, size: Size(width: 100, height: 30))
        #expect(perceptron.choice.fits && perceptron.scene.compact)
        var xor = try state("xor", part: 1, size: Size(width: 100, height: 30))
        let graph = xor.stepper.graph
        let xi3 = try #require(graph.ids.first { xor.scene.names[$0.index] == "ξ3" })
        while xor.stepper.lastStep?.node != xi3 { xor.apply(.next) }
        #expect(xor.scene.compact && xor.scene.bandsTouch && xor.choice.fits)
        let narrow = try state("xor", part: 1, size: Size(width: 80, height: 24))
        #expect(narrow.scene.stubCount > 0 && !narrow.scene.bandsTouch && !narrow.choice.fits)
        let area = xor.panes.graph.inset(by: 1)
        let frames = GraphPane.screenFrames(xor, in: area)
        for node in [xi3] + graph.inputs(of: xi3) {
            let inView = frames.contains {
                $0.node == node && $0.frame.x >= area.x && $0.frame.y >= area.y && $0.frame.maxX <= area.maxX && $0.frame.maxY <= area.maxY
            }
            #expect(inView, "\(xor.scene.names[node.index]) out of view")
        }
    }
}

/// Where the drawing that fits leaves the Step and Lesson panes short, a flow diagram
/// without weights is drawn with its arrows joined (`FlowSceneTests`); a circuit drawing
/// keeps the blank rows that hold its edge labels, and nothing changes beside the
/// training views, which are taller than the graph anyway.
@Suite struct DrawingTwinTests {
    @Test func theCircuitKeepsItsBlankRows() throws {
        let state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 0, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        #expect(!state.showsFlow && state.panes.textRows < Panes.textRowsWanted)
        #expect(!state.scene.compact && state.drawingTwins(state.choice.scene).isEmpty)
    }

    /// (Polynomial-fit part 2's features x, x², x³ and 1 keep a row each: joined, its
    /// diagram would be more than a column wider.)
    @Test func besideTheSidePaneTheDrawingKeepsItsRows() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("polynomial-fit")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        state.apply(.jump(to: state.stepper.count))
        let flow = try #require(state.flow)
        #expect(state.panes.side != nil && !flow.labelled && !flow.joined)
        #expect(!state.drawingTwins(state.choice.flow).isEmpty)
    }
}
