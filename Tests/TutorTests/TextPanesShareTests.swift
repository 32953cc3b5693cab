import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// The Step and Lesson panes divide their row by what they hold (`Panes.sharingText`): as
/// usual where both texts fit, at the nearest division where both fit otherwise, as usual
/// again where none does.
@Suite struct TextPanesShareTests {
    let size = Size(width: 100, height: 30)

    func panes(_ inspector: [String], _ narration: [String]) -> (usual: Panes, shared: Panes) {
        let usual = Panes(size: size, graphHeight: 14)
        return (usual, usual.sharingText(inspector: inspector.map { Line($0) }, narration: narration.map { Line($0) }))
    }

    @Test func theUsualDivisionWhereBothFit() {
        let (usual, shared) = panes(["Forward: compute h1", "h1 = σ(ξ1) = σ(0.942) = 0.72"], ["Forward pass, left to right."])
        #expect(shared == usual)
        #expect(usual.inspector.width == 56)
    }

    /// A step whose lines just miss the Step pane's width takes columns from a short lesson
    /// text: the fewest that make it fit, in steps of `Panes.divisionStep`, so the division
    /// moves as little as it can, and a neighbouring step a word longer or shorter shares it.
    @Test func aLongStepTakesTheColumnsItNeeds() {
        let term = "∂loss/∂(v1·h1) = ∂loss/∂ξ3 · ∂ξ3/∂(v1·h1) = 0.266 · 1 = 0.266"  // 61 columns
        let (usual, shared) = panes(Array(repeating: term, count: 10), ["Chain rule at ξ3."])
        let rows = usual.inspector.height - 2
        #expect(Paragraph(Array(repeating: Line(term), count: 10)).height(forWidth: usual.inspector.width - 4) > rows)
        #expect(Panes.divisionStep == 4 && usual.inspector.width == 56)
        #expect(shared.inspector.width == 56 + 3 * 4)
        #expect(shared.inspector.width + shared.narration.width == 100 && shared.narration.x == shared.inspector.maxX)
        #expect(shared.graph == usual.graph && shared.inspector.height == usual.inspector.height)
        for neighbour in ["∂loss/∂(v1·h1) = ∂loss/∂ξ3 · ∂ξ3/∂(v1·h1) = 0.2661 · 1 = 0.266",  // 62 columns
                          "∂loss/∂(v1·h1) = ∂loss/∂ξ3 · ∂ξ3/∂(v1·h1) = 0.2661 · 1 = 0.2661"] {  // 63
            #expect(panes(Array(repeating: neighbour, count: 10), ["Chain rule at ξ3."]).shared.inspector.width == shared.inspector.width)
        }
    }

    @Test func noDivisionFitsBothSoNoneMoves() {
        let long = Array(repeating: "a line of text that is long enough to wrap once or twice in a pane of this size", count: 12)
        let (usual, shared) = panes(long, long)
        #expect(shared == usual)
    }

    /// XOR part 2 at 100×30: the backward step through ξ3 (a line a term) reads whole.
    @Test func theSumsBackwardStepReadsWhole() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: size)
        state.apply(.jump(to: 20))
        let panes = state.panes
        #expect(TextPane.overflow(state.inspectorPaneLines, in: panes.inspector) == 0)
        #expect(TextPane.overflow(Narrator(state: state).lines(), in: panes.narration) == 0)
        let screen = picture(view(state))
        #expect(!screen.contains("↓ more"))
    }

    /// Where the lesson has no words for a step, the generated sentence gives way to its
    /// short form where the whole would cut the Step pane's formulas: linear-regression
    /// part 1's circuit at 80×24, the backward step through w1·x21, reads whole with it.
    @Test func aGeneratedSentenceShortensForTheFormulas() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), part: 0, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        if state.showsFlow { state.apply(.toggleGraphView) }
        state.apply(.jump(to: 21))
        let narrator = Narrator(state: state)
        #expect(narrator.generated().hasPrefix("Chain rule at (w1·x21): the gradient arriving from the right"))
        #expect(narrator.versions().map { $0.map(\.text) } == [[narrator.generated()], [narrator.generated(brief: true)]])
        let layout = state.textLayout
        #expect(layout.narration.map(\.text) == [narrator.generated(brief: true)])
        #expect(narrator.generated(brief: true).hasPrefix("Chain rule at (w1·x21): upstream gradient · local derivative"))
        #expect(TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0)
        #expect(TextPane.overflow(layout.narration, in: layout.panes.narration) == 0)
        // The whole sentence would not fit beside these formulas at the division taken.
        let whole = narrator.lines()
        #expect(TextPane.overflow(whole, in: layout.panes.narration) > 0)
        // A step the lesson has words for keeps them whole: there is no short form.
        state.apply(.jump(to: 0))
        #expect(Narrator(state: state).versions().count == 1)
    }

    /// A step's later flows leave out the chain the first spelt out where rows are short:
    /// softmax part 2's flow diagram at 90×28, the backward step through lnp_y (three
    /// terms), reads whole with "∂L/∂(y_car·lnp_car) = (−1) · 1 = −1" under the first
    /// term's whole chain, and would be cut with every chain spelt out.
    @Test func laterFlowsLeaveOutTheChainTheFirstSpelt() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 1, theme: .monochrome(),
                                   size: Size(width: 90, height: 28))
        if !state.showsFlow { state.apply(.toggleGraphView) }
        state.apply(.jump(to: 28))
        let spelt = [
            "∂L/∂(y_cat·lnp_cat) = ∂L/∂lnp_y · ∂lnp_y/∂(y_cat·lnp_cat) = (−1) · 1 = −1",
            "∂L/∂(y_car·lnp_car) = ∂L/∂lnp_y · ∂lnp_y/∂(y_car·lnp_car) = (−1) · 1 = −1",
            "∂L/∂(y_frog·lnp_frog) = ∂L/∂lnp_y · ∂lnp_y/∂(y_frog·lnp_frog) = (−1) · 1 = −1",
        ]
        let whole = state.inspectorPaneText.lines.map(\.text)
        #expect(spelt.allSatisfy(whole.contains))
        let layout = state.textLayout
        let shown = layout.inspector.map(\.text)
        #expect(shown.contains(spelt[0]))
        #expect(shown.contains("∂L/∂(y_car·lnp_car) = (−1) · 1 = −1") && shown.contains("∂L/∂(y_frog·lnp_frog) = (−1) · 1 = −1"))
        #expect(!shown.contains(spelt[1]) && !shown.contains(spelt[2]))
        #expect(TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0)
        #expect(TextPane.overflow(layout.narration, in: layout.panes.narration) == 0)
        let sharing = state.graphPanes.sharingText(inspector: state.inspectorPaneText.lines, narration: layout.narration)
        #expect(TextPane.overflow(state.inspectorPaneText.lines, in: sharing.inspector) > 0)
    }

    /// Formulas that fit at no division beside the generated sentence take the whole row:
    /// softmax part 1 at 80×24, the backward step through Z, whose running sum for exp_cat
    /// was cut ("so far ∂L/∂exp_cat = −0.0408 +"). Where the lesson has words of its own
    /// for the step, the Lesson pane stays (the frame audit checks they are on screen).
    @Test func formulasTakeTheRowFromTheGeneratedSentence() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 0, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        if state.showsFlow { state.apply(.toggleGraphView) }
        let z = try #require(state.stepper.graph.id(named: "Z"))
        while state.stepper.lastStep != .backward(z) { state.apply(.next) }
        #expect(Narrator(state: state).isGenerated)
        let layout = state.textLayout
        #expect(layout.panes.narration.isEmpty && layout.narration.isEmpty)
        #expect(layout.inspector.map(\.text).contains("   so far ∂L/∂exp_cat = −0.0408 + 0.0053 = −0.0355"), "\(layout.inspector.map(\.text))")
        #expect(TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0)
        // Beside the sentence, at the division that suits both best, they were cut.
        let short = try #require(Narrator(state: state).versions().last)
        let sharing = state.graphPanes.sharingText(inspector: state.inspectorPaneText.versions.last?.lines ?? [], narration: short)
        #expect(TextPane.overflow(state.inspectorPaneText.versions.last?.lines ?? [], in: sharing.inspector) > 0)
        #expect(!picture(view(state)).contains("Lesson"))
        // The step after, whose formulas fit beside it, has its Lesson pane back.
        state.apply(.next)
        #expect(!state.textLayout.panes.narration.isEmpty)
    }

    /// At the end of a part, formulas cut beside the generated sentence take the whole
    /// row with the sentence under them (it says where the loss chart is): linear-regression
    /// part 1 at 80×24 showed "The graph shows row 1's pass, before its" and `↓ more`.
    @Test func theEndsFormulasTakeTheRowWithItsSentence() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), part: 0, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        state.apply(.jump(to: state.stepper.count))
        while state.isOnPage { state.apply(.back) }
        #expect(state.stepper.isAtEnd && Narrator(state: state).isGenerated)
        let layout = state.textLayout
        #expect(layout.panes.narration.isEmpty && layout.narration.isEmpty)
        let sentence = try #require(Narrator(state: state).lines().first?.text)
        let text = layout.inspector.map(\.text)
        #expect(text.contains("Trained weights: w1 = 1.2, w2 = −0.3") && text.contains(sentence), "\(text)")
        #expect(TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0)
        let screen = picture(view(state))
        #expect(!screen.contains("↓ more") && screen.contains("the loss chart"))
    }

    /// The end's short sentence, under the Step pane's "Done: forward and backward pass",
    /// says what the gradients mean rather than "Done" again (bce-neuron part 2 in the flow
    /// view at 80×24, where it takes the row with the formulas).
    @Test func theEndsShortSentenceDoesNotRepeatDone() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("bce-neuron")), part: 1, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        #expect(state.showsFlow)
        state.apply(.jump(to: state.stepper.count))
        while state.isOnPage { state.apply(.back) }
        let layout = state.textLayout
        #expect(layout.panes.narration.isEmpty)
        let text = layout.inspector.map(\.text).joined(separator: "\n")
        #expect(text.components(separatedBy: "Done").count == 2, "\(text)")
        #expect(text.contains("Each ∂ℓ/∂(leaf): how much ℓ changes when that leaf is nudged."), "\(text)")
    }

    /// XOR part 1's closing page at 80×24 (the proof's conclusion: "So we swap u(·) for a
    /// smooth σ(·).") does not fit beside the Step pane at any division: it takes the
    /// whole row and reads whole; the step's own screen before it keeps both panes, and
    /// a node selected with Tab brings the Step pane (then the Node pane) back.
    @Test func aPageTooLongToShareTheRowHasItAlone() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        state.apply(.jump(to: state.stepper.count))
        while !state.isOnLastScreen { state.apply(.next) }
        #expect(state.isOnPage)
        let panes = state.panes
        #expect(panes.inspector.isEmpty)
        #expect(panes.narration.width == 80 && panes.narration.y == state.graphPanes.inspector.y)
        let page = Narrator(state: state).lines()
        #expect(TextPane.overflow(page, in: state.graphPanes.sharingText(inspector: state.inspectorPaneLines, narration: page).narration) > 0)
        #expect(TextPane.overflow(page, in: panes.narration) == 0)
        let screen = picture(view(state))
        #expect(screen.contains("So we swap u(·) for a smooth σ(·).") && !screen.contains("↓ more") && !screen.contains("┌ Step"))
        state.apply(.selectNext)
        #expect(!state.panes.inspector.isEmpty)
    }

    /// A decision map alone beside the graph wants fewer rows than a map above a loss
    /// chart: perceptron part 1 (a map, no training) leaves the Step pane the rows its
    /// backward steps need; XOR part 2 (a map and a chart) keeps 18.
    @Test func aMapAloneLeavesTheTextItsRows() throws {
        var perceptron = try TutorState(subject: .lesson(LessonFixtures.lesson("perceptron")), part: 0, theme: .monochrome(), size: size)
        #expect(perceptron.sideRows == Panes.sideRowsForOne && perceptron.panes.side?.height == Panes.sideRowsForOne)
        for step in 0...perceptron.stepper.count {
            perceptron.apply(.jump(to: step))
            #expect(perceptron.textOverflow == 0, "step \(step)")
        }
        let xor = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: size)
        #expect(xor.sideRows == Panes.sideRowsForBoth)
    }
}

/// Where the Step pane is short of rows it leaves out what it can do without (the next
/// step's preview, then a rule said in other words) before it shows `↓ more`; with room
/// it keeps them.
@Suite struct PaneTextTests {
    func lines(_ text: PaneText) -> [String] { text.lines.map(\.text) }

    @Test func theNextStepGoesFirstThenWhatIsSaidElsewhere() throws {
        var text = PaneText([Line("header")])
        text.append(Line("rule"), expendable: PaneText.restated)
        text.append(Line("formula"))
        text.append(Line("next"), expendable: PaneText.nextStep)
        let quiz = text.below([Line("quiz")])
        #expect(lines(quiz) == ["quiz", "header", "rule", "formula", "next"])
        #expect(quiz.versions.map(lines) == [
            ["quiz", "header", "rule", "formula", "next"],
            ["quiz", "header", "rule", "formula"],
            ["quiz", "header", "formula", "next"],
            ["quiz", "header", "formula"],
        ])
    }

    /// A line standing in for a rank's lines shows only where they go, in their place, and
    /// goes first: the end's few gradients gather from a column into one paragraph before
    /// anything is left out.
    @Test func aStandInTakesTheColumnsPlace() throws {
        var text = PaneText([Line("Done")])
        text.append(Line("next"), expendable: PaneText.nextStep)
        text.append(Line("∂f/∂x = −4"), expendable: PaneText.column)
        text.append(Line("∂f/∂y = 3"), expendable: PaneText.column)
        text.append(Line("∂f/∂x = −4, ∂f/∂y = 3"), inPlaceOf: PaneText.column)
        #expect(lines(text) == ["Done", "next", "∂f/∂x = −4", "∂f/∂y = 3"])
        #expect(text.essentials.map(\.text) == ["Done"])
        #expect(text.below([Line("quiz")]).versions.map(lines) == [
            ["quiz", "Done", "next", "∂f/∂x = −4", "∂f/∂y = 3"],
            ["quiz", "Done", "next", "∂f/∂x = −4, ∂f/∂y = 3"],
            ["quiz", "Done", "∂f/∂x = −4", "∂f/∂y = 3"],
            ["quiz", "Done", "∂f/∂x = −4, ∂f/∂y = 3"],
        ])
        // Softmax part 1 at 100×30, its end: the three gradients on one row, and → still said.
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 0, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        if state.graphView == .flow { state = update(state, .toggleGraphView) }
        state.apply(.jump(to: state.stepper.count))
        let shown = state.textLayout.inspector.map(\.text)
        #expect(shown.contains("∂L/∂cat = −0.87, ∂L/∂car = 0.869, ∂L/∂frog = 9.68e-4") && !shown.contains("∂L/∂car = 0.869"))
        #expect(shown.contains { $0.hasPrefix("→ opens part 2") })
        #expect(state.textOverflow == 0)
    }

    /// The next step's preview gives way first to its short form, which stays until the
    /// restated rule has gone: sigmoid-neuron part 3 at 80×24 after w2's gradient, one row
    /// short of the whole preview, says what comes next in a line.
    @Test func theNextStepShortensBeforeItGoes() throws {
        var text = PaneText([Line("header")])
        text.append(Line("rule"), expendable: PaneText.restated)
        text.append(Line("Next: backward through z = a + b"), expendable: PaneText.nextStep)
        text.append(Line("Next: backward through z"), inPlaceOf: PaneText.nextStep, expendable: PaneText.briefNextStep)
        #expect(lines(text) == ["header", "rule", "Next: backward through z = a + b"])
        // (Leaving out the short form while the whole is shown gives no new version.)
        #expect(text.versions.map(lines) == [
            ["header", "rule", "Next: backward through z = a + b"],
            ["header", "rule", "Next: backward through z"],
            ["header", "Next: backward through z = a + b"],
            ["header", "Next: backward through z"],
            ["header", "rule"],
            ["header"],
        ])
        for (size, next) in [(Size(width: 80, height: 24), "Next: backward: leaf x1"),
                             (Size(width: 100, height: 30), "Next: backward: x1's gradient is complete")] {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson("sigmoid-neuron")), part: 2, theme: .monochrome(),
                                       size: size)
            state.apply(.jump(to: 16))
            guard case .backward(let x1)? = state.stepper.nextStep else { Issue.record("no backward step next"); continue }
            #expect(state.stepper.graph.name(of: x1) == "x1")
            let shown = state.textLayout.inspector.map(\.text)
            #expect(shown.last == next, "\(size)")
            #expect(state.textOverflow == 0)
        }
    }

    /// Where the end's many gradients do not fit even as a paragraph, ∂f/∂ is said once
    /// ("∂loss/∂(leaf): w11 = −0.106, …") and the last step's ledger, which the summary
    /// repeats, goes: polynomial-fit part 4 at 100×30 (20 leaves) reads whole, in both views.
    @Test func manyGradientsSayTheDerivativeOnce() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("polynomial-fit")), part: 3, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        state.apply(.jump(to: state.stepper.count))
        for _ in 0..<2 {
            let whole = state.inspectorPaneText.lines.map(\.text)
            #expect(whole.contains { $0.hasPrefix("∂loss/∂w11 = −0.106, ∂loss/∂w12 = 0.106, ∂loss/∂w21 = 0.106,") })
            #expect(whole.contains { $0.hasPrefix("∂loss/∂x1 = −0.106 (via ") })
            let layout = state.textLayout
            let shown = layout.inspector.map(\.text)
            #expect(shown.contains("∂loss/∂(leaf): w11 = −0.106, w12 = 0.106, w21 = 0.106, w22 = −0.106, w31 = 0.125, w32 = −0.125, "
                                   + "b1 = −0.106, b2 = 0.106, b3 = 0.125, v11 = −0.393, v12 = −0.145, v13 = −0.269, v21 = 0.366, "
                                   + "v22 = 0.134, v23 = 0.25, c1 = −0.538, c2 = 0.5, x1 = 0.0192, x2 = 0.231, y1 = 0.538, y2 = −0.5"),
                    "\(shown)")
            #expect(shown.first == "Backward: x1 is an input" && !shown.contains { $0.hasPrefix("∂loss/∂x1 = ") })
            #expect(TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0)
            #expect(TextPane.overflow(layout.narration, in: layout.panes.narration) == 0)
            state.apply(.toggleGraphView)
        }
    }

    /// The versions a step's text is tried in: first what loses nothing (a later flow
    /// without its chain spelt out), then the preview, and where leaving out the diagram's
    /// sentence alone makes room, the preview stays. Xor part 2 at 80×24, the backward
    /// step along v2's edge, keeps the sentence and the first chain spelt out, the second
    /// flow in numbers, in 8 rows.
    @Test func theLastToGoMayGoAlone() throws {
        var text = PaneText([Line("header")])
        text.append(Line("words"), expendable: PaneText.diagramWords)
        text.append(Line("∂f/∂w = ∂f/∂ξ · ∂ξ/∂w = 2 · 3 = 6"))
        text.append(Line("∂f/∂x = ∂f/∂ξ · ∂ξ/∂x = 2 · 1 = 2"), expendable: PaneText.repeatedChain)
        text.append(Line("∂f/∂x = 2 · 1 = 2"), inPlaceOf: PaneText.repeatedChain)
        text.append(Line("next"), expendable: PaneText.nextStep)
        let spelt = "∂f/∂x = ∂f/∂ξ · ∂ξ/∂x = 2 · 1 = 2", short = "∂f/∂x = 2 · 1 = 2"
        #expect(text.versions.map { $0.lines.map(\.text).filter { $0 != "∂f/∂w = ∂f/∂ξ · ∂ξ/∂w = 2 · 3 = 6" } } == [
            ["header", "words", spelt, "next"], ["header", "words", short, "next"],
            ["header", "words", spelt], ["header", "words", short],
            ["header", spelt, "next"], ["header", short, "next"],
            ["header", spelt], ["header", short],
        ])
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        state.apply(.jump(to: 21))
        let shown = state.textLayout.inspector.map(\.text)
        #expect(shown.contains { $0.hasPrefix("In the diagram: ") } && !shown.contains { $0.hasPrefix("Next: ") }, "\(shown)")
        #expect(shown.contains("∂loss/∂v2 = ∂loss/∂ξ3 · ∂ξ3/∂v2 = 0.266 · 0.629 = 0.167") && shown.contains("∂loss/∂h2 = 0.266 · 0.0461 = 0.0123"))
        #expect(TextPane.overflow(state.textLayout.inspector, in: state.textLayout.panes.inspector) == 0)
    }

    /// Every step of the first pass of four parts whose backward steps are long, in both
    /// views at 100×30: a line leaves the Step pane only when the whole texts would not
    /// both fit at the usual division, only an expendable one, and the Step pane shows
    /// `↓ more` only when none is left to leave. Some step of each drops a line and then
    /// fits.
    @Test(arguments: [("xor", 1), ("softmax", 1), ("two-layer-relu", 2), ("polynomial-fit", 3)])
    func linesLeaveOnlyWhenRowsAreShort(lesson: String, part: Int) throws {
        // (At the end, what → does: "→ opens part …", or that the lesson ends.)
        let expendable = ["Next: ", "Rule: ", "The forward pass computes every node", "In the diagram: ", "→ opens part ",
                          "This is the end of the lesson."]
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        var droppedAndFits = 0
        let output = Inspector(state: state).outputName
        for _ in 0..<2 {
            for step in 0...state.stepper.plan.stepsPerPass {
                state.apply(.jump(to: step))
                let full = state.inspectorPaneLines, layout = state.textLayout
                let shown = layout.inspector.map(\.text)
                let left = full.map(\.text).filter { !shown.contains($0) }
                // A flow shown in numbers alone stands in for its chain spelt out, the next
                // step's short preview for its whole; at the end, the gradients with ∂f/∂
                // said once for their paragraph, and the last step's ledger (which they
                // repeat) may go.
                let standIns = shown.filter { !full.map(\.text).contains($0) }
                let gathered = standIns.first { $0.hasPrefix("∂\(output)/∂(leaf): ") }
                func briefNext(_ line: String) -> Bool { line.hasPrefix("Next: ") && left.contains { $0.hasPrefix("Next: ") } }
                #expect(standIns.allSatisfy { line in line == gathered || briefNext(line) || left.contains { Self.spells($0, line) } },
                        "step \(step)")
                let atEnd = state.stepper.isAtEnd
                #expect(left.allSatisfy { line in
                    expendable.contains { line.hasPrefix($0) } || standIns.contains { Self.spells(line, $0) }
                        || gathered != nil && line.contains(", ∂\(output)/∂") || atEnd && line == full[1].text
                }, "step \(step): \(left)")
                if !left.isEmpty {
                    let usual = state.graphPanes
                    #expect(TextPane.overflow(full, in: usual.inspector) > 0 || TextPane.overflow(layout.narration, in: usual.narration) > 0,
                            "step \(step)")
                    if TextPane.overflow(layout.inspector, in: layout.panes.inspector) == 0 { droppedAndFits += 1 }
                }
                if TextPane.overflow(layout.inspector, in: layout.panes.inspector) > 0 {
                    #expect(!shown.contains { line in expendable.contains { line.hasPrefix($0) } }, "step \(step)")
                }
            }
            state.apply(.toggleGraphView)
        }
        #expect(droppedAndFits > 0)
    }

    /// Whether `spelt` is the flow `short` with its chain spelt out: the same derivative
    /// and numbers, "∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4" for "∂f/∂x = (−4) · 1 = −4".
    static func spells(_ spelt: String, _ short: String) -> Bool {
        let signs = [short.range(of: " = "), short.range(of: " += ")].compactMap { $0 }
        guard let sign = signs.min(by: { $0.lowerBound < $1.lowerBound }) else { return false }
        let head = short[..<sign.upperBound], numbers = short[sign.upperBound...]
        return spelt != short && spelt.hasPrefix(head) && spelt.hasSuffix(" = " + numbers)
    }
}
