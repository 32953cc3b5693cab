import Foundation
import Autograd
import Lessons

/// One prediction the student is asked for before a step reveals it: a value, a gradient,
/// an update, or one of the lesson's own prompts.
///
/// Carries everything needed to answer it without looking anything up: the expected
/// answer with its tolerance, the hint for a second try (the op's rule), the explanation
/// shown afterwards, and the likely mistakes with what each one means.
public struct QuizQuestion: Sendable, Equatable {
    /// What the question is about.
    public enum Topic: Sendable, Equatable {
        case value(NodeID)
        case seed(NodeID)
        case gradient(into: NodeID, via: NodeID)
        case update(NodeID)
        /// A prompt written in the lesson file.
        case lesson
    }

    /// A tempting wrong answer and why it is wrong: "that is the upstream gradient alone".
    public struct Pitfall: Sendable, Equatable {
        public var value: Double
        public var message: String

        public init(value: Double, message: String) {
            self.value = value
            self.message = message
        }
    }

    public var topic: Topic
    public var prompt: String
    public var answer: QuizItem.Answer
    /// For multiple choice (lesson prompts only).
    public var choices: [String]
    /// Shown after a first wrong answer, before the second try.
    public var hint: String
    /// Shown once the question is settled (right, or wrong twice).
    public var explanation: String
    public var pitfalls: [Pitfall]

    public init(topic: Topic, prompt: String, answer: QuizItem.Answer, choices: [String] = [], hint: String,
                explanation: String, pitfalls: [Pitfall] = []) {
        self.topic = topic
        self.prompt = prompt
        self.answer = answer
        self.choices = choices
        self.hint = hint
        self.explanation = explanation
        self.pitfalls = pitfalls
    }

    /// The tolerance for a computed answer: two significant digits are enough, because
    /// the student does the arithmetic by hand (0.2 for σ′ = 0.1966 is fine).
    public static func tolerance(for value: Double) -> Double {
        Swift.max(0.005, 0.005 * Swift.abs(value))
    }

    /// The answer as the screen writes it.
    public var answerText: String {
        switch answer {
        case .number(let value, _): Formula.number(value)
        case .text(let text): text
        }
    }

    /// How a reply fares: right, wrong (with the diagnosis of a known mistake, if it is
    /// one), or not an answer at all (not counted as a try).
    public func judge(_ reply: String) -> QuizJudgement {
        let trimmed = reply.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .unreadable("type your answer, then Enter (Esc shows it)") }
        switch answer {
        case .number(let expected, let tolerance):
            if let index = Int(trimmed), !choices.isEmpty, choices.indices.contains(index - 1),
               let chosen = QuizQuestion.number(choices[index - 1]) {
                return judge(number: chosen, expected: expected, tolerance: tolerance)
            }
            guard let number = QuizQuestion.number(trimmed) else {
                return .unreadable("'\(trimmed)' is not a number; type e.g. -4, 0.25 or 1/4")
            }
            return judge(number: number, expected: expected, tolerance: tolerance)
        case .text(let text):
            if let index = Int(trimmed), choices.indices.contains(index - 1) {
                return choices[index - 1].lowercased() == text.lowercased() ? .right : .wrong(nil)
            }
            return trimmed.lowercased() == text.lowercased() ? .right : .wrong(nil)
        }
    }

    private func judge(number: Double, expected: Double, tolerance: Double) -> QuizJudgement {
        if Swift.abs(number - expected) <= tolerance { return .right }
        let pitfall = pitfalls.first { Swift.abs(number - $0.value) <= QuizQuestion.tolerance(for: $0.value) }
        return .wrong(pitfall?.message)
    }

    /// Whether `character` can be part of a reply: digits and the signs of a number for a
    /// number, the letters of the choices (and their numbers) for a choice, anything but
    /// `?` for free text. Any other key acts as a key while the question waits (`?` help,
    /// `q` quit), so the answer field is never a trap.
    public func accepts(character: Character) -> Bool {
        if character.isNumber || character == " " { return true }
        switch answer {
        case .number where choices.isEmpty: return "-−+.,eE/".contains(character)
        case .number: return false
        case .text where choices.isEmpty: return character != "?"
        case .text: return choices.contains { $0.lowercased().contains(character.lowercased()) }
        }
    }

    /// A typed number: `-4`, `−4` (the minus sign), `0.25`, `1e-3`, or a fraction `1/4`.
    public static func number(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
        if let slash = cleaned.firstIndex(of: "/") {
            guard let top = ExpectationParser.number(String(cleaned[..<slash])),
                  let bottom = ExpectationParser.number(String(cleaned[cleaned.index(after: slash)...])), bottom != 0 else {
                return nil
            }
            return top / bottom
        }
        return ExpectationParser.number(cleaned)
    }
}

/// The verdict on one reply.
public enum QuizJudgement: Sendable, Equatable {
    case right
    /// Wrong; the diagnosis when the reply is a known mistake.
    case wrong(String?)
    /// Not an answer (empty, or not a number); the message says what to type.
    case unreadable(String)
}
