import Foundation

/// What a student has done in one lesson, kept between sessions (`backprop progress`):
/// the place they left it, the parts they finished and their quiz score per part.
public struct LessonProgress: Codable, Sendable, Equatable {
    /// The part reached (from 0) and the step in it.
    public var part: Int
    public var step: Int
    /// The steps that part had: a lesson edited since resumes at the part's start.
    public var stepsInPart: Int
    /// The lesson's parts, and those the student has seen to their end (ascending).
    public var partCount: Int
    public var finishedParts: [Int]
    /// The quiz score per part, by part index as text (JSON keys are strings).
    public var quiz: [String: QuizScore]

    public init(part: Int = 0, step: Int = 0, stepsInPart: Int = 0, partCount: Int, finishedParts: [Int] = [],
                quiz: [String: QuizScore] = [:]) {
        self.part = part
        self.step = step
        self.stepsInPart = stepsInPart
        self.partCount = partCount
        self.finishedParts = finishedParts
        self.quiz = quiz
    }

    /// Every part seen to its end.
    public var isFinished: Bool { partCount > 0 && Set(finishedParts).isSuperset(of: 0..<partCount) }

    /// The quiz score over all parts.
    public var quizTotal: QuizScore {
        quiz.values.reduce(into: QuizScore()) { total, score in
            total.firstTry += score.firstTry
            total.secondTry += score.secondTry
            total.missed += score.missed
        }
    }

    /// `✓ finished`, or `part 2 of 4, step 14 of 61 · 1 part done`, for the picker and
    /// `backprop progress`.
    public var summary: String {
        if isFinished { return "✓ finished" }
        let place = (partCount > 1 ? "part \(part + 1) of \(partCount), " : "") + "step \(step) of \(stepsInPart)"
        let done = Set(finishedParts).count
        return partCount > 1 && done > 0 ? place + " · \(done) part\(done == 1 ? "" : "s") done" : place
    }

    /// `quiz 3/4`, or nothing when no question was asked.
    public var quizSummary: String? {
        let total = quizTotal
        return total.asked == 0 ? nil : "quiz \(total.right)/\(total.asked)"
    }
}

/// Follows one lesson session and keeps its `LessonProgress` up to date: the record the
/// session started from, plus where the student is, the parts they reached the end of
/// and this session's quiz answers. A value; the caller writes `record` out when
/// `observe` says it is worth it, and once more at the end.
public struct ProgressKeeper: Sendable, Equatable {
    /// The record the session started from (nil: a lesson not started before).
    public let base: LessonProgress?
    public private(set) var record: LessonProgress

    public init(base: LessonProgress?, partCount: Int) {
        self.base = base
        record = base ?? LessonProgress(partCount: partCount)
        record.partCount = partCount
    }

    /// Takes in the state after an input. True when something worth saving at once
    /// changed (another part, a part finished, a quiz answer); a step alone is saved at
    /// the end of the session.
    @discardableResult
    public mutating func observe(_ state: TutorState) -> Bool {
        let before = record
        record.part = state.part
        record.step = state.stepper.position
        record.stepsInPart = state.stepper.count
        if state.stepper.isAtEnd, !record.finishedParts.contains(state.part) {
            record.finishedParts = (record.finishedParts + [state.part]).sorted()
        }
        var quiz = base?.quiz ?? [:]
        for (part, score) in state.classroom.quiz.partScores {
            let earlier = quiz[String(part)] ?? QuizScore()
            quiz[String(part)] = QuizScore(firstTry: earlier.firstTry + score.firstTry, secondTry: earlier.secondTry + score.secondTry,
                                           missed: earlier.missed + score.missed)
        }
        record.quiz = quiz
        return record.part != before.part || record.finishedParts != before.finishedParts || record.quiz != before.quiz
    }
}

extension TutorState {
    /// Opens the place `progress` left off, if the lesson still has it (same parts, same
    /// steps in that part), and says so; else stays at the start. True when it resumed.
    @discardableResult
    public mutating func resume(_ progress: LessonProgress) -> Bool {
        guard progress.partCount == subject.partCount, subject.lessonPart(progress.part) != nil,
              progress.part != 0 || progress.step != 0 else { return false }
        // A lesson seen to its end opens at its start again (its ✓ stays).
        guard !progress.isFinished else {
            message = "You finished this lesson before: here it is from the start."
            return false
        }
        do {
            try open(part: progress.part, atEnd: false)
        } catch {
            return false
        }
        guard stepper.count == progress.stepsInPart else {
            message = "This lesson changed since you left it: part \(part + 1) starts again."
            return true
        }
        move { $0.go(to: progress.step) }
        let place = subject.partCount > 1 ? "part \(part + 1), step \(stepper.position)" : "step \(stepper.position)"
        message = "Resumed at \(place). r restarts the part" + (part > 0 ? ", [ goes to the part before." : ".")
        return true
    }
}
