import Testing
import Autograd
import Lessons
import Screen
@testable import Tutor

@Suite struct TrainingViewTests {
    func xor() throws -> (LessonPart, TrainingTrack) {
        let part = try LessonFixtures.lesson("xor").parts[1]
        return (part, try #require(TrainingTrack(part: part)))
    }

    func trained(_ part: LessonPart, epochs: Int) throws -> Graph {
        try LessonTrainer.train(part, epochs: epochs, file: "xor", at: .wholeFile).get()
    }

    @Test func trackFindsThePlaneAndThePrediction() throws {
        let (part, track) = try xor()
        #expect(track.planeNames?.x == "x1" && track.planeNames?.y == "x2")
        #expect(track.predictions.map { part.graph.name(of: $0) } == ["f"])
        #expect(track.losses.count == 2001)
        #expect(track.losses[0] > 0.2)
        #expect(track.losses[2000] < 0.05)
    }

    @Test func theLossCurveAgreesWithTheSteppersEpochRecords() throws {
        let (part, track) = try xor()
        var stepper = try part.makeStepper()
        stepper.go(to: 2 * stepper.plan.stepsPerEpoch - 1)
        let taken = stepper.step()
        guard case .epoch(let record) = taken else {
            Issue.record("the last step of an epoch is its epoch step")
            return
        }
        #expect(record.epoch == 2)
        #expect(record.meanLoss == track.losses[2])
        #expect(track.losses(upTo: stepper) == Array(track.losses.prefix(3)))
    }

    /// A run that never zeroes its gradients is drawn beside the same run done right:
    /// polynomial-fit's part 3 is part 2 without zero_grad, so its zeroed curve is part 2's
    /// own, and the two titles' numbers are the two runs' ends.
    @Test func theMistakeIsChartedBesideTheRightRun() throws {
        let lesson = try LessonFixtures.lesson("polynomial-fit")
        let right = try #require(TrainingTrack(part: lesson.parts[1]))
        let wrong = try #require(TrainingTrack(part: lesson.parts[2]))
        #expect(right.zeroedLosses.isEmpty)
        #expect(wrong.zeroedLosses == right.losses)
        #expect(wrong.losses[0] == right.losses[0] && wrong.losses[1] == right.losses[1])
        #expect(try #require(wrong.losses.last) > 100 * (try #require(right.losses.last)))
        var state = try TutorState(subject: .lesson(lesson), part: 2, theme: .monochrome(), size: Size(width: 100, height: 30))
        state = update(state, .toEnd)
        let screen = picture(view(state))
        #expect(screen.contains("loss 0.447, zeroed 7.85e-4"))
        #expect(screen.contains("epoch (dotted: zeroed)"))
    }

    /// The map is drawn with the weights at the cursor: once the next epoch's first row has
    /// updated them, its title says "in epoch 3", not the last finished epoch's "epoch 2"
    /// (the perceptron updates a row at a time); at the epoch's end, "epoch 3".
    @Test func theMapsTitleSaysWhenTheNextEpochHasUpdatedItsWeights() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("perceptron")), part: 5, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let plan = state.stepper.plan
        let param = try #require(plan.params.first)
        let update = try #require(plan.index(of: .update(param), epoch: 3, row: 0))
        func title(at step: Int) throws -> (String, Int) {
            state.apply(.jump(to: step))
            let pane = TrainingPane(track: try #require(state.trainingTrack), stepper: state.stepper, theme: .monochrome())
            var buffer = Buffer(size: Size(width: 38, height: 12))
            pane.renderMap(in: buffer.area, buffer: &buffer)
            return (buffer.lines[0], pane.completedEpochs)
        }
        #expect(try title(at: update).0.contains("· epoch 2 ") && title(at: update).1 == 2)
        #expect(try title(at: update + 1).0.contains("· in epoch 3 ") && title(at: update + 1).1 == 2)
        #expect(try title(at: plan.count).0.contains("· epoch 3 "))
    }

    @Test func multiClassPerceptronShadesByTheWinningClass() throws {
        let part = try LessonFixtures.lesson("perceptron").parts[5]
        let track = try #require(TrainingTrack(part: part))
        #expect(track.predictions.map { part.graph.name(of: $0) } == ["s_off", "s_on"])
    }

    /// The map marks each point with its class as the lesson counts them: two-layer-relu's
    /// classes 1 to 3 (scores u1, u2, u3), the perceptron's off and on as 0 and 1.
    @Test func theMapsDigitsCountTheClassesAsTheLessonDoes() throws {
        func pane(_ lesson: String, part: Int) throws -> TrainingPane {
            let state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(),
                                       size: Size(width: 100, height: 30))
            return TrainingPane(track: try #require(state.trainingTrack), stepper: state.stepper, theme: .monochrome())
        }
        let relu = try pane("two-layer-relu", part: 2)
        #expect(relu.classDigits == [1, 2, 3])
        let track = try #require(relu.track as TrainingTrack?)
        // The scores the loss sets beside y1, y2, y3; not the softmax's Z.
        let graph = try LessonFixtures.lesson("two-layer-relu").parts[2].graph
        #expect(track.predictions.map { graph.name(of: $0) } == ["u1", "u2", "u3"])
        let expected = track.rows.map { row in Character(String(Op.max.winningPosition(of: Array(row.dropFirst(track.featureCount))) + 1)) }
        #expect(relu.points().map(\.glyph) == expected && Set(expected) == ["1", "2", "3"])
        #expect(try pane("perceptron", part: 5).classDigits == [0, 1])
        // The legend says which shade each class wins with.
        #expect(relu.classShades() == "blank 1, ▒ 2, █ 3")
        #expect(relu.classShades(named: true) == "blank 1, ▒ 2, █ 3")
        let perceptron = try pane("perceptron", part: 5)
        #expect(perceptron.classShades() == "blank 0, █ 1")
        // Named where the digit does not say it: the perceptron's classes off and on.
        #expect(perceptron.classShades(named: true) == "blank 0 (off), █ 1 (on)")
    }

    /// At the end of a training of many epochs, whose words are about the loss chart, the
    /// training views come even where the graph then pans (two-layer-relu part 3 at
    /// 100×30, whose flow diagram fits only alone); not at 80×24 (xor part 2), where the trained weights
    /// would be cut, nor after a single epoch (softmax part 2), whose chart has no curve.
    @Test func theEndOfTrainingShowsTheLossChart() throws {
        func end(_ lesson: String, part: Int, _ size: Size) throws -> TutorState {
            var state = try TutorState(subject: .lesson(LessonFixtures.lesson(lesson)), part: part, theme: .monochrome(), size: size)
            state.apply(.jump(to: state.stepper.count))
            return state
        }
        let large = try end("two-layer-relu", part: 2, Size(width: 100, height: 30))
        #expect(large.choice.side && large.graphPanes.side != nil)
        #expect(picture(view(large)).contains("loss 0.0385 · epoch 200/200"))
        var before = large
        before.apply(.jump(to: large.stepper.count - 1))
        #expect(!before.choice.side, "before the end the graph keeps the row")
        #expect(try !end("xor", part: 1, Size(width: 80, height: 24)).choice.side)
        #expect(try !end("softmax", part: 1, Size(width: 100, height: 30)).choice.side)
    }

    @Test func fastForwardAndAutoplayTargets() throws {
        let (part, _) = try xor()
        var stepper = try part.makeStepper()
        let perEpoch = stepper.plan.stepsPerEpoch
        #expect(TrainingTrack.fastForwardTarget(stepper, epochs: 10) == 10 * perEpoch)
        #expect(TrainingTrack.autoplayTarget(stepper) == 1)
        stepper.go(to: stepper.plan.stepsPerPass)  // the first pass is done
        #expect(TrainingTrack.epochsPerTick(stepper) == 50)
        #expect(TrainingTrack.autoplayTarget(stepper) == 50 * perEpoch)
        stepper.go(to: 50 * perEpoch)
        #expect(TrainingTrack.autoplayTarget(stepper) == 100 * perEpoch)
        #expect(TrainingTrack.fastForwardTarget(stepper, epochs: 10_000) == stepper.count)

        let flow = try LessonFixtures.lesson("xor").parts[0]
        var rows = try flow.makeStepper()
        rows.go(to: rows.plan.stepsPerPass + 2)
        #expect(TrainingTrack.autoplayTarget(rows) == 2 * rows.plan.stepsPerPass)
    }

    @Test func decisionMapAndLossChartBeforeTraining() throws {
        let (part, track) = try xor()
        let pane = TrainingPane(track: track, graph: part.startGraph, completedEpochs: 0, theme: .monochrome())
        let buffer = render(pane, width: 36, height: 18)
        #expect(picture(buffer) == """
            ┌ f over x1→ x2↑ · epoch 0 ────────┐
            │ 1.5 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒│
            │     ▒▒▒▒▒▒▒1▒▒▒▒▒▒▒▒▒▒▒▒▒0▒▒▒▒▒▒▒│
            │     ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒│
            │     ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒│
            │     ▒▒▒▒▒▒▒0▒▒▒▒▒▒▒▒▒▒▒▒▒1▒▒▒▒▒▒▒│
            │−0.5 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒│
            │     −0.5         x1→          1.5│
            └─ f: 0 ░▒▓█ 1 · digits: targets ──┘
            ┌ loss 0.252 before training ──────┐
            │0.252│⠁                           │
            │     │                            │
            │     │                            │
            │     │                            │
            │    0│                            │
            │     └────────────────────────────│
            │      0          epoch            │
            └──────────────────────────────────┘
            """)
        // Two columns narrower (beside xor 2's flow diagram at 100×30), the scale keeps its
        // spaces and starts straight after the corner.
        let narrow = picture(render(pane, width: 34, height: 18)).split(separator: "\n")[8]
        #expect(narrow == "└ f: 0 ░▒▓█ 1 · digits: targets ─┘")
    }

    /// In colour, the colour of a cell says f ≥ 0.5 (a trained net's f(1,1) of 0.6 is a
    /// light shade in the colour of the answer 1): the legend says so, its swatch in that
    /// colour, the shades still grading f.
    @Test func theColourLegendSaysWhatTheColourMarks() throws {
        let (part, track) = try xor()
        let theme = Theme.colored()
        let pane = TrainingPane(track: track, graph: try trained(part, epochs: 2000), completedEpochs: 2000, theme: theme)
        let buffer = render(pane, width: 36, height: 18)
        let bottom = picture(buffer).split(separator: "\n")[8]
        #expect(bottom == "└─ █ f ≥ 0.5 · digits: targets ────┘")
        #expect(buffer[3, 8].symbol == "█" && buffer[3, 8].style.foreground == theme(.value).foreground)
        #expect(buffer[5, 8].style.foreground == theme(.key).foreground)
        // Beside the 2-2-1 net at 100×30 the side pane has `Panes.sideMinimum` columns: the
        // legend starts straight after the corner rather than close up `f≥0.5`.
        let narrowBuffer = render(pane, width: Panes.sideMinimum, height: 18)
        let narrow = picture(narrowBuffer).split(separator: "\n")[8]
        #expect(narrow == "└ █ f ≥ 0.5 · digits: targets ─┘")
        #expect(narrowBuffer[2, 8].symbol == "█" && narrowBuffer[2, 8].style.foreground == theme(.value).foreground)
        let wide = picture(render(pane, width: 60, height: 18)).split(separator: "\n")[8]
        #expect(wide.contains(" █ f ≥ 0.5, darker as f → 1 · digits: targets "))
    }

    /// A narrow pane drops the map title's epoch whole: "epoch 200…" would read as 200.
    @Test func aNarrowMapTitleDropsTheEpochWhole() throws {
        let (part, track) = try xor()
        let pane = TrainingPane(track: track, graph: try trained(part, epochs: 2000), completedEpochs: 2000, theme: .monochrome())
        let top = picture(render(pane, width: 29, height: 18)).split(separator: "\n").first ?? ""
        #expect(top.hasPrefix("┌ f over x1→ x2↑ ─") && !top.contains("epoch") && !top.contains("…"))
    }

    @Test func decisionMapAndLossChartAfterTraining() throws {
        let (part, track) = try xor()
        let pane = TrainingPane(track: track, graph: try trained(part, epochs: 2000), completedEpochs: 2000, theme: .monochrome())
        let buffer = render(pane, width: 36, height: 18)
        #expect(picture(buffer) == """
            ┌ f over x1→ x2↑ · epoch 2000 ─────┐
            │ 1.5 ███████▓▓▒▒░░                │
            │     ▓██████1███▓▓▓▒░░░   0       │
            │      ░░▒▓▓██████████▓▓▓▒░░░      │
            │           ░▒▒▓███████████▓▓▓▒░░░ │
            │            0  ░░▒▓▓██████1████▓▓▒│
            │−0.5                ░░▒▓▓█████████│
            │     −0.5         x1→          1.5│
            └─ f: 0 ░▒▓█ 1 · digits: targets ──┘
            ┌ loss 0.00115 · epoch 2000/2000 ──┐
            │0.252│⠉⠉⠉⠉⠉⠳⣄                     │
            │     │      ⠘⢦⡀                   │
            │     │        ⢳                   │
            │     │        ⠈⣇                  │
            │    0│         ⠈⠳⠤⠤⣄⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀│
            │     └────────────────────────────│
            │      0          epoch        2000│
            └──────────────────────────────────┘
            """)
    }

    @Test func asciiDecisionMapOfTheFlowDiagram() throws {
        let part = try LessonFixtures.lesson("xor").parts[0]
        let track = try #require(TrainingTrack(part: part))
        let pane = TrainingPane(track: track, graph: part.graph, completedEpochs: 0, theme: .monochrome(glyphs: .ascii))
        #expect(picture(render(pane, width: 30, height: 10)) == """
            + f over x1> x2^ ------------+
            | 1.5 #######                |
            |     #####1#####      0     |
            |       ############         |
            |           ###########      |
            |              ############  |
            |          0      #####1#####|
            |-0.5                 #######|
            |     -0.5      x1>       1.5|
            +- f: # 1 - digits: f -------+
            """)
    }

    func render(_ pane: TrainingPane, width: Int, height: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        buffer.render(pane, in: buffer.area)
        return buffer
    }
}
