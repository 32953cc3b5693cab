import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// How every bundled lesson part is drawn: inputs left, and labels that never touch a box.
@Suite struct LessonDrawingTests {
    static let names = LessonLibrary.bundledNames

    /// Every part of a lesson at its start, in its own default view or in `view`.
    func parts(_ name: String, theme: Theme = .monochrome(), size: Size = Size(width: 100, height: 30),
               in view: GraphView? = nil) throws -> [TutorState] {
        let lesson = try LessonFixtures.lesson(name)
        let first = try TutorState(subject: .lesson(lesson), theme: theme, size: size)
        return try (0..<first.subject.partCount).map {
            let opened = try TutorState(subject: .lesson(lesson), part: $0, theme: theme, size: size)
            return view == nil || opened.graphView == view ? opened : update(opened, .toggleGraphView)
        }
    }

    /// DESIGN §5: inputs left, output right. Every input leaf is in the first column, every
    /// param in the column just left of its nearest gate (as a neuron's weights are drawn
    /// beside it), and so is a target (the y a loss compares with), and the output in the
    /// last column — in the layout every detail starts from (a fold into two bands then
    /// moves the right part below).
    @Test(arguments: names) func inputsInTheFirstColumn(_ name: String) throws {
        for state in try parts(name) {
            let scene = state.scenes[0]
            let graph = state.stepper.graph
            let frames = scene.layout.frames
            let layers = scene.layout.layer
            let firstX = frames.map(\.x).min() ?? 0
            let consumers = graph.consumers()
            let targets = GraphScene.targets(of: graph)
            for (index, id) in scene.nodes.enumerated() {
                let label = "\(name) part \(state.part + 1): \(scene.names[id.index])"
                switch graph.kind(of: id) {
                case .input where !targets.contains(id):
                    #expect(frames[index].x == firstX, "\(label)")
                case .param, .input:
                    let nearest = consumers[id.index].compactMap { scene.layoutNode(of: $0) }.map { layers[$0] }.min()
                    #expect(nearest.map { layers[index] == $0 - 1 } ?? true, "\(label)")
                default:
                    break
                }
            }
            let outputID = try #require(graph.output)
            let output = try #require(scene.layoutNode(of: outputID))
            #expect(frames[output].maxX == frames.map(\.maxX).max(), "\(name) part \(state.part + 1)")
        }
    }

    /// The targets are the inputs a loss compares with, and the gates computed from them
    /// alone; a graph without parameters has none (its inputs all sit on the left).
    @Test func targetsAreWhatOnlyTheLossReads() throws {
        func targets(_ name: String, part: Int) throws -> [String] {
            let state = try parts(name)[part]
            return GraphScene.targets(of: state.stepper.graph).map { state.scene.names[$0.index] }.sorted()
        }
        #expect(try targets("softmax", part: 1) == ["y_car", "y_cat", "y_frog"])
        #expect(try targets("bce-neuron", part: 0) == ["(1−y)", "(−y)", "y"])
        #expect(try targets("xor", part: 1) == ["y"])
        #expect(try targets("linear-regression", part: 0) == ["y1", "y2"])
        // x is read first through x², which c·x² reads: a feature, not a target.
        #expect(try targets("polynomial-fit", part: 0) == ["y"])
        #expect(try targets("chain-rule", part: 0) == [])
    }

    @Test func theChainRuleFigure() throws {
        let state = try #require(try parts("chain-rule").first)
        let frames = state.scene.layout.frames
        let x = frames[0], y = frames[1], z = frames[2], q = frames[3], f = frames[4]
        #expect([x.x, y.x, z.x] == [0, 0, 0])
        #expect(x.y < y.y && y.y < z.y)
        #expect(q.x > x.x && f.x > q.x)
    }

    /// A fan-out runs on one line before it branches: a label on that stretch would read as
    /// the wrong branch's. polynomial-fit part 1 at 100×30: x feeds (²), (³) and b's
    /// product on one line; the step back through (³) wrote ×3=0 on the stretch into (²).
    @Test func aLabelKeepsOffAFanOutsSharedLine() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("polynomial-fit")), theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        let graph = state.stepper.graph
        let cube = try #require(graph.ids.first { graph.op(of: $0) == .pow && graph.value(of: graph.input(of: $0, at: 1)) == 3 })
        for _ in 0..<200 where state.stepper.lastStep != .backward(cube) { state = update(state, .next) }
        #expect(state.stepper.lastStep == .backward(cube))
        let rows = picture(view(state)).split(separator: "\n")
        let square = try #require(rows.first { $0.contains("(²)") })
        #expect(!square.contains("×3"), "\(square)")
    }

    /// No wire ends beside a gate it does not feed, where its `┤` next to the gate's `├`
    /// reads as an input of that gate: every bundled part's circuit at its start, at
    /// 100×30 and 80×24, where a drawing fits whole (the drawings without turn gaps had
    /// `x2 ──┤├ (w21·x1)` in xor part 2 at 100×30; a panned one may still have it).
    @Test func noWireEndsBesideAGateItDoesNotFeed() throws {
        var whole = 0
        for name in Self.names {
            for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
                for state in try parts(name, size: size, in: .circuit) {
                    guard state.choice.fits else { continue }
                    whole += 1
                    let rows = picture(view(state)).split(separator: "\n").filter { $0.contains("┤├") }
                    #expect(rows.isEmpty, "\(name) part \(state.part + 1) at \(size): \(rows)")
                }
            }
        }
        #expect(whole > 40)
    }

    /// Where the pane has the room, the circuit's channels are widened for the backward
    /// pass's labels (`GraphScene.labelRoom`): at 80×24 every backward step of the chain
    /// rule writes each of its edges' whole labels, the upstream gradient times the local
    /// derivative and their product (`−4×1=−4`), on the edge's own line, as at 100×30
    /// (before, `×1` alone, or `×(−4)` above x's wire).
    @Test func atEightyColumnsTheChainRulesLabelsAreWhole() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("chain-rule")), theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        #expect(state.scene.labelRoom && state.scene.detail != .box)
        var checked = 0
        while !state.stepper.isAtEnd {
            state = update(state, .next)
            guard case .backward(let record)? = state.stepper.lastRecord else { continue }
            let rows = picture(view(state)).split(separator: "\n").map(String.init)
            for flow in record.flows {
                let label = GraphPane.edgeLabel(upstream: flow.upstream, local: flow.local, product: flow.product, notation: state.notation)
                let from = try #require(state.scene.layoutNode(of: flow.from))
                let into = state.scene.layout.edges.indices.filter { state.scene.layout.edges[$0].to == from }
                let onLine = into.contains { e in
                    guard let end = state.scene.layout.routes[e].last else { return false }
                    let row = GraphPane.drawingArea(for: state.scene.layout.size, in: state.panes.graph.inset(by: 1)).y + end.y - state.offset.y
                    return rows.indices.contains(row) && rows[row].contains("─ \(label.text) ")
                }
                #expect(onLine, "step \(state.stepper.position): \(label.text)\n\(rows.prefix(9).joined(separator: "\n"))")
                checked += 1
            }
        }
        #expect(checked == 4)  // into f from q and z, into q from x and y
    }

    /// The drawing starts on the graph pane's first row and ends on its last: none of its
    /// rows is blank at either end (a wire that turned into its gate early leaves the row
    /// its route went on to, `DAGView.trimmedLayout`) — every part's circuit at the
    /// start, at 100×30 and 80×24, where it fits.
    @Test(arguments: names) func noBlankRowAtTheDrawingsEdges(_ name: String) throws {
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            for state in try parts(name, size: size, in: .circuit) {
                let screen = view(state), inner = state.panes.graph.inset(by: 1)
                func drawn(_ row: Int) -> Bool { (inner.x..<inner.maxX).contains { screen[$0, row].symbol != " " } }
                #expect(drawn(inner.y), "\(name) part \(state.part + 1) at \(size)")
                let rows = state.scene.layout.size.height
                if state.choice.fits, rows <= inner.height { #expect(drawn(inner.y + rows - 1), "\(name) part \(state.part + 1) at \(size)") }
            }
        }
    }

    /// In a folded drawing, each `↓` stands by a node drawn in view whose value goes on in
    /// the lower band: right of its text, or just below its end, never for a node out of
    /// view (it would point at nothing) — every third step of every part's circuit's first
    /// pass, at 100×30 and 80×24.
    @Test(arguments: names) func aFoldsArrowStandsByItsNode(_ name: String) throws {
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            for start in try parts(name, size: size, in: .circuit) {
                for step in stride(from: 0, through: start.stepper.plan.stepsPerPass, by: 3) {
                    let state = update(start, .jump(to: step))
                    let scene = state.scene
                    guard scene.stubCount > 0 else { continue }
                    let screen = view(state), inner = state.panes.graph.inset(by: 1)
                    let area = GraphPane.drawingArea(for: scene.size, in: inner)
                    let dag = GraphPane(state: state).content().0
                    let sources = Set(scene.nodes.suffix(scene.stubCount).compactMap(scene.layoutNode))
                        .filter { !scene.movedBelow.contains($0) && dag.draws($0, in: area) }
                    for y in inner.y..<inner.maxY {
                        for x in inner.x..<inner.maxX where screen[x, y].symbol == "↓" {
                            let owner = sources.contains { source in
                                let frame = dag.screenFrame(of: source, in: area), row = frame.y + (frame.height - 1) / 2
                                return (y == row || y == row + 1) && (frame.maxX - 1...frame.maxX + 1).contains(x)
                                    || (y == row + 1 && x == min(frame.maxX, inner.maxX) - 1)
                            }
                            #expect(owner, "\(name) part \(state.part + 1) step \(step) at \(size): a ↓ at column \(x - inner.x), row \(y - inner.y)")
                        }
                    }
                }
            }
        }
    }

    /// An edge label (bold red) never touches a box: the cell after it is no left side of
    /// a box, the cell before it no right side; beside a wire, it stands between no two
    /// wires' runs (it would read as either's); nor does it hang over the gate its wires
    /// go into (a label much longer than its run beside which it stands ends where the run
    /// does): none on the rows by the gate's text within its columns — at every backward
    /// step of every part's first pass, in the circuit view, at 100×30 and 80×24.
    @Test(arguments: names) func labelsKeepClearOfBoxes(_ name: String) throws {
        for size in [Size(width: 100, height: 30), Size(width: 80, height: 24)] {
            for start in try parts(name, theme: .colored(), size: size, in: .circuit) {
                let labelStyle = start.theme(.gradient).bolded()
                var labels = 0
                for step in 1...start.stepper.plan.stepsPerPass {
                    let moved = update(start, .jump(to: step))
                    let screen = view(moved)
                    let graph = moved.panes.graph
                    for row in graph.y..<graph.maxY {
                        var x = graph.x
                        while x < graph.maxX {
                            guard screen[x, row].style == labelStyle else { x += 1; continue }
                            var end = x
                            while end < graph.maxX, screen[end, row].style == labelStyle { end += 1 }
                            labels += 1
                            // The pane's own border (its first and last column) is no box:
                            // a label may start or end at the window's edge when the view is
                            // panned.
                            let before = x - 1 > graph.x ? screen[x - 1, row].symbol : " "
                            let after = end < graph.maxX - 1 ? screen[end, row].symbol : " "
                            #expect(!["┐", "│", "┘", "┤"].contains(before), "\(name) part \(moved.part + 1) step \(step) at \(size)")
                            #expect(!["┌", "│", "└", "├"].contains(after), "\(name) part \(moved.part + 1) step \(step) at \(size)")
                            // Beside a wire (blank either side), never between two wires' runs:
                            // it would read as either's.
                            if before == " ", after == " " {
                                // (The pane's border is no wire.)
                                func runAcross(_ y: Int) -> Bool {
                                    y > graph.y && y < graph.maxY - 1
                                        && (x..<end).contains { ["─", "┬", "┴", "┼", "┿", "┌", "┐", "└", "┘"].contains(screen[$0, y].symbol) }
                                }
                                #expect(!(runAcross(row - 1) && runAcross(row + 1)), "\(name) part \(moved.part + 1) step \(step) at \(size): a label between two wires")
                            }
                            x = end
                        }
                    }
                    // (Every label of a step is on an edge into the gate it steps back through.)
                    let area = graph.inset(by: 1)
                    guard let focus = moved.focus,
                          let gate = GraphPane.screenFrames(moved, in: area).first(where: { $0.node == focus })?.frame else { continue }
                    let text = gate.y + (gate.height - 1) / 2
                    for y in [text - 1, text + 1] where (area.y..<area.maxY).contains(y) {
                        for x in max(gate.x, area.x)..<min(gate.maxX, area.maxX) {
                            #expect(screen[x, y].style != labelStyle, "\(name) part \(moved.part + 1) step \(step) at \(size): a label over \(moved.scene.names[focus.index])")
                        }
                    }
                }
                if name == "chain-rule" { #expect(labels == 4) }  // ×(−4)=−4 and ×3=3 at step 4, ×1=−4 twice at 5
            }
        }
    }
}
