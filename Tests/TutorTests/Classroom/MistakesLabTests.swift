import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// The mistakes lab in the tutor: `m` switches the bugs on and off in place, the status
/// line names the bug, and the Step pane sets the right gradient (and finite differences)
/// beside the wrong one.
@Suite struct MistakesLabTests {
    func open(_ name: String, part: Int = 0) throws -> TutorState {
        try TutorState(subject: .lesson(LessonFixtures.lesson(name)), part: part, theme: .monochrome(),
                       size: Size(width: 100, height: 30), keyMap: .classroom)
    }

    func text(_ lines: [Line]) -> String { lines.map(\.text).joined(separator: "\n") }

    @Test func mCyclesThroughTheBugsInPlace() throws {
        var state = try open("partials", part: 1)
        state.apply(.jump(to: 5))
        #expect(state.stepper.mistake == nil)
        state.receive(.key(.character("m")))
        #expect(state.stepper.mistake == .assign && state.stepper.position == 5)
        #expect(state.message == "Mistake on: = instead of += (m: next).")
        #expect(picture(view(state)).split(separator: "\n")[0].contains("mistake: = instead of += · backward pass · step 5/7"))
        state.receive(.key(.character("m")))
        #expect(state.stepper.mistake == .backwardTwice)
        state.receive(.key(.character("m")))
        #expect(state.stepper.mistake == nil && state.message == "Mistakes off: every gradient is right again.")
        // A part that trains shows the forgotten zero_grad instead.
        var training = try open("polynomial-fit", part: 1)
        training.receive(.key(.character("m")))
        #expect(training.stepper.mistake == nil && training.message == "m works on one pass; in training the classic bug is a forgotten zero_grad.")
    }

    @Test func theRightGradientBesideTheWrongOne() throws {
        let lab = try open("mistakes")
        #expect(lab.stepper.mistake == .assign)  // the part opens with its bug on
        let x1 = try #require(lab.stepper.graph.id(named: "x1"))
        let atX1 = update(lab, .jump(to: lab.stepper.plan.index(of: .backward(x1)).map { $0 + 1 } ?? 0))
        let pane = text(atX1.inspectorPaneLines)
        #expect(pane.contains("∂f/∂x1 = 7 (via f), then 2 (via s); with = only the last stays: 2"))
        // The gradient check (v) tests the stepper's own gradient: with = it disagrees.
        let checked = update(update(lab, .toEnd), .classroom(.toggleGradientCheck))
        #expect(text(checked.classroomLines()).contains("backprop   2"))
        #expect(text(checked.classroomLines()).contains("✗ they disagree"))
        let end = text(update(lab, .toEnd).inspectorPaneLines)
        // The generated sentence at the end no longer says every gradient measures a nudge.
        var atEnd = update(lab, .toEnd)
        while atEnd.isOnPage { atEnd.apply(.back) }
        #expect(Narrator(state: atEnd).generated() == "Done. With = instead of +=, not every ∂f/∂(leaf) says how much f changes when that leaf is nudged: the Step pane sets the right ones beside the wrong.")
        #expect(end.contains("Wrong (= instead of +=); the right gradients:\n∂f/∂x1 = 9 (finite differences: 9), not 2"))
        // Before the end (x2's step in the second backward()), beside the step.
        let second = try open("mistakes", part: 1)
        let x2 = try #require(second.stepper.graph.id(named: "x2"))
        let atX2 = update(second, .jump(to: (second.stepper.plan.index(of: .backward(x2)) ?? 0) + 1))
        #expect(text(atX2.inspectorPaneLines).contains("∂f/∂x2 = 2 (left by the first backward()) + 2 (via s) = 4\nWrong (backward() twice): the right ∂f/∂x2 is 2; finite differences measure 2 too"))
        // A wrong leaf's gradient is final, but does not say what a nudge does.
        #expect(text(atX2.inspectorPaneLines).contains("x2 has no inputs, so its gradient is final: with backward() twice, a wrong one."))
        // The first addition into x1 starts from what the first call left, and says so.
        let seed = update(second, .jump(to: (second.stepper.plan.index(of: .backward(second.stepper.plan.tape.output)) ?? 0) + 1))
        #expect(text(seed.inspectorPaneLines).contains("   so far ∂f/∂x1 = 9 (left by the first backward()) + 7 = 16"), "\(text(seed.inspectorPaneLines))")
        let twice = update(try open("mistakes", part: 1), .toEnd)
        #expect(twice.stepper.graph.grad(of: x1) == 18)
        #expect(text(twice.inspectorPaneLines).contains("∂f/∂x2 = 2 (finite differences: 2), not 4"))
    }
}
