import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// What is kept of a lesson session (part, step, parts finished, quiz score per part),
/// and resuming from it.
@Suite struct ProgressKeeperTests {
    func open(_ name: String) throws -> TutorState {
        try TutorState(subject: .lesson(LessonFixtures.lesson(name)), theme: .monochrome(),
                       size: Size(width: 100, height: 30), keyMap: .classroom)
    }

    func press(_ state: inout TutorState, _ keys: Key...) {
        for key in keys { state.receive(.key(key)) }
    }

    @Test func followsPartStepAndFinishedParts() throws {
        var state = try open("perceptron")
        var keeper = ProgressKeeper(base: nil, partCount: 6)
        #expect(keeper.record == LessonProgress(partCount: 6))
        state.apply(.jump(to: 5))
        do { let changed = keeper.observe(state); #expect(!changed) }  // a step alone is saved at the end
        #expect(keeper.record.part == 0 && keeper.record.step == 5 && keeper.record.stepsInPart == state.stepper.count)
        state.apply(.toEnd)  // the last step done is the part finished (a closing page or not)
        do { let changed = keeper.observe(state); #expect(changed) }  // part 1 finished: saved at once
        #expect(keeper.record.finishedParts == [0])
        state.apply(.nextPart)
        do { let changed = keeper.observe(state); #expect(changed) }  // another part: saved at once
        #expect(keeper.record.part == 1 && keeper.record.step == 0 && keeper.record.summary == "part 2 of 6, step 0 of \(state.stepper.count) · 1 part done")
        #expect(!keeper.record.isFinished)
        // Every part seen to its end: finished.
        let all = LessonProgress(part: 5, step: 3, stepsInPart: 3, partCount: 6, finishedParts: Array(0..<6))
        #expect(all.isFinished && all.summary == "✓ finished")
    }

    @Test func quizScoresAddUpPerPartAcrossSessions() throws {
        var state = try open("chain-rule")
        let earlier = LessonProgress(partCount: 1, quiz: ["0": QuizScore(firstTry: 1, secondTry: 0, missed: 2)])
        var keeper = ProgressKeeper(base: earlier, partCount: 1)
        press(&state, .character("z"), .right, .right)  // quiz on; the opening page; q = x + y = ?
        #expect(state.classroom.quiz.current?.prompt == "Forward: q = x + y = −2 + 5 = ?")
        press(&state, .character("3"), .enter)
        #expect(state.classroom.quiz.partScores == [0: QuizScore(firstTry: 1)])
        do { let changed = keeper.observe(state); #expect(changed) }  // an answer: saved at once
        #expect(keeper.record.quiz == ["0": QuizScore(firstTry: 2, secondTry: 0, missed: 2)])
        #expect(keeper.record.quizSummary == "quiz 2/4")
        // Observed again without a new answer, nothing is counted twice.
        do { let changed = keeper.observe(state); #expect(!changed) }
        #expect(keeper.record.quizTotal == QuizScore(firstTry: 2, secondTry: 0, missed: 2))
    }

    @Test func resumesWhereTheStudentLeftOff() throws {
        var state = try open("perceptron")
        var second = state
        second.apply(.nextPart)
        let stored = LessonProgress(part: 1, step: 14, stepsInPart: second.stepper.count, partCount: 6)
        do { let resumed = state.resume(stored); #expect(resumed) }
        #expect(state.part == 1 && state.stepper.position == 14)
        #expect(state.message == "Resumed at part 2, step 14. r restarts the part, [ goes to the part before.")
        // r starts the part over.
        press(&state, .character("r"))
        #expect(state.part == 1 && state.stepper.position == 0)
    }

    @Test func aChangedLessonIsNotResumedBlindly() throws {
        var state = try open("perceptron")
        // The part has other steps now: it starts again, and says why.
        do { let resumed = state.resume(LessonProgress(part: 1, step: 14, stepsInPart: 9_999, partCount: 6)); #expect(resumed) }
        #expect(state.part == 1 && state.stepper.position == 0)
        #expect(state.message == "This lesson changed since you left it: part 2 starts again.")
        // Other parts altogether, or a part that is gone: the start, as if new.
        var other = try open("perceptron")
        do { let resumed = other.resume(LessonProgress(part: 1, step: 3, stepsInPart: 61, partCount: 5)); #expect(!resumed) }
        do { let resumed = other.resume(LessonProgress(part: 7, step: 3, stepsInPart: 61, partCount: 6)); #expect(!resumed) }
        #expect(other.part == 0 && other.stepper.position == 0 && other.message == nil)
        // A lesson seen to its end opens at the start again, and says so.
        var again = try open("perceptron")
        let finished = LessonProgress(part: 5, step: 10, stepsInPart: 10, partCount: 6, finishedParts: Array(0..<6))
        do { let resumed = again.resume(finished); #expect(!resumed) }
        #expect(again.part == 0 && again.stepper.position == 0 && again.message == "You finished this lesson before: here it is from the start.")
    }
}
