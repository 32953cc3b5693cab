import Testing
import Screen
import Autograd
import Lessons
@testable import Tutor

@Suite struct QuizTests {
    func chainRule() throws -> (LessonPart, Stepper) {
        let part = try LessonFixtures.lesson("chain-rule").parts[0]
        return (part, try part.makeStepper())
    }

    @Test func forwardAsksForTheValue() throws {
        let (part, stepper) = try chainRule()
        let questions = QuizMaker.questions(part: part, stepper: stepper)
        #expect(questions.map(\.prompt) == ["Forward: q = x + y = −2 + 5 = ?"])
        #expect(questions[0].answer == .number(3, tolerance: 0.015))
        #expect(questions[0].judge("3") == .right)
        #expect(questions[0].judge("-3") == .wrong("Right size, wrong sign."))
        #expect(questions[0].explanation == "q = x + y = −2 + 5 = 3")
    }

    @Test func backwardOfTheMulGateUsesTheLessonPromptAndExplainsMistakes() throws {
        var (part, stepper) = try chainRule()
        stepper.go(to: 3)  // forward q, forward f, seed: next is backward f
        #expect(stepper.nextStep == .backward(try #require(stepper.graph.id(named: "f"))))
        let questions = QuizMaker.questions(part: part, stepper: stepper)
        #expect(questions.map(\.prompt) == ["f = q·z. What is ∂f/∂z?", "Backward: ∂f/∂q = ∂f/∂f · local = ?"])
        // The lesson's prompt for ∂f/∂z took over the computed question's diagnoses.
        #expect(questions[0].judge("3") == .right)
        #expect(questions[0].judge("-4") == .wrong(
            "mul swaps its inputs: the local gradient ∂f/∂z is the other input's value, not z's own value."))
        #expect(questions[0].explanation == "∂f/∂z = q = 3. ∂f/∂z = ∂f/∂f · local = 1 × 3 = 3 (upstream × local).")
        let dq = questions[1]
        #expect(dq.answer == .number(-4, tolerance: 0.02))
        #expect(dq.judge("3") == .wrong(
            "mul swaps its inputs: the local gradient ∂f/∂q is the other input's value, not q's own value."))
        #expect(dq.judge("1") == .wrong("That is the upstream gradient ∂f/∂f = 1 alone: multiply it by the local gradient ∂f/∂q."))
        #expect(dq.judge("4") == .wrong("Right size, wrong sign: check the sign of the upstream and of the local gradient."))
        #expect(dq.judge("7") == .wrong(nil))
        #expect(dq.hint == "Hint: chain rule, upstream × local; the upstream ∂f/∂f is in f's box. Mul swaps its inputs: each input's local gradient is the other input's value.")
    }

    @Test func addGateHintAndTheLocalGradientMistake() throws {
        var (part, stepper) = try chainRule()
        stepper.go(to: 4)  // next: backward q
        let questions = QuizMaker.questions(part: part, stepper: stepper)
        #expect(questions.map(\.prompt) == [
            "∂f/∂q = −4 and ∂q/∂x = 1. What is ∂f/∂x?", "Backward: ∂f/∂y = ∂f/∂q · ∂q/∂y = ?",
        ])
        let dy = questions[1]
        #expect(dy.judge("1") == .wrong("That is the local gradient ∂q/∂y = 1 alone: multiply it by the upstream gradient ∂f/∂q = −4."))
        #expect(dy.hint.hasSuffix("Add hands the upstream gradient on unchanged to every input."))
    }

    @Test func fanOutAsksForTheRunningSum() throws {
        var graph = Graph()
        let a = graph.addLeaf(.input, name: "a", value: 2)
        let d = graph.addOp(.mul, [a, graph.addLeaf(.const, value: 3)], name: "d")
        let e = graph.addOp(.mul, [a, a], name: "e")
        graph.addOp(.add, [d, e], name: "f")
        var stepper = try Stepper(graph: graph)
        // forward d, e, f; seed; backward f; backward e (pushes 2+2 into a); next: backward d.
        stepper.go(to: 6)
        #expect(stepper.nextStep == .backward(d))
        let questions = QuizMaker.questions(part: nil, stepper: stepper)
        #expect(questions.count == 1)  // the literal 3 is not asked about
        let question = questions[0]
        #expect(question.prompt == "Backward: a is used 3 times, so ∂f/∂a sums its contributions. It holds 4 so far. ∂f/∂a after adding the one via d (∂f/∂d · ∂d/∂a) = ?")
        #expect(question.answer == .number(7, tolerance: 0.035))
        #expect(question.judge("3") == .wrong("That is only the contribution via d: a fans out, so add the 4 it already holds."))
        #expect(question.judge("4") == .wrong("That is what a held before: add the contribution via d, ∂f/∂d · ∂d/∂a."))
        #expect(question.explanation == "∂f/∂a = 4 + 1 × 3 = 7: a fan-out adds its contributions.")
        #expect(question.hint.hasSuffix("A fan-out adds its contributions: the new ∂f/∂a is what it holds plus upstream × local."))
    }

    @Test func seedAndUpdateQuestions() throws {
        let (_, start) = try chainRule()
        var stepper = start
        stepper.go(to: 2)
        let seed = QuizMaker.questions(part: nil, stepper: stepper)
        #expect(seed.map(\.prompt) == ["The backward pass starts at the output f. ∂f/∂f = ?"])
        #expect(seed[0].judge("0") == .wrong("0 would stop every gradient before it starts."))

        var graph = Graph()
        let w = graph.addLeaf(.param, name: "w", value: 0.5)
        graph.addOp(.mul, [w, w], name: "L")
        var training = try Stepper(graph: graph, training: TrainingSettings(learningRate: 0.1))
        training.go(to: 4)  // forward L, seed, backward L, backward w: next is update w
        let update = QuizMaker.questions(part: nil, stepper: training)
        #expect(update.map(\.prompt) == ["Update: w ← w − η·∂L/∂w with w = 0.5, η = 0.1, ∂L/∂w = 1. New w = ?"])
        #expect(update[0].answer == .number(0.4, tolerance: 0.005))
        #expect(update[0].judge("0.6") == .wrong("Wrong direction: gradient descent steps against the gradient, so subtract η·∂L/∂w."))
        #expect(update[0].judge("-0.5") == .wrong("Scale the step by the learning rate η = 0.1."))
    }

    @Test func numbersMayBeTypedInSeveralWays() {
        #expect(QuizQuestion.number("−4") == -4)
        #expect(QuizQuestion.number(" 1/4 ") == 0.25)
        #expect(QuizQuestion.number("1e-3") == 0.001)
        #expect(QuizQuestion.number("1/0") == nil)
        #expect(QuizQuestion.number("four") == nil)
    }

    @Test func sessionGivesASecondTryAndKeepsScore() throws {
        var (part, stepper) = try chainRule()
        stepper.go(to: 3)
        var session = QuizSession()
        let spot = QuizSession.Spot(part: 0, position: 3)
        #expect(session.needsQuiz(at: spot))
        session.begin(QuizMaker.questions(part: part, stepper: stepper), at: spot)
        #expect(!session.needsQuiz(at: spot))
        // ∂f/∂z: not a number, then wrong, then right.
        for ch in "z" { session.type(ch) }
        #expect(!submit(&session))
        #expect(session.feedback?.kind == .unreadable)
        session.deleteBackward()
        for ch in "-4" { session.type(ch) }
        #expect(!submit(&session))
        #expect(session.feedback == QuizSession.Feedback(kind: .tryAgain, lines: [
            "✗ Not −4. mul swaps its inputs: the local gradient ∂f/∂z is the other input's value, not z's own value.",
            "Hint: chain rule, upstream × local; the upstream ∂f/∂f is in f's box. Mul swaps its inputs: each input's local gradient is the other input's value.",
            "Try again.",
        ]))
        #expect(session.reply == "")
        session.type("3")
        #expect(submit(&session))
        #expect(session.feedback?.kind == .right)
        #expect(session.score == QuizScore(firstTry: 0, secondTry: 1, missed: 0))
        // ∂f/∂q: wrong twice, then the answer is shown.
        #expect(session.current?.prompt == "Backward: ∂f/∂q = ∂f/∂f · local = ?")
        session.type("1")
        #expect(!submit(&session))
        session.type("2")
        #expect(submit(&session))
        #expect(session.feedback == QuizSession.Feedback(kind: .revealed, lines: [
            "✗ Not 2 either. The answer is −4.", "∂f/∂q = ∂f/∂f · local = 1 × (−4) = −4 (upstream × local).",
        ]))
        #expect(!session.isAsking)
        #expect(session.score.description == "score 1/2 (0 at the first try)")
    }

    @Test func revealCountsAsMissed() throws {
        let (part, stepper) = try chainRule()
        var session = QuizSession()
        session.begin(QuizMaker.questions(part: part, stepper: stepper), at: .init(part: 0, position: 0))
        session.reveal()
        #expect(session.feedback?.lines == ["The answer is 3. q = x + y = −2 + 5 = 3"])
        #expect(session.score == QuizScore(missed: 1))
    }

    @Test func laterPassesAskOnlyTheLessonsPrompts() throws {
        let xor = try LessonFixtures.lesson("xor").parts[1]
        var stepper = try xor.makeStepper()
        stepper.go(to: 1)  // after sample 1: the first forward step is asked
        #expect(QuizMaker.questions(part: xor, stepper: stepper).count == 1)
        stepper.go(to: stepper.plan.stepsPerPass + 1)  // the same step on the second row
        #expect(QuizMaker.questions(part: xor, stepper: stepper).isEmpty)
    }
}

func submit(_ session: inout QuizSession) -> Bool { session.submit() }

/// In the flow view the quiz names what the diagram draws: a neuron's term is an edge
/// there, so it asks what the edge carries and what comes back along it from its ξ, and
/// not for the hidden product's gradient, which is the ξ's own.
@Suite struct FlowQuizTests {
    @Test func theQuizSpeaksOfEdges() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(state.showsFlow)
        let graph = state.stepper.graph
        let w11 = try #require(graph.id(named: "w11")), xi1 = try #require(graph.id(named: "ξ1"))
        let term = try #require(graph.consumers()[w11.index].first)
        func asked(_ state: TutorState) -> [String] {
            QuizMaker.questions(part: state.lessonPart, stepper: state.stepper, names: state.scene.names, edges: state.drawnEdges)
                .map(\.prompt)
        }
        while state.stepper.nextStep != .forward(term) { state.apply(.next) }
        #expect(asked(state).contains("Forward along the edge x1 → ξ1: w11 · x1 = 0.133 · 0 = ?"), "\(asked(state))")
        while state.stepper.nextStep != .backward(xi1) { state.apply(.next) }
        #expect(!asked(state).contains { $0.contains("(w11·x1)") || $0.contains("(w12·x2)") }, "\(asked(state))")
        #expect(asked(state).contains { $0.hasPrefix("Backward: ∂loss/∂b1 = ∂loss/∂ξ1 · ∂ξ1/∂b1") }, "\(asked(state))")
        while state.stepper.nextStep != .backward(term) { state.apply(.next) }
        let prompts = asked(state)
        #expect(prompts.contains("Backward: ∂loss/∂w11 = ∂loss/∂ξ1 · ∂ξ1/∂w11 = ?"), "\(prompts)")
        #expect(prompts.contains { $0.contains("after adding the one via ξ1 (∂loss/∂ξ1 · ∂ξ1/∂x1)") }, "\(prompts)")
        // A negation is the weight −1 on its edge (xor part 1).
        var first = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        let x1 = try #require(first.stepper.graph.id(named: "x1"))
        let negation = try #require(first.stepper.graph.consumers()[x1.index].first { first.stepper.graph.op(of: $0) == .neg })
        while first.stepper.nextStep != .forward(negation) { first.apply(.next) }
        #expect(asked(first).contains("Forward along the edge x1 → ξ1: −1 · x1 = −1 · 0 = ?"), "\(asked(first))")
        // Its hint is the product's, not "flip the sign" (which leads from 1 to −1, not to 0).
        let negated = QuizMaker.questions(part: first.lessonPart, stepper: first.stepper, names: first.scene.names, edges: first.drawnEdges)
            .first { $0.prompt.hasSuffix("−1 · x1 = −1 · 0 = ?") }
        #expect(negated?.hint == "Hint: multiply the inputs.", "\(negated?.hint ?? "none")")
        // The circuit view asks about the gate it draws.
        state.apply(.toggleGraphView)
        #expect(asked(state).contains("Backward: ∂loss/∂w11 = ∂loss/∂(w11·x1) · ∂(w11·x1)/∂w11 = ?"), "\(asked(state))")
    }

    /// `g` while a question waits asks it again in the other view's words, the reply
    /// typed so far kept; a question the flow view has no words for (a hidden term's
    /// gradient) goes.
    @Test func aWaitingQuestionFollowsTheView() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let graph = state.stepper.graph
        let w11 = try #require(graph.id(named: "w11"))
        let term = try #require(graph.consumers()[w11.index].first)
        while state.stepper.nextStep != .forward(term) { state.apply(.next) }
        state.apply(.classroom(.toggleQuiz))
        state.apply(.next)
        #expect(state.classroom.quiz.current?.prompt == "Forward along the edge x1 → ξ1: w11 · x1 = 0.133 · 0 = ?")
        state.apply(.classroom(.quizType("0")))
        state.apply(.toggleGraphView)
        #expect(state.classroom.quiz.current?.prompt.hasPrefix("Forward: (w11·x1) = w11 · x1") == true,
                "\(state.classroom.quiz.current?.prompt ?? "none")")
        #expect(state.classroom.quiz.reply == "0")
        state.apply(.toggleGraphView)
        #expect(state.classroom.quiz.current?.prompt == "Forward along the edge x1 → ξ1: w11 · x1 = 0.133 · 0 = ?")
        // Backward through the term, asked in the circuit view: its gradient, then w11's.
        state.apply(.classroom(.quizSubmit))
        #expect(!state.classroom.quiz.isAsking)
        state.apply(.toggleGraphView)
        while state.stepper.nextStep != .backward(term) {
            state.apply(.next)
            while state.classroom.quiz.isAsking { state.apply(.classroom(.quizReveal)) }
        }
        state.apply(.next)
        let circuit = state.classroom.quiz.pending.map(\.prompt)
        #expect(circuit.contains { $0.contains("(w11·x1)") }, "\(circuit)")
        state.apply(.toggleGraphView)
        let flow = state.classroom.quiz.pending.map(\.prompt)
        #expect(!flow.isEmpty && !flow.contains { $0.contains("(w11·x1)") }, "\(flow)")
        #expect(flow.contains("Backward: ∂loss/∂w11 = ∂loss/∂ξ1 · ∂ξ1/∂w11 = ?"), "\(flow)")
    }
}
