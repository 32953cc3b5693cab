import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// `update` for every action of the key map, as values.
@Suite struct UpdateTests {
    @Test func nextTakesOneStep() throws {
        let start = try state()
        let next = update(start, .next)
        #expect(start.stepper.position == 0)  // the old state is untouched
        #expect(next.stepper.position == 1)
        #expect(next.stepper.graph.value(of: NodeID(3)) == 3)  // q = x + y
        #expect(next.progress.valueKnown == [true, true, true, true, false])
        #expect(next.progress.active == NodeID(3))
    }

    @Test func nextAtTheEndSaysSo() throws {
        let end = update(try state(), .toEnd)
        let after = update(end, .next)
        #expect(after.stepper.position == end.stepper.count)
        #expect(after.message == "This is the end. ← steps back, r restarts, q quits.")
    }

    @Test func backUndoesExactly() throws {
        let one = update(update(try state(), .next), .next)
        let back = update(one, .back)
        #expect(back.stepper.position == 1)
        #expect(back.stepper.graph.values == update(try state(), .next).stepper.graph.values)
        let atStart = update(try state(), .back)
        #expect(atStart.stepper.position == 0)
        #expect(atStart.message == "This is the start. → takes the first step.")
    }

    @Test func phases() throws {
        let forwardDone = update(try state(), .finishPhase)
        #expect(forwardDone.stepper.position == 2)  // forward q, forward f
        #expect(forwardDone.stepper.graph.value(of: NodeID(4)) == -12)
        // Start → end in two: the seed belongs to the backward pass.
        let backwardDone = update(forwardDone, .finishPhase)
        #expect(backwardDone.stepper.isAtEnd)
        #expect(backwardDone.stepper.graph.grads == [-4, -4, 3, -4, 1])
        let rewound = update(backwardDone, .rewindPhase)
        #expect(rewound.stepper.position == 2)
        #expect(update(rewound, .rewindPhase).stepper.isAtStart)
    }

    @Test func restartAndEnd() throws {
        let end = update(try state(), .toEnd)
        #expect(end.stepper.isAtEnd)
        #expect(end.stepper.count == 8)
        let restarted = update(end, .restart)
        #expect(restarted.stepper.position == 0)
        #expect(restarted.stepper.graph.grads == [0, 0, 0, 0, 0])
        #expect(update(end, .jump(to: 4)).stepper.position == 4)
        #expect(update(end, .jump(to: 99)).stepper.position == 8)
    }

    @Test func edgeSteppingKeepsTheWorkDone() throws {
        // After "backward f" (step 4 of 8): in edge steps that is both edges of f done.
        let atBackwardF = update(try state(), .jump(to: 4))
        let edges = update(atBackwardF, .toggleEdgeStepping)
        #expect(edges.granularity == .edge)
        #expect(edges.stepper.count == 10)  // f and q have two edges each
        #expect(edges.stepper.position == 5)
        #expect(edges.stepper.graph.grads == atBackwardF.stepper.graph.grads)
        #expect(edges.message == "Backward pass: one edge per step (each += on its own).")
        // One edge into q done: back in node steps that is before "backward q".
        let oneEdge = update(edges, .next)
        #expect(oneEdge.stepper.lastStep == .backwardEdge(NodeID(3), position: 0))
        let nodes = update(oneEdge, .toggleEdgeStepping)
        #expect(nodes.granularity == .node)
        #expect(nodes.stepper.position == 4)
        #expect(update(update(oneEdge, .next), .toggleEdgeStepping).stepper.position == 5)
    }

    @Test func selection() throws {
        let start = try state()
        let first = update(start, .selectNext)
        // Nothing active yet: the focus is the next step's node, q; Tab moves on to f.
        #expect(first.selection == NodeID(4))
        #expect(update(first, .selectNext).selection == NodeID(0))
        #expect(update(first, .selectPrevious).selection == NodeID(3))
        #expect(update(start, .selectPrevious).selection == NodeID(2))
        let cleared = update(first, .dismiss)
        #expect(cleared.selection == nil)
        #expect(update(first, .next).selection == nil)  // a step returns to explaining the step
    }

    /// Four leaves summed, then a chain of thirteen gates: wider and taller than a 60×16
    /// screen's graph pane at every detail.
    static let longChain = (["a = 1", "b = 2", "c = 3", "d = 4", "n1 = sum(a, b, c, d)"]
        + (2...14).map { "n\($0) = n\($0 - 1) * 2" }).joined(separator: "\n")

    @Test func panningStaysInsideTheDrawing() throws {
        let small = try state(Self.longChain, title: "chain.graph", size: Size(width: 60, height: 16))
        let viewport = small.panes.graphViewport
        let drawing = small.scene.size
        #expect(small.scene.detail == .symbols)  // the least detail, and still too wide
        #expect(drawing.width > viewport.width && drawing.height > viewport.height)
        let maxX = drawing.width - viewport.width, maxY = max(0, drawing.height - viewport.height)
        #expect(small.offset.x == 0)  // at the start the view shows the first gate
        let right = update(small, .pan(dx: 4, dy: 0))
        #expect(right.offset == Point(x: min(4, maxX), y: small.offset.y))
        let farRight = (0..<100).reduce(right) { state, _ in update(state, .pan(dx: 4, dy: 0)) }
        #expect(farRight.offset.x == maxX)
        let down = update(farRight, .pan(dx: 0, dy: 2))
        #expect(down.offset.y == min(maxY, small.offset.y + 2))
        let left = (0..<100).reduce(down) { state, _ in update(state, .pan(dx: -4, dy: 0)) }
        #expect(left.offset.x == 0)
        let big = try state()
        #expect(update(big, .pan(dx: 4, dy: 2)).offset == .zero)  // everything is in view
    }

    /// `g` switches a graph with neurons between the circuit and the flow diagram; a graph
    /// without says why it has no flow diagram.
    @Test func gSwitchesViews() throws {
        let neuron = try state("param w = 2\nx = 3\nparam b = -1\nz = sum(w * x, b)\nf = sigmoid(z)", title: "neuron.graph")
        #expect(neuron.graphView == .circuit && neuron.flow != nil)
        let flow = update(neuron, .toggleGraphView)
        #expect(flow.showsFlow)
        #expect(flow.drawnLayout.frames.count == 3)  // x, the bias 1, the neuron (w and b ride on edges)
        #expect(update(flow, .toggleGraphView).graphView == .circuit)
        let plain = update(try state(), .toggleGraphView)
        #expect(plain.graphView == .circuit)
        #expect(plain.message == "No neurons here (an activation of a weighted sum) for the flow view to draw.")
        // Whole on the hint line at 80 columns, which it has to itself until the next key.
        let narrow = update(try state(size: Size(width: 80, height: 24)), .toggleGraphView)
        #expect(picture(view(narrow)).contains("No neurons here (an activation of a weighted sum) for the flow view to draw."))
    }

    /// The flow diagram has three details: where the full one (value and gradient on
    /// every line, weights named on the edges) does not fit, the brief one (one number a
    /// line, the weights' numbers alone); where that does not fit either, the brief one
    /// without the weights on its edges (the Step pane has them), which is narrow enough
    /// for the 2-2-1 network whole at 80×24.
    @Test func theBriefFlowDiagramWhereTheFullOneDoesNotFit() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let size = Size(width: 100, height: 30)
        // Part 1 fits whole: the full diagram on a wide screen, the brief one beside the
        // decision map at 100×30 (the lesson speaks of the map's band).
        let wide = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: Size(width: 160, height: 48))
        #expect(wide.showsFlow && wide.flow?.brief == false && wide.panes.side != nil && wide.choice.fits)
        let steps = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: size)
        #expect(steps.showsFlow && steps.flow?.brief == true && steps.panes.side != nil && steps.choice.fits)
        let learns = try TutorState(subject: .lesson(lesson), part: 1, theme: .monochrome(), size: size)
        // Each detail with its wires' turns kept apart, then (where that costs width) without.
        #expect(learns.showsFlow && Set(learns.flows.map { "\($0.brief) \($0.labelled)" }).count == 3)
        let full = try #require(learns.flows.first { !$0.brief }), brief = try #require(learns.flows.first { $0.brief && $0.labelled })
        let bare = try #require(learns.flows.first { !$0.labelled })
        #expect(full.labelled)
        #expect(brief.size.width < full.size.width - 30)  // 91 columns, not 125
        #expect(bare.size.width < brief.size.width - 25)  // 61
        #expect(learns.flow?.brief == true && learns.flow?.labelled == true && learns.choice.fits)
        let screen = picture(view(learns))
        #expect(screen.contains("0.133 ─┬▶") && !screen.contains("w11 0.133"))
        #expect(screen.contains("weights on the edges; value; backward pass: ∇ = ∂loss/∂node"))
        let narrow = try TutorState(subject: .lesson(lesson), part: 1, theme: .monochrome(), size: Size(width: 80, height: 24))
        #expect(narrow.flow?.labelled == false && narrow.choice.fits)
        let small = picture(view(narrow))
        #expect(!small.contains("0.133 ─") && small.contains("weights in the Step pane"))
    }

    /// A fold draws a node twice (its ↪ stub), but the Step pane lists it once and Tab
    /// selects it once.
    @Test func aFoldsStubsAreNotNodesOfTheirOwn() throws {
        let lesson = try LessonFixtures.lesson("chains")
        let state = try TutorState(subject: .lesson(lesson), part: 2, theme: .monochrome(), size: Size(width: 80, height: 24))
        #expect(state.scene.stubCount > 0)
        let leaves = Inspector(state: state).lines().map(\.text).first { $0.hasPrefix("Leaves:") } ?? ""
        #expect(leaves.components(separatedBy: "y = 5").count == 2, "\(leaves)")
        var selecting = state
        var seen: [NodeID] = []
        for _ in state.scene.graphNodes.indices {
            selecting.apply(.selectNext)
            if let id = selecting.selection { seen.append(id) }
        }
        #expect(Set(seen).count == seen.count && seen.count == state.scene.graphNodes.count)
        // The upper band says where o3 goes on (↓, a cell apart: `?↓` would read as one
        // word), the lower band starts again from it (↪). (One number a node: the drawing
        // with room on its wires for the backward pass's labels.)
        let screen = picture(view(state))
        #expect(state.scene.labelRoom && state.scene.detail == .brief)
        #expect(screen.contains("· o3 ? ↓") && screen.contains("↪· o3 ?"))
        // And the legend says so, at 80 columns too.
        #expect(screen.contains("to do  ↓ goes on at ↪ · value"))
    }

    /// A long chain with a value and a gradient on each node wraps into three bands where
    /// two bands hold one number a node (sigmoid-neuron part 1 at 100×30): each cut
    /// crossed by one wire, every node and the output in view, `den`'s value and gradient
    /// on screen in the backward pass. At 80×24, where the text panes would be short of
    /// rows, two bands of one number each, as before.
    @Test func aLongChainWrapsIntoThreeBands() throws {
        let lesson = try LessonFixtures.lesson("sigmoid-neuron")
        var wide = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: Size(width: 100, height: 30))
        #expect(wide.scene.foldCuts.count == 2 && wide.scene.detail == .line && wide.scene.stubCount == 2 && wide.choice.fits)
        #expect(wide.panes.textRows >= Panes.textRowsWanted)
        wide.apply(.jump(to: 12))  // backward through ex
        let screen = picture(view(wide))
        #expect(screen.contains("▶ ex 0.368 ∇−0.534") && screen.contains("den (1+) 1.368 ∇−0.534") && screen.contains("f 0.731 ∇1"))
        #expect(screen.contains("↪✓ d 1 ∇?") || screen.contains("↪· d 1 ∇?"))
        #expect(LayoutBaselineTests.inView(wide) == (13, true))
        let narrow = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: Size(width: 80, height: 24))
        #expect(narrow.scene.foldCuts.count == 1 && narrow.scene.detail == .brief && narrow.choice.fits)
        // A network, whose cuts many wires cross, is not folded in three (softmax part 1).
        let softmax = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 0, theme: .monochrome(),
                                     size: Size(width: 100, height: 30))
        #expect(softmax.scenes.allSatisfy { $0.foldCuts.count < 2 })
    }

    /// A leaf whose every wire crosses the fold (xor's b3, read by ξ3 alone) is drawn once,
    /// in the lower band beside its gate, where its stub would be: not in the upper band
    /// with no wire, then again as a stub. Its wire runs straight into the gate.
    @Test func aLeafOfTheLowerBandIsDrawnThereOnce() throws {
        let lesson = try LessonFixtures.lesson("xor")
        var state = try TutorState(subject: .lesson(lesson), part: 1, theme: .monochrome(), size: Size(width: 100, height: 30))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        let scene = state.scene, graph = state.stepper.graph
        #expect(scene.stubCount > 0)
        let b3 = try #require(graph.id(named: "b3").flatMap(scene.layoutNode))
        let xi3 = try #require(graph.id(named: "ξ3").flatMap(scene.layoutNode))
        #expect(scene.movedBelow == [b3])
        #expect(scene.nodes.filter { $0 == scene.nodes[b3] }.count == 1)
        let frames = scene.layout.frames
        let upper = scene.graphNodes.indices.filter { scene.layout.layer[$0] < scene.layout.layer[b3] && !scene.movedBelow.contains($0) }
        #expect(upper.allSatisfy { frames[$0].maxY <= frames[b3].y })
        #expect(frames[b3].maxX < frames[xi3].x && frames[xi3].y <= frames[b3].y && frames[b3].y < frames[xi3].maxY)
    }

    /// A leaf of the lower band with two wires across the fold (bce-neuron's y, read by
    /// −y and by 1 − y, at 80×24) is drawn once: its second wire branches off its first
    /// (`┬`, a cell from its text whatever its number, so it does not move from step to
    /// step), not from a second `↪ y` stub with no `↓` for it anywhere.
    @Test func aLeafOfTheLowerBandWithTwoWiresIsDrawnOnce() throws {
        let lesson = try LessonFixtures.lesson("bce-neuron")
        var state = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: Size(width: 80, height: 24))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        let scene = state.scene, graph = state.stepper.graph
        let y = try #require(graph.id(named: "y").flatMap(scene.layoutNode))
        #expect(scene.stubCount > 0 && scene.movedBelow == [y])
        #expect(scene.nodes.filter { $0 == scene.nodes[y] }.count == 1)
        let wires = scene.layout.edges.indices.filter { scene.layout.edges[$0].from == y }
        #expect(wires.count == 2 && Set(wires.map { scene.layout.routes[$0].first }).count == 1)
        let screen = picture(view(state))
        #expect(screen.contains("✓ y 1      ─┬─") && !screen.contains("↪✓ y"))
        // Its `┬` at the same column while y's number changes.
        func branchColumn(_ text: String) -> Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains(" y ") && $0.contains("┬") }),
                  let at = line.firstIndex(of: "┬") else { return nil }
            return line.distance(from: line.startIndex, to: at)
        }
        let column = branchColumn(screen)
        #expect(column != nil)
        for step in [18, 21] { #expect(branchColumn(picture(view(update(state, .jump(to: step))))) == column, "step \(step)") }
    }

    /// Where a fold's title has no room for both legends, `↓ goes on at ↪` goes before the
    /// marks (`▶ this step` …), which the Step pane's words say too: xor part 1's circuit at
    /// 100×30 is folded beside the decision map, and its `↪` stubs went unexplained.
    @Test func aNarrowFoldKeepsItsLegend() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        #expect(state.scene.stubCount > 0 && state.choice.side)
        let title = graphTitle(state, width: state.panes.graph.width - 4)
        #expect(title.contains("↓ goes on at ↪") && !title.contains("this step"), "\(title)")
        #expect(picture(view(state)).contains("┌ Graph · ↓ goes on at ↪ · value"))
    }

    /// At the symbols detail an unnamed gate shows its symbol, `(×)`, but its stub in the
    /// lower band shows its name: no wire there says which product it repeats; the legend
    /// explains `↓` and `↪`. And a circuit
    /// drawing in one band is taken before a fold, even without the side pane.
    @Test func aStubIsNamedAmongSymbols() throws {
        let lesson = try LessonFixtures.lesson("polynomial-fit")
        var state = try TutorState(subject: .lesson(lesson), part: 3, theme: .monochrome(), size: Size(width: 106, height: 70))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        #expect(state.scene.detail == .symbols && state.scene.stubCount > 0)
        let screen = picture(view(state))
        #expect(screen.contains("· (×) ?   ↓") && screen.contains("↪· (v21·h1) ?"))
        // The legend says what the two marks mean; a drawing in one band has no such line.
        #expect(screen.contains("to do  ↓ goes on at ↪ · value"))
        #expect(!picture(view(update(state, .toggleGraphView))).contains("goes on at"))
        // Part 1 at 100×30 seven steps in: its graph fits in one band alone, and in two
        // bands beside the loss chart; the one band wins.
        var fit = try TutorState(subject: .lesson(lesson), part: 0, theme: .monochrome(), size: Size(width: 100, height: 30))
        if fit.graphView == .flow { fit = update(fit, .toggleGraphView) }
        fit.apply(.jump(to: 7))
        #expect(fit.scene.stubCount == 0 && fit.choice.fits && !fit.choice.side)
    }

    /// The most detailed drawing that fits is shown: CS231n's boxes at 100×30, one line a
    /// node at 80×24 (the boxes need 16 rows of the 14 the graph pane may take).
    @Test func theDetailFitsTheScreen() throws {
        let big = try state()
        #expect(big.scene.detail == .box)
        let resized = update(big, .resize(Size(width: 80, height: 24)))
        #expect(resized.scene.detail == .line)
        #expect(resized.scene.size.height <= resized.panes.graphViewport.height)
        #expect(resized.scene.size.width <= resized.panes.graphViewport.width)
        let tiny = update(big, .resize(Size(width: 60, height: 16)))
        #expect(tiny.scene.size.width <= tiny.panes.graphViewport.width)
    }

    @Test func theViewFollowsTheActiveNode() throws {
        let small = try state(size: Size(width: 60, height: 16))
        let f = try #require(small.scene.layoutNode(of: NodeID(4)))
        let forwardF = update(small, .jump(to: 2))
        let frame = forwardF.scene.layout.frames[f]
        #expect(forwardF.offset.y <= frame.y && frame.maxY <= forwardF.offset.y + 4 + 1)
        let panned = update(forwardF, .pan(dx: 0, dy: 8))
        #expect(update(panned, .recenter).offset == forwardF.offset)
    }

    @Test func scrollingLongText() throws {
        // At the smallest size, 60×16, the Lesson pane under the Step pane has one row: the
        // multiply gate's two lines of narration scroll by one.
        let lesson = try chainRuleLesson()
        let s = update(try TutorState(subject: .lesson(lesson), theme: .monochrome(), size: Panes.minimum), .jump(to: 2))
        #expect(!s.isOnPage)
        #expect(s.textOverflow == 1)
        let down = update(s, .scrollText(3))
        #expect(down.textScroll == 1)  // no further than the text goes
        #expect(update(down, .scrollText(-9)).textScroll == 0)
        let before = view(s).trimmedLines.joined(separator: "\n")
        #expect(!before.contains("pass is done."))
        let text = view(down).trimmedLines.joined(separator: "\n")
        #expect(text.contains("pass is done."))
        #expect(text.contains(" ↑ "))
        // A step, or a screen, starts at the top again. The page before the backward pass
        // (five lines) has the text panes' rows to itself and reads whole.
        let page = update(down, .next)
        #expect(page.isOnPage && page.textScroll == 0 && page.textOverflow == 0)
        #expect(view(page).trimmedLines.joined(separator: "\n").contains("Chain rule: gradient = upstream gradient × local"))
        #expect(update(try state(), .scrollText(3)).textScroll == 0)  // nothing to scroll
    }

    @Test func partsOpenByBrackets() throws {
        let lesson = try #require(LessonLibrary.standard().load("perceptron").lesson)
        let s = try TutorState(subject: .lesson(lesson), theme: .monochrome(), size: Size(width: 100, height: 30))
        let second = update(update(s, .jump(to: 5)), .nextPart)
        #expect(second.part == 1 && second.stepper.isAtStart && second.screen == 0)
        #expect(second.message == "Part 2 of 6: OR")
        #expect(update(s, .previousPart).message == "This is the first part." && update(s, .previousPart).part == 0)
        let last = update(update(update(update(update(second, .nextPart), .nextPart), .nextPart), .nextPart), .nextPart)
        #expect(last.part == 5 && last.message == "This is the last part.")
        #expect(update(try state(), .nextPart).message == "There is one part: r restarts it.")
    }

    @Test func aWindowTooSmallTakesOnlyResizeAndQuit() throws {
        let small = update(try state(), .resize(Size(width: 40, height: 12)))
        #expect(small.panes.isTooSmall)
        for action: Action in [.next, .toEnd, .finishPhase, .jump(to: 5), .selectNext, .toggleHelp] {
            let after = update(small, action)
            #expect(after.stepper.position == 0 && after.selection == nil && !after.helpVisible, "\(action)")
        }
        #expect(update(small, .quit).quitRequested)
        #expect(update(update(small, .resize(Size(width: 80, height: 24))), .next).stepper.position == 1)
    }

    /// Every input goes through the one `update`: a key becomes its action, the clock
    /// drives autoplay, a resize re-fits the panes, Ctrl-C leaves whatever waits.
    @Test func everyInputIsOneUpdate() throws {
        let start = try state()
        #expect(update(start, .key(.right)).stepper.position == 1)  // → is next
        #expect(update(start, .key(.character("z"))).stepper.position == 0 && update(start, .key(.character("z"))).message == nil)
        #expect(update(start, .key(.character("q"))).isLeaving)
        let interrupted = update(start, .interrupt)
        #expect(interrupted.interrupted && interrupted.isLeaving && !interrupted.quitRequested)
        // Resized, the state is drawn at its new size: `view` takes no size of its own.
        let resized = update(start, .resize(Size(width: 80, height: 24)))
        #expect(resized.size == Size(width: 80, height: 24) && view(resized).size == resized.size)
        // The clock advances only under autoplay, and only when it is due.
        #expect(update(start, .tick(now: 100)).stepper.position == 0)
        var playing = start
        playing.startAutoplay(interval: 1, now: 0)
        #expect(update(playing, .tick(now: 0.5)).stepper.position == 0)
        #expect(update(playing, .tick(now: 1)).stepper.position == 1)
        // The terminal's own events are inputs of their own.
        #expect(Input(.resize, terminalSize: Size(width: 90, height: 25)) == .resize(Size(width: 90, height: 25)))
        #expect(Input(.interrupt, terminalSize: Size(width: 90, height: 25)) == .interrupt)
        #expect(Input(.left, terminalSize: Size(width: 90, height: 25)) == .key(.left))
    }

    @Test func help() throws {
        let shown = update(try state(), .toggleHelp)
        #expect(shown.helpVisible)
        #expect(!update(shown, .toggleHelp).helpVisible)
        #expect(!update(shown, .dismiss).helpVisible)
        #expect(update(shown, .resize(Size(width: 80, height: 24))).helpVisible)
        let stepped = update(shown, .next)
        #expect(!stepped.helpVisible)
        #expect(stepped.stepper.position == 1)
    }

    @Test func resize() throws {
        let resized = update(try state(), .resize(Size(width: 80, height: 24)))
        #expect(resized.size == Size(width: 80, height: 24))
        // The one-line drawing's 5 rows and the border; the text panes share the rest.
        #expect(resized.panes.graph == Rect(x: 0, y: 1, width: 80, height: 7))
        #expect(resized.panes.inspector == Rect(x: 0, y: 8, width: 44, height: 15))
        #expect(resized.panes.narration == Rect(x: 44, y: 8, width: 36, height: 15))
        #expect(resized.panes.hints == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func quit() throws {
        let start = try state()
        #expect(!start.quitRequested)
        #expect(update(start, .quit).quitRequested)
    }

    @Test func everyBindingHasAnEffect() throws {
        // Each binding's action changes the state somewhere mid-backward on a small screen
        // (so panning can move), except where the test above says why not.
        var mid = update(try state(Self.longChain, size: Size(width: 60, height: 16)), .jump(to: 20))
        // Away from every edge of the drawing, so each pan direction can move.
        let viewport = mid.panes.graphViewport, drawing = mid.drawnLayout.size
        #expect(drawing.width >= viewport.width + 4 && drawing.height >= viewport.height + 2)
        mid.offset = Point(x: 2, y: 1)
        for binding in KeyMap.standard.bindings {
            let after = update(mid, binding.action)
            let changed = after.stepper.position != mid.stepper.position || after.granularity != mid.granularity
                || after.selection != mid.selection || after.offset != mid.offset || after.helpVisible != mid.helpVisible
                || after.quitRequested || after.message != nil
            // Already centred, nothing selected, the text fits.
            let exempt: Set<Action> = [.recenter, .dismiss, .scrollText(3), .scrollText(-3)]
            #expect(changed || exempt.contains(binding.action), "\(binding.help)")
        }
    }
}
