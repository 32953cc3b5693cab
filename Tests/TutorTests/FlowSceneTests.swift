import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// How the flow diagram lays out what is not a neuron: the loss and the nodes leading to
/// it (the head), and a target that only the loss reads.
@Suite struct FlowSceneTests {
    func state(_ name: String, part: Int, size: Size = Size(width: 100, height: 30)) throws -> TutorState {
        try TutorState(subject: .lesson(LessonFixtures.lesson(name)), part: part, theme: .monochrome(), size: size)
    }

    /// Where the pane has the room and every arrow into the loss's lines can be drawn
    /// without a crossing, they have a box of their own beside the output neuron's, titled
    /// "loss", so that they do not read as the neuron's (polynomial-fit part 2 at 100×30:
    /// f feeds ε alone). Else the output neuron's box, titled "σ, then loss", takes them:
    /// bce-neuron's ŷ feeds log(ŷ) and 1 − ŷ, and beside it a box of their own would need an
    /// arrow to each (one to (1 − ŷ) alone read as all ŷ fed), which cross y's. At 100×30
    /// under the divider; at 80×24, which has no row for it, without, and whole.
    @Test(arguments: [("bce-neuron", 0, 100, 30, "ruled"), ("bce-neuron", 0, 80, 24, "hosted"), ("bce-neuron", 1, 100, 30, "ruled"),
                      ("bce-neuron", 1, 80, 24, "hosted"), ("polynomial-fit", 1, 100, 30, "apart")])
    func theLossHasItsOwnBoxOrIsRuledOff(lesson: String, part: Int, width: Int, height: Int, drawing: String) throws {
        let state = try state(lesson, part: part, size: Size(width: width, height: height))
        let flow = try #require(state.flow)
        let output = state.stepper.plan.tape.output
        let box = try #require(flow.layoutNode(of: output))
        #expect(state.showsFlow && state.choice.fits)
        #expect(flow.hostsHead == (drawing != "apart"))
        #expect((flow.elements[box] == .head) == (drawing == "apart"))
        #expect((flow.boxes[box]?.divider != nil) == (drawing == "ruled"))
        if lesson == "bce-neuron" { #expect(flow.boxes[box]?.lines.count == 10) }
        if drawing == "apart" {
            #expect(flow.layout.crossings == 0)
            // An arrow from each value outside into each line that reads it.
            let lines = try #require(flow.boxes[box]?.lines)
            let readers = lines.flatMap { line in
                state.stepper.graph.inputs(of: line).filter { !lines.contains($0) && flow.layoutNode(of: $0) != nil }
            }
            #expect(flow.layout.edges.filter { $0.to == box }.count == readers.count)
        }
        // The box's title says what it holds: "loss" apart, else "σ, then loss".
        var buffer = Buffer(size: flow.size)
        buffer.render(FlowPane(state: state, flow: flow), in: buffer.area)
        let frame = flow.layout.frames[box]
        let top = (frame.x..<frame.maxX).map { buffer[$0, frame.y].symbol }.joined()
        #expect(top.hasPrefix(drawing == "apart" ? "┌ loss ─" : "┌ σ, then loss ─"), "\(top)")
    }

    /// The head's box is titled "loss" only where the output is named as one; the hosting
    /// neuron's "σ, then loss" only where its border has the room.
    @Test func theHeadsTitleSaysLossOnlyForALoss() {
        #expect(["L", "ℓ", "loss", "train_loss"].allSatisfy { FlowScene.headTitle($0) == "loss" })
        #expect(["out", "f", "y_hat"].allSatisfy { FlowScene.headTitle($0) == nil })
    }

    /// XOR part 2 at its end, beside the training views: the side pane gives up the
    /// columns the diagram needs to keep its wires' turns apart (`x2 ──┤ └┿▶`, not
    /// `──┤└┿▶`, which reads as x2 running on into ξ2's first arrow): the drawing shown is
    /// the first without weights, with its gaps, not its narrower twin without them.
    @Test func theTrainedXorKeepsItsWiresTurnsApart() throws {
        var xor = try state("xor", part: 1)
        xor.apply(.jump(to: xor.stepper.count))
        #expect(xor.showsFlow && xor.choice.fits && xor.panes.side != nil)
        #expect(xor.choice.flow == xor.flows.firstIndex { !$0.labelled })
    }

    /// XOR part 2: one neuron feeds the loss, so its box holds ξ3, f, then (f−y) and
    /// loss; the target y sits in the column before that box, not with the inputs.
    @Test func oneNeuronsBoxTakesTheLoss() throws {
        let xor = try state("xor", part: 1)
        let flow = try #require(xor.flow)
        let graph = xor.stepper.graph
        func id(_ name: String) throws -> NodeID { try #require(graph.ids.first { flow.names[$0.index] == name }) }
        let box = try #require(flow.layoutNode(of: id("f")))
        #expect(try flow.boxes[box]?.lines == [id("ξ3"), id("f"), id("(f−y)"), id("loss")])
        #expect(flow.elements.contains(.head) == false)
        let y = try #require(flow.layoutNode(of: id("y"))), x1 = try #require(flow.layoutNode(of: id("x1")))
        #expect(flow.layout.layer[x1] == 0 && flow.layout.layer[y] == flow.layout.layer[box] - 1)
        // The three terms' arrows arrive on the neuron's rows (ξ3, f and one more), a
        // divider follows, then (f−y), where y's arrow arrives, and loss.
        #expect(flow.boxes[box]?.divider == 3)
        #expect(try flow.lineSlot(of: id("(f−y)"))?.row == 4 && flow.lineSlot(of: id("loss"))?.row == 5)
        let arrivals = flow.layout.edges.indices.filter { flow.layout.edges[$0].to == box }
            .map { (flow.layout.edges[$0].from, flow.layout.arrivalRow(of: $0).map { $0 - flow.layout.frames[box].y }) }
        #expect(arrivals.first { $0.0 == y }?.1 == 1 + 4)
        #expect(arrivals.filter { $0.0 != y }.allSatisfy { ($0.1 ?? 0) <= 3 })
    }

    /// In the diagram without weights on its edges, a step about an edge (v1's gradient,
    /// a product) names it in the title of the box it leads into, after the box's symbol,
    /// `┌ σ ▶ h1 → ξ3`, `┌ u ▶ x1 →` where the box is narrow (not `┌ ▶ σ`, which says the
    /// activation is applied, nor `┌ ▶ v1`, which names the box v1). Where the edges carry
    /// labels, the edge's label has the ▶ and the box's title none.
    @Test func anEdgeStepMarksItsBox() throws {
        var narrow = try state("xor", part: 1, size: Size(width: 80, height: 24))
        narrow.apply(.jump(to: 33))
        let active = try #require(narrow.progress.active)
        #expect(narrow.flow?.labelled == false && narrow.flow?.edgeOf[active.index] != nil)
        #expect(narrow.stepper.graph.name(of: active) == "v1")
        let screen = picture(view(narrow))
        #expect(screen.components(separatedBy: "┌ σ ▶ h1 → ξ3 ").count == 2 && !screen.contains("┌ ▶ σ"), "\(screen)")
        var gates = try state("perceptron", part: 4, size: Size(width: 80, height: 24))
        gates.apply(.jump(to: 2))
        #expect(gates.flow?.labelled == false && picture(view(gates)).contains("┌ u ▶ x1 → "), "\(picture(view(gates)))")
        var labelled = try state("xor", part: 0, size: Size(width: 100, height: 30))
        labelled.apply(.jump(to: 2))
        let drawn = picture(view(labelled))
        #expect(labelled.flow?.labelled == true && labelled.progress.active.map { labelled.flow?.edgeOf[$0.index] != nil } == true)
        #expect(drawn.contains("▶ −1 ") && !drawn.contains("┌ ▶"), "\(drawn)")
    }

    /// Softmax part 2: three scores feed the loss, which gets a box of its own; where no
    /// drawing shows that box whole, a drawing splits it into columns of at most
    /// `headRows` lines (too wide for 80×24, where a last one collapses it).
    @Test func aHeadOfItsOwnSplitWhereTall() throws {
        let wide = try state("softmax", part: 1)
        let flow = try #require(wide.flow)
        let head = try #require(flow.elements.firstIndex(of: .head))
        #expect(flow.boxes[head]?.lines.count == 15 && flow.boxes[head]?.columns.count == 1)
        #expect(wide.choice.fits && wide.flow?.labelled == true)
        let narrow = try state("softmax", part: 1, size: Size(width: 80, height: 24))
        let split = try #require(narrow.flows.first { $0.boxes.contains { ($0?.columns.count ?? 0) > 1 } })
        #expect(narrow.flows.filter { $0.boxes.contains { ($0?.columns.count ?? 0) > 1 } }.allSatisfy {
            $0.size.width > narrow.panes.graphViewport.width
        })
        let box = try #require(split.elements.firstIndex(of: .head))
        #expect(split.boxes[box]?.columns.count == 2 && split.boxes[box]?.rows == FlowScene.headRows)
        #expect(split.layout.frames[box].height <= narrow.panes.graphViewport.height)
        let last = try #require(split.boxes[box]?.lines.last)
        #expect(split.lineSlot(of: last)?.row == 6 && (split.lineSlot(of: last)?.x ?? 0) > 0)
    }

    /// Softmax part 2 at 80×24: the loss box collapsed to a window of its lines around
    /// the one the pass is at, over L, under a blank row where the arrows arrive, fits the
    /// pane whole, so the output is in view at
    /// every step rather than panned away; the title says which lines show. Each step about
    /// a head node shows that node, with the numbers the graph holds, as every frame of
    /// the audit checks.
    @Test func aCollapsedHeadKeepsTheOutputInView() throws {
        var narrow = try state("softmax", part: 1, size: Size(width: 80, height: 24))
        let flow = try #require(narrow.flow)
        #expect(flow.headWindow == FlowScene.headRows && narrow.choice.fits && flow.size.width <= narrow.panes.graphViewport.width)
        let box = try #require(flow.elements.firstIndex(of: .head))
        let lines = try #require(flow.boxes[box]?.lines)
        // A blank row where every arrow arrives (at a line of the window, lnp_cat, they read
        // as feeding it), seven lines, a dotted rule, L.
        #expect(flow.layout.frames[box].height == 2 + 1 + FlowScene.headRows + 1)
        let into = flow.layout.edges.indices.filter { flow.layout.edges[$0].to == box }
        #expect(!into.isEmpty && into.allSatisfy { flow.layout.routes[$0].last?.y == flow.layout.frames[box].y + 1 })
        #expect(flow.lineSlots(of: box, at: narrow.progress, selection: nil).map(\.slot.row) == Array(1...7) + [9])
        let output = narrow.stepper.plan.tape.output
        #expect(lines.count == 15 && lines.last == output)
        // Before the pass, the first lines.
        #expect(flow.shownLines(of: box, at: narrow.progress, selection: nil) == Array(lines[0..<7]) + [output])
        #expect(picture(view(narrow)).contains("┌ loss, lines 1–7/15 "))
        var seen: Set<NodeID> = []
        for point in 1...narrow.stepper.count {
            narrow.apply(.jump(to: point))
            #expect(LayoutBaselineTests.inView(narrow).output, "step \(point)")
            guard let active = narrow.progress.active, lines.dropLast().contains(active) else { continue }
            let window = try #require(flow.headWindowLines(at: narrow.progress, selection: nil))
            let position = try #require(lines.firstIndex(of: active))
            // The active line in the window, with the lines it reads where they fit in one
            // (p_cat's exp_s_cat and Z), else in its middle where the lines either side allow.
            #expect(window.count == 7 && window.contains(position), "step \(point)")
            let reads = narrow.stepper.graph.inputs(of: active).compactMap { lines.firstIndex(of: $0) }
            let span = ((reads + [position]).max() ?? position) - ((reads + [position]).min() ?? position)
            if span < 7 {
                #expect(reads.allSatisfy(window.contains), "step \(point)")
            } else {
                #expect(window.lowerBound == max(0, min(position - 3, 14 - 7)), "step \(point)")
            }
            #expect(flow.shownLines(of: box, at: narrow.progress, selection: nil) == Array(lines[window]) + [output])
            // The title names the box and the window's lines (and the output under the
            // rule, line 15, where they run on to it).
            let title = "loss, lines \(window.lowerBound + 1)–\(window.upperBound == 14 ? 15 : window.upperBound)/15"
            #expect(picture(view(narrow)).contains("┌ \(title) "), "step \(point)")
            seen.insert(active)
        }
        #expect(seen == Set(lines.dropLast()))
        // A line selected with Tab shows, whatever the step.
        let sum = try #require(lines.first { flow.names[$0.index] == "lnp_y" })
        narrow.apply(.select(sum))
        #expect(flow.shownLines(of: box, at: narrow.progress, selection: narrow.selection) == Array(lines[7..<14]) + [output])
        #expect(picture(view(narrow)).contains("┌ loss, lines 8–15/15 "))
        // The smallest window, for a pane with fewer rows: the line in focus over L.
        let smallest = try #require(narrow.flows.first { $0.headWindow == FlowScene.smallestWindow })
        #expect(smallest.layout.frames[box].height == 2 + 1 + FlowScene.smallestWindow + 1)
        #expect(smallest.shownLines(of: box, at: narrow.progress, selection: sum) == [sum, output])
        // The titles count the output under the rule.
        #expect(FlowScene.windowTitle(13..<14, of: 15) == "lines 14–15 of 15")
        #expect(FlowScene.windowTitle(3..<4, of: 15) == "lines 4, 15 of 15")
        #expect(FlowScene.windowTitle(0..<7, of: 15) == "lines 1–7, 15 of 15")
        // Named where the box's border has room at every window.
        #expect(FlowScene.windowTitle(0..<7, of: 15, box: "loss") == "loss, lines 1–7/15")
        #expect(FlowScene.windowTitle(3..<4, of: 15, box: "loss") == "loss, line 4/15")
        #expect(FlowScene.windowTitle(13..<14, of: 15, box: "loss") == "loss, lines 14–15/15")
    }

    /// Softmax part 2 at 80×24: in the drawing shown the arrows into a score come together
    /// at its one line, as the slides' arrowheads do, so each score's box is 3 rows, not 4.
    /// The drawing, one row taller than a panned pane's share, gets all its rows: every
    /// input of the loss box is in view with it, s_cat as exp_s_cat is computed.
    @Test func joinedArrowsKeepTheScoresShort() throws {
        var narrow = try state("softmax", part: 1, size: Size(width: 80, height: 24))
        let flow = try #require(narrow.flow)
        #expect(flow.joined && !flow.labelled)
        let graph = narrow.stepper.graph
        func id(_ name: String) throws -> NodeID { try #require(graph.ids.first { flow.names[$0.index] == name }) }
        let score = try #require(flow.layoutNode(of: id("s_car")))
        #expect(flow.layout.frames[score].height == 3)
        let arrivals = flow.layout.edges.indices.filter { flow.layout.edges[$0].to == score }
            .compactMap { flow.layout.arrivalRow(of: $0).map { $0 - flow.layout.frames[score].y } }
        #expect(arrivals == [1, 1])
        #expect(narrow.choice.fits && narrow.panes.graphViewport.height == flow.size.height)
        // The share is 11 rows at 80×24: 12 keep theirs, 13 are panned in 11.
        let screen = Size(width: 80, height: 24)
        #expect(SceneChoice.pannedHeight(12, screen: screen) == 12 && SceneChoice.pannedHeight(13, screen: screen) == 11)
        let expScat = try id("exp_s_cat")
        for point in 1...narrow.stepper.count where narrow.focus != expScat { narrow.apply(.jump(to: point)) }
        #expect(narrow.focus == expScat && narrow.stepper.graph.values[expScat.index] > 24.5)
        let shown = picture(view(narrow))
        #expect(shown.contains("▶│✓ s_cat 3.2    │") && shown.contains("▶ exp_s_cat 24.533"))
    }

    /// Two-layer-relu part 3 at 100×30: the diagram without weights is 18 rows, which
    /// leaves the Step and Lesson panes 8; with each neuron's arrows joined it is 12, and
    /// they get 14, enough for a backward step through a three-term sum whole. Where the
    /// text has its rows anyway (xor part 2 at 100×30, its weights on the edges), nothing
    /// changes.
    @Test func aTallDiagramJoinsItsArrowsToLeaveTheTextItsRows() throws {
        let wide = try state("two-layer-relu", part: 2, size: Size(width: 100, height: 30))
        let flow = try #require(wide.flow)
        #expect(wide.choice.fits && flow.joined && !flow.labelled && flow.size.height == 12)
        #expect(wide.panes.textRows == 14 && Panes.textRowsWanted == 10)
        let unjoined = try #require(try FlowScene(graph: wide.stepper.graph, scene: wide.scenes[0], notation: wide.notation,
                                                  brief: true, labelled: false))
        #expect(unjoined.size.height == 18)
        // The backward step through the sum u3 of three terms, with its next step's preview.
        var stepped = wide
        let u3 = try #require(stepped.stepper.graph.id(named: "u3"))
        while stepped.stepper.lastStep != .backward(u3) { stepped.apply(.next) }
        #expect(!picture(view(stepped)).contains("↓ more"))
        let xor = try state("xor", part: 1, size: Size(width: 100, height: 30))
        #expect(xor.flow?.labelled == true && xor.flow?.joined == false)
    }

    /// BCE part 2: the target y is read by two lines of the output neuron's box, (−y) and
    /// (1−y); an arrow from y arrives at each (a neuron feeding several lines keeps one).
    @Test func aTargetPointsAtEveryLineThatReadsIt() throws {
        let bce = try state("bce-neuron", part: 1)
        let flow = try #require(bce.flow)
        let graph = bce.stepper.graph
        func id(_ name: String) throws -> NodeID { try #require(graph.ids.first { flow.names[$0.index] == name }) }
        let y = try #require(flow.layoutNode(of: id("y"))), box = try #require(flow.layoutNode(of: id("ŷ")))
        let arrivals = flow.layout.edges.indices.filter { flow.layout.edges[$0].from == y && flow.layout.edges[$0].to == box }
            .compactMap { flow.layout.arrivalRow(of: $0).map { $0 - flow.layout.frames[box].y } }
        let readers = try ["(−y)", "(1−y)"].map { try #require(flow.lineSlot(of: id($0))?.row).advanced(by: 1) }
        #expect(arrivals.sorted() == readers)
    }

    /// Where a neuron's weights are written on their edges, a row each, the arrows of its
    /// terms come together at its first line, ξ, as the slides' arrowheads do: one
    /// arrowhead (`─┬▶` over `─┤` and `─┘`), so the arrow on the row of h does not read
    /// as an edge into h; a linear unit's too, where the pane has the columns (its second
    /// arrow would otherwise point at a blank row). With or without the weights on the
    /// edges. Checked in every bundled part's flow diagram at step 0, at both sizes; xor
    /// part 1 by its rows.
    @Test func theTermsArrowsMeetAtTheNeuronsFirstLine() throws {
        var checked = 0, linearUnitsMeeting = 0, withoutWeights = 0
        for (name, part, size, state, flow, buffer) in try Self.flowDiagramsAtStepZero() {
            guard state.choice.fits, !flow.joined else { continue }
            for (index, element) in flow.elements.enumerated() {
                guard case .neuron(let neuron) = element else { continue }
                let into = flow.layout.edges.indices.filter { flow.layout.edges[$0].to == index && flow.terms[$0] != nil }
                let twoLines = flow.structure.neurons[neuron].lines.count > 1
                guard into.count > 1, twoLines || flow.meetings[into[0]] != nil else { continue }
                #expect(into.allSatisfy { flow.meetings[$0] == 1 }, "\(name) part \(part + 1) \(size)")
                let frame = flow.layout.frames[index]
                // (A target's arrow into a line of the loss under the divider keeps its own.)
                let rows = Set(into.compactMap { flow.layout.routes[$0].last?.y } + [frame.y + 1])
                let heads = rows.sorted().filter { buffer[frame.x - 1, $0].symbol == "▶" }
                #expect(heads == [frame.y + 1], "\(name) part \(part + 1) \(size): arrowheads at \(heads)")
                checked += 1
                if !twoLines { linearUnitsMeeting += 1 }
                if !flow.labelled { withoutWeights += 1 }
            }
        }
        #expect(linearUnitsMeeting >= 4)
        #expect(checked >= 10)
        // Without the weights too, where the arrows keep a row each (perceptron part 5 at
        // 80×24, whose second arrows pointed at n1, a1, a2 and f).
        #expect(withoutWeights >= 4)
        let xor = try state("xor", part: 0, size: Size(width: 80, height: 24))
        let shown = picture(view(xor))
        for row in ["── −1 ─┬▶│· ξ1 ? ∇?", "── −1 ─┤ │· h1 ? ∇?", "── 0.5 ─┘ │", "── −1.5 ─┘ │"] {
            #expect(shown.contains(row), "\(row)")
        }
    }

    /// Every bundled part's flow diagram at step 0 (the part opened in the flow view), at
    /// both sizes, drawn alone at its own size.
    static func flowDiagramsAtStepZero() throws
        -> [(name: String, part: Int, size: Size, state: TutorState, flow: FlowScene, buffer: Buffer)] {
        var diagrams: [(name: String, part: Int, size: Size, state: TutorState, flow: FlowScene, buffer: Buffer)] = []
        for name in ScreenAuditTests.lessons {
            let lesson = try LessonFixtures.lesson(name)
            for part in lesson.parts.indices {
                for size in ScreenAuditTests.sizes {
                    var state = try TutorState(subject: .lesson(lesson), part: part, theme: .monochrome(), size: size)
                    if state.graphView == .circuit { state = update(state, .toggleGraphView) }
                    guard state.showsFlow, let flow = state.flow else { continue }
                    var buffer = Buffer(size: flow.size)
                    buffer.render(FlowPane(state: state, flow: flow), in: buffer.area)
                    diagrams.append((name, part, size, state, flow, buffer))
                }
            }
        }
        return diagrams
    }

    /// A line of the loss's box that reads two values outside it (perceptron part 6's
    /// `(y_off·s_off)`, linear-regression's δ1), and a neuron whose arrows do not meet in
    /// the column before it (two-layer-relu part 1's u1 at 100×30, a column short), take
    /// each arrow after the first into the first's arrowhead, turning up in its column
    /// (`─▶` over `─┤` and `─┘`), not into h's row or a blank one, where it fed h or nothing.
    /// Every bundled part at step 0, both sizes.
    @Test func aSecondArrowIntoALossLineTurnsIntoItsArrowhead() throws {
        var checked = 0
        for (name, part, size, _, flow, buffer) in try Self.flowDiagramsAtStepZero() {
            guard !flow.arrowheadMeetings.isEmpty else { continue }
            for (e, row) in flow.arrowheadMeetings {
                let end = try #require(flow.layout.routes[e].last)
                let line = flow.layout.frames[flow.layout.edges[e].to].y + row
                // (The first arrow runs straight into its arrowhead.)
                guard end.y != line else { continue }
                // The lowest of them turns with a ┘, any above it meets the line with a ┤.
                let lowest = !flow.arrowheadMeetings.contains { other, otherRow in
                    flow.layout.edges[other].to == flow.layout.edges[e].to && otherRow == row
                        && (flow.layout.routes[other].last?.y ?? 0) > end.y
                }
                #expect(end.y > line, "\(name) part \(part + 1)")
                #expect(buffer[end.x, line].symbol == "▶" && buffer[end.x, end.y].symbol == (lowest ? "┘" : "┤"),
                        "\(name) part \(part + 1) \(size): \(buffer[end.x, line].symbol)\(buffer[end.x, end.y].symbol)")
                checked += 1
            }
        }
        #expect(checked >= 8)
        let perceptron = picture(view(try state("perceptron", part: 5)))
        #expect(perceptron.contains("└▶│· (y_off·s_off) ? ∇?") && perceptron.contains("└──┘│"), "\(perceptron)")
        let relu = picture(view(try state("two-layer-relu", part: 0)))
        #expect(relu.contains("── 1 ─▶│· u1 ?") && relu.contains("── −2 ─┘│"), "\(relu)")
    }

    /// Edge by edge, a step from a ξ back along one of its edges marks that edge, its label
    /// and its line, as a step through the edge's own product does: bce part 2's two steps
    /// from z showed the same diagram.
    @Test func anEdgeStepFromAXiMarksItsEdge() throws {
        var bce = try TutorState(subject: .lesson(LessonFixtures.lesson("bce-neuron")), part: 1, theme: .monochrome(),
                                 size: Size(width: 100, height: 30), granularity: .edge)
        let z = try #require(bce.stepper.graph.id(named: "z"))
        var pictures: [String] = []
        for position in 0..<2 {
            for _ in 0..<100 where bce.stepper.lastStep != .backwardEdge(z, position: position) { bce.apply(.next) }
            #expect(bce.showsFlow && bce.stepper.lastStep == .backwardEdge(z, position: position))
            let flow = try #require(bce.flow)
            let input = bce.stepper.graph.input(of: z, at: position)
            let edge = try #require(flow.edgeOf[input.index])
            #expect(FlowPane(state: bce, flow: flow).emphasizedEdges() == [edge])
            pictures.append(picture(view(bce)))
        }
        #expect(pictures[0].contains("─ ▶ 1 ─┬▶│▶ z ∇−0.587") && !pictures[0].contains("▶ −1 ─┘"), "\(pictures[0])")
        #expect(pictures[1].contains("─ ▶ −1 ─┘") && !pictures[1].contains("▶ 1 ─┬▶"), "\(pictures[1])")
    }

    /// Without the weights on its edges a diagram needs no row per arrow: each neuron's
    /// arrows are joined at its first line (xor part 2's end at 100×30, where x2's arrow
    /// pointed at h1 and h2's at f), except where joining is taller or more than a column
    /// wider (polynomial-fit part 2's features x, x², x³ and 1, a row each).
    @Test func withoutWeightsTheArrowsAreJoinedWhereThatCostsNoRoom() throws {
        var xor = try state("xor", part: 1)
        xor.apply(.jump(to: xor.stepper.count))
        let flow = try #require(xor.flow)
        #expect(xor.showsFlow && xor.choice.fits && !flow.labelled && flow.joined)
        for (index, element) in flow.elements.enumerated() {
            guard case .neuron = element else { continue }
            let rows = Set(flow.layout.edges.indices.filter { flow.layout.edges[$0].to == index && flow.terms[$0] != nil }
                .compactMap { flow.layout.arrivalRow(of: $0).map { $0 - flow.layout.frames[index].y } })
            #expect(rows == [1])
        }
        var poly = try state("polynomial-fit", part: 1)
        poly.apply(.jump(to: poly.stepper.count))
        let features = try #require(poly.flow)
        #expect(poly.showsFlow && !features.labelled && !features.joined)
        let joined = try #require(try FlowScene(graph: poly.stepper.graph, scene: poly.scenes[0], notation: poly.notation,
                                                brief: true, labelled: false, joined: true))
        #expect(joined.size.width > features.size.width + 1)
    }
}
