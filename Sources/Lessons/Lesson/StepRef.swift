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
