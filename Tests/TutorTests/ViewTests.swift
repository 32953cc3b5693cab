import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// Parts of the screen beyond the CS231n pictures: help, small windows, edge labels,
/// fan-out, compact gates, lessons.
@Suite struct ViewTests {
    @Test func helpListsEveryBindingAt80x24() throws {
        let help = update(try state(size: Size(width: 80, height: 24)), .toggleHelp)
        let text = picture(view(help))
        for row in KeyMap.standard.helpSections(unicode: true).flatMap(\.rows) {
            #expect(text.contains(row.help), "\(row.help)")
        }
        #expect(text.contains("→ / space / l        next step"))
        #expect(text.contains("q                    quit"))
        #expect(!text.contains("more keys"))
    }

    /// On a part's last screen the next-step key says where it leads ("→ part 2"), which
    /// the Step pane's line may not have the row to say; elsewhere it stays "→ next". At
    /// the lesson's end, where neither does anything, it goes with "n end of phase".
    @Test func theNextKeySaysWhichPartItOpens() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), part: 0, theme: .monochrome(),
                                   size: Size(width: 80, height: 24))
        func next(_ s: TutorState) -> String? { s.hints(unicode: true).first { $0.key == "→" }?.help }
        #expect(next(state) == "next")
        state.apply(.jump(to: state.stepper.count))
        while !state.isOnLastScreen { state.apply(.next) }
        #expect(next(state) == "part 2")
        #expect(picture(view(state)).split(separator: "\n").last?.hasPrefix("→ part 2 · ← back · r restart") == true)
        state.apply(.next)
        #expect(state.part == 1 && next(state) == "next")
        #expect(state.hints(unicode: true).contains { $0.key == "n" })
        state.apply(.jump(to: state.stepper.count))
        while !state.isOnLastScreen { state.apply(.next) }
        #expect(next(state) == nil && !state.hints(unicode: true).contains { $0.key == "n" })
        #expect(picture(view(state)).split(separator: "\n").last?.hasPrefix("← back · r restart") == true)
    }

    /// Where the Step pane had to leave out the next step's preview, its bottom border
    /// says it (sigmoid-neuron 2 at 80×24, backward through d); where the line has the
    /// row (100×30), the border stays plain. Every frame of the part: the preview is
    /// always somewhere, but where `↓ more` leaves it no room.
    @Test func whereNextHasNoRowTheBorderSaysIt() throws {
        func stepPane(_ state: TutorState) -> (text: String, bottom: String) {
            let rows = picture(view(state)).split(separator: "\n").map(String.init)
            let pane = state.panes.inspector
            let text = rows[pane.y..<(pane.maxY - 1)].map { String($0.prefix(pane.maxX)) }.joined(separator: "\n")
            return (text, String(rows[pane.maxY - 1].prefix(pane.maxX)))
        }
        var narrow = try TutorState(subject: .lesson(LessonFixtures.lesson("sigmoid-neuron")), part: 1, theme: .monochrome(),
                                    size: Size(width: 80, height: 24))
        narrow.apply(.jump(to: 7))
        #expect(!stepPane(narrow).text.contains("Next:"))
        #expect(stepPane(narrow).bottom.hasPrefix("└─ Next: backward through (w1·x1) ─"))
        var wide = try TutorState(subject: .lesson(LessonFixtures.lesson("sigmoid-neuron")), part: 1, theme: .monochrome(),
                                  size: Size(width: 100, height: 30))
        wide.apply(.jump(to: 7))
        #expect(stepPane(wide).text.contains("Next: backward through (w1·x1)"))
        #expect(stepPane(wide).bottom.allSatisfy { "└─┘".contains($0) })
        for point in 0..<narrow.stepper.count {
            narrow.apply(.jump(to: point))
            let (text, bottom) = stepPane(narrow)
            #expect(text.contains("Next:") || bottom.contains("Next:") || bottom.contains("more"), "step \(point)")
        }
    }

    /// After an update the graph's weights are new and its other numbers from the pass
    /// before, and the graph's legend says so, in both views where the weights are drawn;
    /// not before the update, nor where the flow diagram leaves the weights to the Step
    /// pane (its numbers are all from the pass).
    @Test func theLegendSaysTheWeightsWereUpdatedAfterThePass() throws {
        let note = "weights updated after this pass"
        for size in ScreenAuditTests.sizes {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), part: 1, theme: .monochrome(),
                                       size: size)
            state.apply(.jump(to: state.stepper.count))
            #expect(state.stepper.lastStep?.phase == .epoch)
            for _ in 0..<2 {
                let weightsDrawn = !(state.showsFlow && state.flow?.labelled == false)
                let title = picture(view(state)).split(separator: "\n").dropFirst().first ?? ""
                #expect((title.contains(note) || title.contains("new weights; the rest is from the last pass")) == weightsDrawn,
                        "\(size)")
                state = update(state, .toggleGraphView)
            }
            // The step before the first update (this batch's gradients added up): every
            // number is from the pass.
            var before = state
            while let last = before.stepper.lastStep, last.phase == .epoch || last.phase == .update { before.apply(.back) }
            #expect(before.stepper.lastStep?.phase == .accumulate)
            #expect(!picture(view(before)).contains(note) && !picture(view(before)).contains("new weights"))
        }
        var xor = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(), size: Size(width: 100, height: 30))
        xor.apply(.jump(to: xor.stepper.count))
        #expect(xor.showsFlow && xor.flow?.labelled == false && !picture(view(xor)).contains(note)
                && !picture(view(xor)).contains("new weights"))
        // While the updates go one weight at a time, the legend says they are under way.
        var first = try TutorState(subject: .lesson(LessonFixtures.lesson("linear-regression")), part: 0, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        while first.stepper.lastStep?.phase != .update { first.apply(.next) }
        #expect(first.stepper.nextStep?.phase == .update)
        let updating = picture(view(first)).split(separator: "\n").dropFirst().first ?? ""
        #expect(updating.contains("weights updating after this pass")
                || updating.contains("updating weights; the rest is from the pass"), "\(updating)")
        // A part that runs its rows without training ends with its weights as they were.
        var and = try TutorState(subject: .lesson(LessonFixtures.lesson("perceptron")), part: 0, theme: .monochrome(),
                                 size: Size(width: 100, height: 30))
        and.apply(.jump(to: and.stepper.count))
        #expect(and.stepper.plan.training == nil && !picture(view(and)).contains("weights updat")
                && !picture(view(and)).contains("new weights"))
    }

    /// In ASCII, where a box's corner is "+", a linear unit's box is titled "sum" (a "+"
    /// beside the corner read as part of it), and the legend says what "g=" is.
    @Test func asciiTitlesReadApartFromTheBorders() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("softmax")), part: 1,
                                   theme: .monochrome(glyphs: .ascii), size: Size(width: 100, height: 30))
        if !state.showsFlow { state.apply(.toggleGraphView) }
        let text = picture(view(state))
        #expect(text.contains("+ sum -") && !text.contains("+ + -"), "\(text)")
        #expect(text.contains("g= is dL/dnode"), "\(text)")
    }

    @Test func tooSmall() throws {
        let small = try state(size: Size(width: 50, height: 12))
        let text = view(small).trimmedLines
        #expect(text[0] == "The window is 50×12; backprop needs at least")
        #expect(text[1] == "60×16. Enlarge the window, or press q to quit.")
    }

    @Test func fanOutLedger() throws {
        // f = (a·b)(a + b) at a = −2, b = 3: ∂f/∂a = 3 (via d) + (−6) (via e) = −3.
        let s = try state(fanOutText, title: "fan-out.graph")
        let a = NodeID(0)
        let steps = s.stepper.count
        let atA = update(s, .jump(to: steps))  // the last step is backward a
        #expect(atA.stepper.lastStep == .backward(a))
        let text = view(atA).trimmedLines.joined(separator: "\n")
        // At the end the last step keeps its ledger, and the summary follows it.
        #expect(text.contains("│ ∂f/∂a = 3 (via d) + (−6) (via e) = −3"))
        #expect(text.contains("│ Done: forward and backward pass"))
        let beforeEnd = update(s, .jump(to: steps - 1))
        let ledger = view(beforeEnd).trimmedLines.joined(separator: "\n")
        #expect(ledger.contains("│ ∂f/∂b = −2 (via d) + (−6) (via e) = −8"))
        let atBackwardB = update(s, .jump(to: steps - 1))
        #expect(atBackwardB.stepper.lastStep == .backward(NodeID(1)))
    }

    @Test func fanOutRunningSums() throws {
        let s = try state(fanOutText, title: "fan-out.graph")
        // Nodes a, b, d, e, f are #0 … #4. The backward pass visits f, e, d: after backward e,
        // a has −6; after backward d, −3.
        let afterE = update(s, .jump(to: 6))
        #expect(afterE.stepper.lastStep == .backward(NodeID(3)))
        let e = view(afterE).trimmedLines.joined(separator: "\n")
        #expect(e.contains("∂f/∂a += ∂f/∂e · ∂e/∂a = (−6) · 1 = −6"))
        #expect(e.contains("the first of 2 contributions to ∂f/∂a"))
        let afterD = update(s, .jump(to: 7))
        let d = view(afterD).trimmedLines.joined(separator: "\n")
        #expect(d.contains("∂f/∂a += ∂f/∂d · ∂d/∂a = 1 · 3 = 3"))
        #expect(d.contains("so far ∂f/∂a = −6 + 3 = −3"))
    }

    @Test func compactGateAndLiterals() throws {
        // `2 * x` draws no box for the literal 2: the gate says `2×`; `(x+y)` is a gate.
        let s = try state("x = 3\ny = 1\nf = 2 * x + (x + y)", title: "gates")
        #expect(s.scene.nodes.count == 5)  // x, y, 2×x, x+y, f (the literal 2 is not drawn)
        #expect(s.scene.names == ["x", "y", "2", "(2·x)", "(x+y)", "f"])
        #expect(s.scene.captions[3] == "2×")
        let text = view(s).trimmedLines.joined(separator: "\n")
        #expect(text.contains("(2×)"))
        #expect(text.contains("(+)"))
    }

    /// A named sum's constant term, which no box or wire stands for, is written after its
    /// name, in the box's title and on its line, so that the inputs drawn add up: ξ = a + 2 + b.
    @Test func aSumsConstantTermIsShown() throws {
        let s = try state("a = 1\nb = 3\nxi = sum(a, 2, b)\nv = sum(xi, -1.5)\nw = 2 * v", title: "constant terms")
        #expect(s.scene.captions[3] == "+2" && s.scene.captions[5] == "−1.5")
        #expect(s.scene.lineLabels[3] == "xi (+2)" && s.scene.lineLabels[5] == "v (−1.5)")
        #expect(s.scene.captions[7] == "2×" && s.scene.lineLabels[7] == "w")  // a factor is not a term
        let text = view(update(s, .jump(to: 3))).trimmedLines.joined(separator: "\n")
        #expect(text.contains("xi (+2)") && text.contains("v (−1.5)"))
    }

    @Test func edgeLabelsShowLocalAndProduct() throws {
        let s = update(try state(), .jump(to: 4))  // backward f: ∂f/∂q = z = −4, ∂f/∂z = q = 3
        let text = view(s).trimmedLines.joined(separator: "\n")
        #expect(text.contains("─ 1×(−4)=−4 ▶"))
        #expect(text.contains("─ 1×3=3 ▶"))
        #expect(text.contains("∂f/∂q = ∂f/∂f · local = 1 · (−4) = −4"))
        #expect(text.contains("Rule: mul swaps its inputs"))
    }

    @Test func generatedNarrationForABareGraph() throws {
        let s = update(try state(), .jump(to: 3))
        let text = view(s).trimmedLines.joined(separator: "\n")
        #expect(text.contains("The backward pass starts at the output"))
    }

    @Test func edgeSteppingStatus() throws {
        let s = update(try state(), .toggleEdgeStepping)
        #expect(view(s).trimmedLines[0].hasSuffix("edge steps · start · step 0/10"))
    }
}

/// Lessons: narration tied to steps, and moving between parts.
@Suite struct LessonTests {
    @Test func narrationFollowsTheSteps() throws {
        // The lesson opens on its first page, a screen of its own (one keystroke).
        let s = try TutorState(subject: .lesson(try chainRuleLesson()), theme: .monochrome(), size: Size(width: 100, height: 30))
        #expect(s.isOnPage && s.stepper.position == 0)
        #expect(view(s).trimmedLines[17].hasSuffix("┌ Lesson · page 1/1 ───────────────────────┐"))
        #expect(Narrator(state: s).lines().map(\.text) == [
            "We compute f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4.",
            "We split it into two gates: q = x + y, then f = q·z.",
            "Want: ∂f/∂x, ∂f/∂y, ∂f/∂z.",
        ])
        // → turns the page to the start's own screen; the next → takes the first step.
        let start = update(s, .next)
        #expect(!start.isOnPage && start.stepper.position == 0)
        #expect(view(start).trimmedLines[17].hasSuffix("┌ Lesson ──────────────────────────────────┐"))
        let q = update(start, .next)
        #expect(q.stepper.position == 1)
        #expect(Narrator(state: q).lines().map(\.text) == ["The add gate. q = x + y = −2 + 5 = 3."])
        #expect(view(q).trimmedLines[0].hasPrefix(" backprop · The chain rule, one gate at a time"))
        // ← retraces exactly: the start's screen, then the page.
        let back = update(q, .back)
        #expect(back.stepper.position == 0 && !back.isOnPage)
        #expect(update(back, .back).isOnPage)
    }

    /// At the end of training the narration speaks of the loss chart where it is on the
    /// screen, and otherwise of the key that shows it.
    @Test func theLossChartIsNamedWhereItIsShown() throws {
        let lesson = try LessonFixtures.lesson("xor")
        func ending(_ size: Size) throws -> [String] {
            var s = try TutorState(subject: .lesson(lesson), part: 1, theme: .monochrome(), size: size)
            s.apply(.jump(to: s.stepper.count))
            #expect(s.stepper.isAtEnd)
            return Narrator(state: s).lines().map(\.text)
        }
        #expect(try ending(Size(width: 160, height: 48)).contains("Training is done: the loss chart holds the mean loss after every epoch."))
        #expect(try ending(Size(width: 80, height: 24)).contains("Training is done: press t for the loss chart, the mean loss after every epoch."))
    }

    @Test func partsFollowOneAnother() throws {
        let library = LessonLibrary.standard()
        let lesson = try #require(library.load("perceptron").lesson)
        #expect(lesson.parts.count > 1)
        let s = try TutorState(subject: .lesson(lesson), theme: .monochrome(), size: Size(width: 100, height: 30))
        // The end of part 1, past its closing page.
        var end = update(s, .toEnd)
        while !end.isOnLastScreen { end = update(end, .next) }
        let second = update(end, .next)
        #expect(second.part == 1)
        #expect(second.stepper.position == 0)
        #expect(second.message?.hasPrefix("Part 2 of \(lesson.parts.count)") == true)
        let back = update(second, .back)
        #expect(back.part == 0)
        #expect(back.stepper.isAtEnd && back.isOnLastScreen)
        #expect(back.message == "Back to part 1 of \(lesson.parts.count)")
    }
}

/// The status line's title gives way in order: the program's name, the lesson title's
/// long form, the lesson title cut, the lesson title gone; the part's number stays.
@Suite struct StatusTitleTests {
    @Test func thePartNumberStaysWhenTheLessonTitleCannotFit() throws {
        let lesson = try LessonFixtures.lesson("polynomial-fit")
        var state = try TutorState(subject: .lesson(lesson), part: 3, theme: .monochrome(), size: Size(width: 100, height: 30))
        #expect(statusTitle(state, room: 200) == "backprop · A cubic fit to sin x, zero_grad, and torch.nn · part 4/4 The same in torch.nn, a flowgraph")
        #expect(statusTitle(state, room: 60) == "A cubic fit to… · part 4/4 The same in torch.nn, a flowgraph")
        #expect(statusTitle(state, room: 48) == "part 4/4 The same in torch.nn, a flowgraph")
        #expect(statusTitle(state, room: 30) == "part 4/4 The same in…")
        let xor = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                 size: Size(width: 80, height: 24))
        #expect(statusTitle(xor, room: 46) == "XOR · part 2/2 Learning XOR with sigmoids and…")
        state.apply(.jump(to: 15))
        let line = picture(view(update(state, .resize(Size(width: 80, height: 24))))).split(separator: "\n").first ?? ""
        #expect(line.contains("part 4/4 The same in torch.nn, a flowgraph") && line.contains("step 15/74"))
    }

    /// A part written for its mistake says it in its title: at 80 columns, where the
    /// mistake's word beside the counter would cut that title to "Without…", the title
    /// says it alone; at 100 both fit. A mistake switched on by `m` keeps its word.
    @Test func aPartsOwnMistakeIsSaidByItsTitle() throws {
        func statusLine(_ lesson: String, part: Int, width: Int, m: Bool = false) throws -> String {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                       size: Size(width: width, height: 24))
            if m { state.receive(.key(.character("m"))) }
            return String(picture(view(state)).split(separator: "\n").first ?? "")
        }
        let narrow = try statusLine("polynomial-fit", part: 2, width: 80)
        #expect(narrow.contains("part 3/4 Without zero_grad ") && !narrow.contains("mistake:") && narrow.contains("step 0/115000"))
        let wide = try statusLine("polynomial-fit", part: 2, width: 120)
        #expect(wide.contains("part 3/4 Without zero_grad ") && wide.contains("mistake: no zero_grad · start"))
        #expect(try statusLine("mistakes", part: 0, width: 80).contains("part 1/3 = where += belongs "))
        let switched = try statusLine("partials", part: 1, width: 80, m: true)
        #expect(switched.contains("mistake: = instead of += · start"), "\(switched)")
    }
}
