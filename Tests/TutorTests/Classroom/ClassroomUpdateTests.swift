import Testing
import Autograd
import Lessons
import Screen
@testable import Tutor

@Suite struct ClassroomUpdateTests {
    func lesson(_ name: String, part: Int = 0, size: Size = Size(width: 100, height: 30)) throws -> TutorState {
        try TutorState(subject: .lesson(LessonFixtures.lesson(name)), part: part, theme: .monochrome(), size: size,
                       keyMap: .classroom)
    }

    func press(_ state: inout TutorState, _ keys: Key...) {
        for key in keys {
            state.receive(.key(key))
        }
    }

    @Test func quizHoldsTheStepUntilAnsweredAndTypedKeysAreNotCommands() throws {
        var state = try lesson("chain-rule")
        press(&state, .character("z"), .right)  // the opening page turns: nothing to predict yet
        #expect(state.classroom.quizEnabled && !state.classroom.quiz.isAsking && !state.isOnPage)
        press(&state, .right)
        #expect(state.stepper.position == 0)
        #expect(state.classroom.quiz.current?.prompt == "Forward: q = x + y = −2 + 5 = ?")
        // While a number is typed, its characters go into it; a key that cannot be part of
        // a number acts as a key: l steps nowhere (the question holds the step), ? shows
        // the help, q asks before it leaves.
        #expect(state.keyMap.action(for: .character("-"), in: state) == .classroom(.quizType("-")))
        #expect(state.keyMap.action(for: .character("e"), in: state) == .classroom(.quizType("e")))
        #expect(state.keyMap.action(for: .character("?"), in: state) == .toggleHelp)
        #expect(state.keyMap.action(for: .character("q"), in: state) == .quit)
        #expect(state.hints(unicode: true).map(\.key) == ["Enter", "Backspace", "Esc", "?", "q"])
        var leaving = state
        press(&leaving, .character("q"))
        #expect(!leaving.quitRequested && leaving.message?.hasPrefix("Leave the question unanswered?") == true)
        press(&leaving, .character("q"))
        #expect(leaving.quitRequested)
        var staying = state
        press(&staying, .character("q"), .character("3"))
        #expect(!staying.quitRequested && staying.classroom.quiz.reply == "3")
        press(&state, .character("5"), .enter)
        #expect(state.stepper.position == 0)
        #expect(state.classroom.quiz.feedback?.kind == .tryAgain)
        press(&state, .character("3"), .enter)
        #expect(state.stepper.position == 1)
        #expect(state.classroom.quiz.score == QuizScore(firstTry: 0, secondTry: 1, missed: 0))
        #expect(state.classroomStatus == "score 1/1 (0 at the first try)")
        let screen = picture(view(state))
        #expect(screen.contains("✓ Right: 3. q = x + y = −2 + 5 = 3"))
        #expect(screen.contains("score 1/1 (0 at the first try)"))
        // Stepping back and forward again does not ask twice.
        press(&state, .left, .right)
        #expect(state.stepper.position == 1)
        press(&state, .right)
        #expect(state.classroom.quiz.isAsking)
        press(&state, .escape)
        #expect(state.stepper.position == 2)
        #expect(state.classroom.quiz.score.missed == 1)
    }

    @Test func helpListsTheClassroomKeysAt100x30() throws {
        var state = try lesson("chain-rule")
        press(&state, .character("?"))
        let text = picture(view(state))
        for row in KeyMap.classroom.helpSections(unicode: true).flatMap(\.rows) {
            #expect(text.contains(row.help), "\(row.help)")
        }
        #expect(text.contains("v                    gradient check (until the next step)"))
    }

    @Test func anonymousGatesAreNamedAsOnTheScreen() throws {
        var state = try lesson("xor", part: 1)
        // Past the opening page; the sample step reveals nothing to predict.
        press(&state, .character("z"), .right, .right)
        #expect(state.stepper.position == 1)
        press(&state, .right)
        // The flow diagram draws that gate as the edge x1 → ξ1; the circuit as (w11·x1).
        #expect(state.classroom.quiz.current?.prompt == "Forward along the edge x1 → ξ1: w11 · x1 = 0.133 · 0 = ?")
        var circuit = try lesson("xor", part: 1)
        press(&circuit, .character("g"), .character("z"), .right, .right, .right)
        #expect(!circuit.showsFlow)
        #expect(circuit.classroom.quiz.current?.prompt == "Forward: (w11·x1) = w11 · x1 = 0.133 · 0 = ?")
    }

    @Test func theQuestionIsOnTheScreen() throws {
        var state = try lesson("chain-rule")
        state.classroom.quizEnabled = true
        state.apply(.jump(to: 3))
        press(&state, .right, .character("-"), .character("4"), .enter)
        let screen = picture(view(state)).split(separator: "\n").map(String.init)
        // The first hint names the rule, never the number asked for (3).
        #expect(Array(screen[17...22]) == [
            "┌ Step ────────────────────────────────────────────────┐┌ Lesson ──────────────────────────────────┐",
            "│ Quiz · predict before it is shown (2 questions here) ││ We start at the output. ∂f/∂f = 1.       │",
            "│ f = q·z. What is ∂f/∂z?                              ││                                          │",
            "│ > ▏                                                  ││                                          │",
            "│ ✗ Not −4. mul swaps its inputs: the local gradient   ││                                          │",
            "│ ∂f/∂z is the other input's value, not z's own value. ││                                          │",
        ])
        // Help and quit work while a question waits.
        #expect(screen.last == "Enter check · Backspace erase · Esc show answer · ? help · q quit")
    }

    @Test func fastForwardTrainsTheScreenFollowing() throws {
        var state = try lesson("xor", part: 1)
        #expect(state.trainingPaneShown)
        // The flow diagram with its weights on the edges fits only alone: it has the width
        // until the first epoch is done; then the training views come, beside the diagram
        // that leaves the weights to the Step pane, which fits whole beside them.
        #expect(state.panes.side == nil && state.choice.fits && state.flow?.labelled == true)
        press(&state, .character("f"))
        #expect(state.panes.side == Rect(x: 67, y: 1, width: 33, height: 18))
        #expect(state.choice.fits && state.flow?.labelled == false)
        let perEpoch = state.stepper.plan.stepsPerEpoch
        #expect(state.stepper.position == 10 * perEpoch)
        let track = try #require(state.trainingTrack)
        #expect(state.message == "Epoch 10 of 2000: mean loss \(Notation(unicode: true).number(track.losses[10]))")
        press(&state, .character("F"))
        #expect(state.stepper.position == 110 * perEpoch)
        #expect(picture(view(state)).contains("f over x1→ x2↑ · epoch 110"))
        press(&state, .character("t"))
        #expect(!state.trainingPaneShown)
        #expect(state.panes.side == nil)
    }

    /// At 80×24 the trained network keeps the width (it fits whole only alone), and the
    /// hint line says where the loss chart is; `t` shows it.
    @Test func whereTheChartsGiveWayTheHintLineSaysSo() throws {
        var state = try lesson("xor", part: 1, size: Size(width: 80, height: 24))
        #expect(state.hints(unicode: true).first?.help != "loss chart")
        press(&state, .character("f"))
        #expect(state.panes.side == nil && state.choice.fits)
        #expect(state.hints(unicode: true).first == KeyHint(key: "t", help: "loss chart"))
        press(&state, .character("t"))
        #expect(state.panes.side != nil && state.hints(unicode: true).first?.help != "loss chart")
    }

    /// A loss chart alone waits for its first epoch, before which it has only a dot to
    /// draw: polynomial-fit part 1 at 100×30 draws its flow diagram the whole width, the
    /// weights by name on the edges (beside the empty chart they were bare numbers);
    /// after the epoch the chart stands beside it. `t` shows it before.
    @Test func aLossChartAloneWaitsForItsFirstEpoch() throws {
        var state = try lesson("polynomial-fit")
        state.apply(.jump(to: 7))
        #expect(state.trainingPaneShown && state.trainingTrack?.plane == nil)
        #expect(state.panes.side == nil && state.flow?.labelled == true && state.flow?.brief == false)
        #expect(picture(view(state)).contains("b 0 ─"))
        state.apply(.jump(to: state.stepper.count))
        #expect(state.panes.side != nil)
        state.apply(.jump(to: 7))
        press(&state, .character("t"))
        #expect(state.panes.side != nil)
    }

    /// `t` overrides the wait for the first epoch: asked for, the map and the chart are
    /// beside the graph at once (the graph taking the columns it needs); asked again, they go.
    @Test func tShowsTheTrainingViewsBeforeTheFirstEpoch() throws {
        var state = try lesson("xor", part: 1)
        #expect(state.panes.side == nil)
        press(&state, .character("t"))
        #expect(state.panes.side == Rect(x: 67, y: 1, width: 33, height: 18))
        #expect(picture(view(state)).contains("f over x1→ x2↑ · epoch 0"))
        press(&state, .character("t"))
        #expect(state.panes.side == nil)
        // At 70 columns there is no room beside the graph, and the student is told so.
        state = update(state, .resize(Size(width: 70, height: 24)))
        press(&state, .character("t"))
        #expect(state.panes.side == nil)
        #expect(state.message == "The screen is too narrow for the decision map and loss chart beside the graph.")
    }

    @Test func fastForwardExplainsItselfWhereNothingTrains() throws {
        var state = try lesson("chain-rule")
        press(&state, .character("f"))
        #expect(state.stepper.position == 0)
        #expect(state.message == "This part does not train: f fast-forwards training epochs.")
    }

    @Test func gradientCheckOnTheScreen() throws {
        var state = try lesson("chain-rule")
        press(&state, .character("v"))
        #expect(state.message == "Gradient check on (Tab: another node; Esc or a step closes it).")
        state.selection = state.stepper.graph.id(named: "x")
        // Before the backward pass reaches x, only the finite differences: no gradient is
        // told before its step.
        let before = state.classroomLines().map(\.text)
        #expect(before[0] == "Gradient check: ∂f/∂x")
        #expect(before[1] == "backprop   not yet: the backward pass has not reached x")
        #expect(before[2].hasPrefix("numerical  −4"))
        #expect(!before.joined().contains("agree"))
        // At the end both, and they agree; a step closes the check, and so does Esc.
        state.apply(.toEnd)
        #expect(!state.classroom.gradientCheckVisible)
        press(&state, .character("v"))
        state.selection = state.stepper.graph.id(named: "x")
        let lines = state.classroomLines().map(\.text)
        #expect(lines[1] == "backprop   −4")
        #expect(lines[3].hasSuffix("✓ they agree"))
        press(&state, .escape)
        #expect(!state.classroom.gradientCheckVisible && state.selection != nil)
    }

    @Test func autoplayAdvancesOnTicksPausesAndStopsAtTheEnd() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("chain-rule")), theme: .monochrome(),
                                   size: Size(width: 100, height: 30), keyMap: Classroom.playbackKeyMap(.classroom))
        state.startAutoplay(interval: 1, now: 0)
        state.receive(.tick(now: 0.5))
        #expect(state.stepper.position == 0)
        state.receive(.tick(now: 1))  // the opening page turns
        #expect(state.stepper.position == 0 && !state.isOnPage)
        state.receive(.tick(now: 2))
        #expect(state.stepper.position == 1)
        // Space pauses under playback; → still steps.
        #expect(state.keyMap.action(for: .character(" "), in: state) == .classroom(.togglePlayback))
        #expect(state.keyMap.action(for: .right, in: state) == .next)
        press(&state, .character(" "))
        state.receive(.tick(now: 5))
        #expect(state.stepper.position == 1)
        #expect(state.classroomStatus == "⏸ paused (every 1 s)")
        press(&state, .character(" "), .character("+"))
        #expect(state.classroom.autoplay?.interval == 0.5)
        var now = 5.0
        while now < 20 {
            now += 0.5
            state.receive(.tick(now: now))
        }
        #expect(state.stepper.isAtEnd)
        #expect(state.classroomStatus == "■ stopped")
        #expect(state.hints(unicode: true).map(\.key).prefix(3) == ["space", "+", "-"])
    }
}
