import Foundation

/// A step of the step machine named the way a lesson writes it: `forward q`, `seed`,
/// `backward q`, `update w1`, `sample 3`, `epoch 2`.
///
/// Lessons refer to steps by node name, not by index, so a narration entry stays tied to
/// the right step when a teacher edits the graph.
public enum StepRef: Hashable, Sendable, CustomStringConvertible {
    /// Computing a node's value from its inputs.
    case forward(String)
    /// Seeding the output's gradient with 1.
    case seed
    /// Sending a node's gradient to its inputs.
    case backward(String)
    /// Updating a parameter (SGD or the perceptron rule).
    case update(String)
    /// Moving to sample `k` of the data (1-based, as a teacher counts).
    case sample(Int)
    /// Moving to epoch `n` (1-based).
    case epoch(Int)

    public var description: String {
        switch self {
        case .forward(let node): "forward \(node)"
        case .seed: "seed"
        case .backward(let node): "backward \(node)"
        case .update(let node): "update \(node)"
        case .sample(let k): "sample \(k)"
        case .epoch(let n): "epoch \(n)"
        }
    }

    /// The node the step names, if any.
    public var node: String? {
        switch self {
        case .forward(let node), .backward(let node), .update(let node): node
        case .seed, .sample, .epoch: nil
        }
    }

    /// Reads `forward q`, `seed`, `backward q`, `update w1`, `sample 3`, `epoch 2`; `nil`
    /// for anything else.
    public init?(parsing text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        switch (words.first, words.count) {
        case ("seed", 1): self = .seed
        case ("forward", 2): self = .forward(words[1])
        case ("backward", 2): self = .backward(words[1])
        case ("update", 2): self = .update(words[1])
        case ("sample", 2):
            guard let k = Int(words[1]), k >= 1 else { return nil }
            self = .sample(k)
        case ("epoch", 2):
            guard let n = Int(words[1]), n >= 1 else { return nil }
            self = .epoch(n)
        default: return nil
        }
    }
}

/// A phase of a lesson part, for free pages shown between phases.
public enum LessonPhase: String, Sendable, CaseIterable {
    case forward, backward, update, training
}

/// Where a narration entry or quiz prompt is shown.
public enum NarrationAnchor: Hashable, Sendable, CustomStringConvertible {
    /// Before the first step of the part.
    case start
    /// After the last step of the part.
    case end
    /// When `step` is the next step to take.
    case before(StepRef)
    /// While `step` is the active step (just taken, explained by the inspector).
    case at(StepRef)
    /// Before the first step of a phase: a page between phases.
    case beforePhase(LessonPhase)
    /// After the last step of a phase.
    case afterPhase(LessonPhase)

    public var description: String {
        switch self {
        case .start: "start"
        case .end: "end"
        case .before(let step): "before \(step)"
        case .at(let step): "at \(step)"
        case .beforePhase(let phase): "before \(phase.rawValue)"
        case .afterPhase(let phase): "after \(phase.rawValue)"
        }
    }

    /// The step it names, if any.
    public var step: StepRef? {
        switch self {
        case .before(let step), .at(let step): step
        default: nil
        }
    }
}

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
