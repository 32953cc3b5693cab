/// Quiz mode's state: the questions waiting at the cursor, the reply being typed, the
/// feedback on the last answer and the score. A value changed only by its methods, which
/// the tutor's `update` calls for the quiz actions.
///
/// Each question gets two tries: a wrong first answer earns a hint (the op's rule, and
/// what the mistake was when it is a known one), a wrong second answer shows the answer
/// and why. Each cursor position is quizzed once, so stepping back and forward again
/// does not ask twice.
public struct QuizSession: Sendable, Equatable {
    /// Where questions were asked: a part of the lesson, a stepper position in it, and
    /// the moment at that position (`QuizMoment`).
    public struct Spot: Sendable, Hashable {
        public var part: Int
        public var position: Int
        public var moment: QuizMoment
        public init(part: Int, position: Int, moment: QuizMoment = .beforeNextStep) {
            self.part = part
            self.position = position
            self.moment = moment
        }
    }

    /// What the student is told after an answer.
    public struct Feedback: Sendable, Equatable {
        /// Which verdict it is: the view styles each differently.
        public enum Kind: Sendable, Equatable { case right, tryAgain, revealed, unreadable }
        public var kind: Kind
        public var lines: [String]
    }

    /// The questions waiting at the cursor; the first is being asked.
    public private(set) var pending: [QuizQuestion] = []
    /// The reply typed so far.
    public private(set) var reply = ""
    /// Wrong answers to the current question so far (0 or 1).
    public private(set) var wrongTries = 0
    public private(set) var feedback: Feedback?
    public private(set) var score = QuizScore()
    /// The same score for each lesson part (by index) a question was asked in.
    public private(set) var partScores: [Int: QuizScore] = [:]
    /// Where the waiting questions were asked.
    public private(set) var askedAt: Spot?
    /// The part the waiting questions belong to.
    private var askedInPart = 0
    public private(set) var quizzed: Set<Spot> = []

    public init() {}

    /// The question being asked, if any.
    public var current: QuizQuestion? { pending.first }
    public var isAsking: Bool { !pending.isEmpty }

    /// Whether the cursor at `spot` still has to be quizzed.
    public func needsQuiz(at spot: Spot) -> Bool { !quizzed.contains(spot) }

    /// Starts asking `questions` at `spot` (marks the spot as quizzed even when there are
    /// none, so the step can go ahead).
    public mutating func begin(_ questions: [QuizQuestion], at spot: Spot) {
        quizzed.insert(spot)
        askedAt = spot
        askedInPart = spot.part
        pending = questions
        reply = ""
        wrongTries = 0
    }

    /// The waiting questions in other words, where the graph view changes while they wait
    /// (the flow view names an edge where the circuit names a gate): each by the one of
    /// `questions` that asks for the same number on the same topic, the reply and tries
    /// kept where the one being asked stays. One the new words have no question for goes
    /// (the flow view asks nothing of a hidden term's gradient, which is its ξ's).
    public mutating func reword(_ questions: [QuizQuestion]) {
        func same(_ a: QuizQuestion, _ b: QuizQuestion) -> Bool { a.topic == b.topic && a.answer == b.answer }
        let reworded = pending.compactMap { old in questions.first { same($0, old) } }
        if let asked = current, reworded.first.map({ !same($0, asked) }) ?? true {
            reply = ""
            wrongTries = 0
        }
        pending = reworded
    }

    /// Adds a character to the reply.
    public mutating func type(_ character: Character) {
        guard isAsking, reply.count < 40 else { return }
        reply.append(character)
    }

    /// Removes the last character of the reply.
    public mutating func deleteBackward() {
        if !reply.isEmpty { reply.removeLast() }
    }

    /// Checks the reply. Returns true when the current question is settled (right, or
    /// wrong for the second time), so the caller can move on once `isAsking` is false.
    @discardableResult
    public mutating func submit() -> Bool {
        guard let question = current else { return false }
        // Echoed as the screen writes numbers: −4, not -4.
        let typed = reply.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "-", with: "−")
        switch question.judge(reply) {
        case .unreadable(let message):
            feedback = Feedback(kind: .unreadable, lines: [message])
            return false
        case .right:
            count(wrongTries == 0 ? \.firstTry : \.secondTry)
            settle(Feedback(kind: .right, lines: ["✓ Right: \(typed). \(question.explanation)"]))
            return true
        case .wrong(let diagnosis):
            if wrongTries == 0 {
                wrongTries = 1
                let said = "✗ Not \(typed)."
                feedback = Feedback(kind: .tryAgain, lines: [[said, diagnosis].compactMap { $0 }.joined(separator: " "), question.hint, "Try again."])
                reply = ""
                return false
            }
            count(\.missed)
            let said = "✗ Not \(typed) either. The answer is \(question.answerText)."
            settle(Feedback(kind: .revealed, lines: [[said, diagnosis].compactMap { $0 }.joined(separator: " "), question.explanation]))
            return true
        }
    }

    /// Esc: show the answer without trying; counts as missed.
    public mutating func reveal() {
        guard let question = current else { return }
        count(\.missed)
        settle(Feedback(kind: .revealed, lines: ["The answer is \(question.answerText). \(question.explanation)"]))
    }

    /// Forgets the feedback (when the student moves on by hand).
    public mutating func clearFeedback() { feedback = nil }

    /// Leaves the quiz at the cursor without counting anything (quiz mode switched off).
    public mutating func abandon() {
        pending = []
        reply = ""
        wrongTries = 0
    }

    /// Counts an answer in the score and in its part's.
    private mutating func count(_ tally: WritableKeyPath<QuizScore, Int>) {
        score[keyPath: tally] += 1
        partScores[askedInPart, default: QuizScore()][keyPath: tally] += 1
    }

    private mutating func settle(_ feedback: Feedback) {
        self.feedback = feedback
        pending.removeFirst()
        reply = ""
        wrongTries = 0
    }
}

/// Right answers at the first and at the second try, and questions missed.
public struct QuizScore: Sendable, Hashable, Codable, CustomStringConvertible {
    public var firstTry = 0
    public var secondTry = 0
    public var missed = 0

    public init(firstTry: Int = 0, secondTry: Int = 0, missed: Int = 0) {
        self.firstTry = firstTry
        self.secondTry = secondTry
        self.missed = missed
    }

    public var asked: Int { firstTry + secondTry + missed }
    public var right: Int { firstTry + secondTry }

    /// `score 3/4 (2 at the first try)`.
    public var description: String { "score \(right)/\(asked) (\(firstTry) at the first try)" }
}
