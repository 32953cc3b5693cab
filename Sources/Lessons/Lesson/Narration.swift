import Foundation

/// A piece of narration: text in the slides' notation, shown at an anchor.
public struct Narration: Sendable, Equatable {
    public var anchor: NarrationAnchor
    public var text: String
    /// A free page takes its own keystroke; other narration is shown beside its step.
    public var isPage: Bool
    /// Where the entry is in the lesson file.
    public var location: SourceLocation

    public init(anchor: NarrationAnchor, text: String, isPage: Bool, location: SourceLocation) {
        self.anchor = anchor
        self.text = text
        self.isPage = isPage
        self.location = location
    }
}

/// One screen at a cursor position: the step's own, with the narration shown beside it,
/// or a page of the lesson's on its own.
public enum LessonScreen: Sendable, Equatable {
    case step([Narration])
    case page(Narration)
}

/// A question for the student, with its answer.
public struct QuizItem: Sendable, Equatable {
    /// A numeric answer (with a tolerance) or a word or phrase.
    public enum Answer: Sendable, Equatable {
        case number(Double, tolerance: Double)
        case text(String)
    }

    public var anchor: NarrationAnchor
    public var prompt: String
    public var answer: Answer
    /// For multiple choice: the options; the answer is one of them.
    public var choices: [String]
    /// Shown after the student answers.
    public var explanation: String?
    public var location: SourceLocation

    public init(
        anchor: NarrationAnchor, prompt: String, answer: Answer, choices: [String], explanation: String?,
        location: SourceLocation
    ) {
        self.anchor = anchor
        self.prompt = prompt
        self.answer = answer
        self.choices = choices
        self.explanation = explanation
        self.location = location
    }

    /// Whether a student's reply is right: a number within the tolerance, or the text or
    /// choice ignoring case and surrounding spaces. A choice may also be given by its
    /// number (1-based).
    public func accepts(_ reply: String) -> Bool {
        let trimmed = reply.trimmingCharacters(in: .whitespaces)
        switch answer {
        case .number(let value, let tolerance):
            guard let number = ExpectationParser.number(trimmed) else { return false }
            return Swift.abs(number - value) <= tolerance
        case .text(let text):
            if let index = Int(trimmed), choices.indices.contains(index - 1) {
                return choices[index - 1].lowercased() == text.lowercased()
            }
            return trimmed.lowercased() == text.lowercased()
        }
    }
}
