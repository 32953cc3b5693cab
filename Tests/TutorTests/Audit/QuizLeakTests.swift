import Autograd
import Foundation
import Lessons
import Screen
import Testing
@testable import Tutor

/// Quiz mode never shows a number before it is asked and answered (issue: the quiz gave
/// its answers away in "Next:", in the first hint and in the gradient check). Every
/// question of every bundled lesson, at 100×30 and 80×24, is checked twice: as it is
/// asked, and after a wrong first answer, when the hint is up.
@Suite struct QuizLeakTests {
    /// What would give the answer away on this screen: the asked quantity written with
    /// its number ("∂f/∂z = 3", "q = 3"), or for a text answer the word itself.
    static func giveaways(of question: QuizQuestion, in state: TutorState) -> [String] {
        let names = state.scene.names
        let output = names[state.stepper.plan.tape.output.index]
        let notation = state.notation
        let escape = NSRegularExpression.escapedPattern(for:)
        guard case .number(let answer, _) = question.answer else {
            if case .text(let word) = question.answer { return ["(?<![A-Za-z])" + escape(word) + "(?![A-Za-z])"] }
            return []
        }
        // The number standing alone: not the start of 0.35, 13 or "0.5 − x1".
        let number = escape(notation.number(answer)) + #"(?![0-9.]| ?[−+·×/*-] )"#
        switch question.topic {
        case .value(let id) where id == state.stepper.plan.tape.output:
            // The loss chart beside the graph writes the output too.
            return [escape(names[id.index] + " = ") + number, "loss " + number]
        case .value(let id): return [escape(names[id.index] + " = ") + number]
        case .seed(let id): return [escape(notation.derivative(names[id.index], names[id.index]) + " = ") + number]
        case .gradient(let into, _): return [escape(notation.derivative(output, names[into.index]) + " = ") + number]
        case .update(let id): return [escape("\(names[id.index]) \(notation.assign) \(names[id.index])")]
        case .lesson: return []
        }
    }

    /// The text of one pane.
    static func paneText(_ rect: Rect, of state: TutorState) -> String {
        let buffer = view(state)
        return (rect.y..<rect.maxY).map { y in (rect.x..<rect.maxX).map { buffer[$0, y].symbol }.joined() }.joined(separator: "\n")
    }

    /// The Step and Lesson panes and the graph, without the question itself (its prompt
    /// may name numbers the student needs).
    static func shown(_ state: TutorState) -> String {
        let buffer = view(state)
        var rows: [String] = []
        for rect in [state.panes.graph, state.panes.narration] + (state.panes.side.map { [$0] } ?? []) {
            for y in rect.y..<rect.maxY { rows.append((rect.x..<rect.maxX).map { buffer[$0, y].symbol }.joined()) }
        }
        // The Step pane below the question block (its lines are the inspector's).
        rows += Inspector(state: state).lines().map(\.text)
        return rows.joined(separator: "\n") + "\n"
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// Whether `text` has `number` as a number of its own (not a part of 0.35 or 13).
    static func contains(_ text: String, number: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: number)
        return text.range(of: "(?<![0-9.])" + escaped + "(?![0-9])", options: .regularExpression) != nil
    }

    static func audit(_ name: String, size: Size) throws -> (asked: Int, leaks: [String]) {
        let lesson = try LessonFixtures.lesson(name)
        var state = try TutorState(subject: .lesson(lesson), theme: .monochrome(), size: size, keyMap: .classroom)
        state.classroom.quizEnabled = true
        var asked = 0
        var leaks: [String] = []
        var moves = 0
        while !state.isAtLessonEnd, moves < 20_000 {
            moves += 1
            // Past the first pass a part repeats itself: go to its end, where its closing
            // questions wait.
            if !state.classroom.quiz.isAsking, state.stepper.position > state.stepper.plan.stepsPerPass,
               !state.stepper.isAtEnd {
                state.apply(.toEnd)
                continue
            }
            state.apply(.next)
            guard let question = state.classroom.quiz.current else { continue }
            asked += 1
            let place = "\(name) part \(state.part + 1) step \(state.stepper.position) at \(size): \(question.prompt)"
            for giveaway in giveaways(of: question, in: state) where matches(shown(state), giveaway) {
                leaks.append("\(place): the screen shows /\(giveaway)/ before the answer")
            }
            // (Not where the prompt itself gives that number as another quantity, as
            // bce-neuron's "∂ℓ/∂ξ1 = −0.138 and x1 = 1. What is ∂ℓ/∂w11?" does.)
            if question.topic == .lesson, case .number(let value, _) = question.answer,
               !contains(question.prompt, number: state.notation.number(value)),
               contains(paneText(state.panes.narration, of: state), number: state.notation.number(value)) {
                leaks.append("\(place): the narration shows the answer \(state.notation.number(value))")
            }
            // A wrong first answer: the hint must teach, not tell.
            let wrong: String = if case .number(let value, _) = question.answer { "\(value + 1000)" } else { "9" }
            for c in wrong { state.apply(.classroom(.quizType(c))) }
            state.apply(.classroom(.quizSubmit))
            let feedback = state.classroom.quiz.feedback?.lines.joined(separator: "\n") ?? ""
            for giveaway in giveaways(of: question, in: state) where matches(shown(state) + feedback, giveaway) {
                leaks.append("\(place): after a wrong answer the screen shows /\(giveaway)/")
            }
            // The hint may repeat a number the question states, never another that is the answer.
            if case .number(let value, _) = question.answer, value != 0, value != 1,
               contains(question.hint, number: state.notation.number(value)),
               !contains(question.prompt, number: state.notation.number(value)) {
                leaks.append("\(place): the hint tells the answer \(state.notation.number(value))")
            }
            state.apply(.classroom(.quizReveal))
        }
        return (asked, leaks)
    }

    @Test(arguments: ScreenAuditTests.lessons, ScreenAuditTests.sizes)
    func noQuestionIsAnsweredOnScreenBeforeItIsAsked(_ name: String, size: Size) throws {
        let (asked, leaks) = try Self.audit(name, size: size)
        #expect(asked > 0)
        let shown = leaks.prefix(20).joined(separator: "\n")
        #expect(leaks.isEmpty, "\(leaks.count) leaks in \(asked) questions:\n\(shown)")
    }
}
