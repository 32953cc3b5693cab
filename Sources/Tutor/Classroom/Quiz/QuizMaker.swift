import Autograd
import Lessons

/// When a question is asked at a cursor position: right after the step's own screen,
/// before the pages that follow it (a lesson's question tied to the step just taken or to
/// the end, which a closing page might answer), or on leaving the last screen, just before
/// the next step (the questions about what that step will compute, and the lesson's
/// questions tied to it).
public enum QuizMoment: Sendable, Hashable {
    case afterStepScreen, beforeNextStep
}

/// Turns the step about to be taken into questions: predict the value a forward step
/// computes, the seed, every gradient a backward step sends (the running sum where a value
/// fans out), the new value of an updated parameter; plus the lesson's own prompts for
/// this point. Computed questions are asked in the first pass only: later passes repeat
/// the same arithmetic on other numbers.
public enum QuizMaker {
    /// A neuron's term as the flow diagram draws it: an edge into a ξ, not a node. The
    /// questions then speak of the edge and of the ξ's gradient, as the Step pane does.
    public struct DrawnEdge: Sendable, Equatable {
        /// "the edge x1 → ξ1".
        public var phrase: String
        /// The ξ the edge leads into, whose gradient comes back along it.
        public var excitation: String

        public init(phrase: String, excitation: String) {
            self.phrase = phrase
            self.excitation = excitation
        }
    }

    /// The questions to ask before `stepper` takes its next step. `part` supplies the
    /// lesson's prompts (none for a bare expression); `names` are what the screen calls
    /// each node (the tutor's `GraphScene.names`, which name anonymous gates by what they
    /// compute, `(w11·x1)`), the graph's own labels when `nil`; `edges`, in the flow
    /// view, the terms it draws as edges.
    public static func questions(part: LessonPart?, stepper: Stepper, names: [String]? = nil, edges: [NodeID: DrawnEdge] = [:],
                                 moment: QuizMoment = .beforeNextStep) -> [QuizQuestion] {
        var computed: [QuizQuestion] = []
        if moment == .beforeNextStep, stepper.position < stepper.plan.stepsPerPass, let record = stepper.nextRecord {
            let names = names ?? stepper.graph.ids.map { stepper.graph.label(of: $0) }
            computed = questions(for: record, stepper: stepper, names: names, edges: edges)
        }
        let items = (part?.quiz(for: stepper) ?? []).filter { Self.moment(of: $0.anchor) == moment }
        let stepHint = stepper.nextStep.flatMap { $0.node }.flatMap { stepper.graph.op(of: $0) }?.gradientRule
        var lessonQuestions: [QuizQuestion] = []
        for item in items {
            // A lesson prompt that asks for a number one of the computed questions also
            // asks for gets that question's hint and diagnoses, and replaces it.
            if case .number(let value, let tolerance) = item.answer,
               let match = computed.firstIndex(where: {
                   if case .number(let v, _) = $0.answer { Swift.abs(v - value) <= tolerance } else { false }
               }) {
                let twin = computed.remove(at: match)
                lessonQuestions.append(lessonQuestion(item, topic: twin.topic, hint: twin.hint, explanation: twin.explanation,
                                                      pitfalls: twin.pitfalls))
            } else {
                lessonQuestions.append(lessonQuestion(item, hint: stepHint.map { "Hint: \($0)." } ?? hint(for: item),
                                                      explanation: nil, pitfalls: []))
            }
        }
        return lessonQuestions + computed
    }

    /// The moment a lesson's question is asked, by its anchor: looking back (the step just
    /// taken, a phase just ended, the end) right after the step's screen; looking ahead
    /// (the start, the next step or phase) just before the next step.
    static func moment(of anchor: NarrationAnchor) -> QuizMoment {
        switch anchor {
        case .at, .afterPhase, .end: .afterStepScreen
        case .start, .before, .beforePhase: .beforeNextStep
        }
    }

    /// A hint for a lesson's own question with no step to take the rule from: how to answer
    /// it, never the answer.
    static func hint(for item: QuizItem) -> String {
        switch item.answer {
        case .text where !item.choices.isEmpty:
            "Hint: one of the \(item.choices.count) choices is right, and the lesson's screens before this question give the reason. Type the choice or its number."
        case .text: "Hint: the lesson's last screens hold the idea; answer in a word or two."
        case .number: "Hint: every number it needs is on the screen; work the question's formula through by hand."
        }
    }

    /// A lesson's own question; `topic` is the computed question it stands for, if any.
    static func lessonQuestion(_ item: QuizItem, topic: QuizQuestion.Topic = .lesson, hint: String, explanation: String?,
                               pitfalls: [QuizQuestion.Pitfall]) -> QuizQuestion {
        var prompt = item.prompt
        if !item.choices.isEmpty {
            prompt += "  " + item.choices.enumerated().map { "\($0 + 1)) \($1)" }.joined(separator: "  ")
        }
        let answerText: String
        switch item.answer {
        case .number(let value, _): answerText = Formula.number(value)
        case .text(let text): answerText = text
        }
        let said = [item.explanation, explanation].compactMap { $0 }
        return QuizQuestion(
            topic: topic, prompt: prompt, answer: item.answer, choices: item.choices,
            hint: hint, explanation: said.isEmpty ? "The answer is \(answerText)." : said.joined(separator: " "),
            pitfalls: pitfalls)
    }

    /// The computed questions for one step, from its record (taken before the step, so
    /// every number in it is the real one).
    public static func questions(for record: StepRecord, stepper: Stepper, names: [String],
                                 edges: [NodeID: DrawnEdge] = [:]) -> [QuizQuestion] {
        let graph = stepper.graph
        let outputLabel = names[stepper.plan.tape.output.index]
        switch record {
        case .forward(let forward): return [value(forward, names: names, edge: edges[forward.node])]
        case .seed(let seed): return [self.seed(seed, label: names[seed.output.index])]
        case .backward(let backward):
            return backward.flows.compactMap { flow in
                // Literal constants (the 2 in `2 * x`) have no gradient worth asking for.
                guard graph.kind(of: flow.to) != .const || graph.name(of: flow.to) != nil else { return nil }
                // What a ξ sends back along an edge is its own gradient: nothing to ask.
                guard edges[flow.to] == nil else { return nil }
                // The uses that send a contribution: those on the output's cone. Back along
                // an edge, the gradient comes from the ξ it leads into.
                let from = edges[flow.from]?.excitation ?? names[flow.from.index]
                return gradient(flow, op: backward.op, output: outputLabel, uses: stepper.contributionCount(to: flow.to),
                                toValue: graph.value(of: flow.to), to: names[flow.to.index], from: from)
            }
        case .update(let update): return [self.update(update, output: outputLabel, label: names[update.param.index])]
        case .sample, .accumulate, .epoch: return []
        }
    }

    // MARK: Forward

    /// `edge`: the node is a term the flow diagram draws as that edge, which has no name
    /// of its own there: "Forward along the edge x1 → ξ1: w11 · x1 = 0.133 · 0 = ?".
    static func value(_ record: ForwardRecord, names: [String], edge: DrawnEdge? = nil) -> QuizQuestion {
        // A negation is the weight −1 on its edge, as the Step pane writes it: "−1 · x2".
        let shown = record.shownOperands(onEdge: edge != nil, names: record.inputs.map { names[$0.id.index] },
                                         notation: Formula.notation)
        let formula = Formula.forward(op: shown.op, names: shown.names, values: shown.values)
        let label = edge == nil ? names[record.node.index] + " = " : ""
        let result = record.result
        let explanation = "\(label)\(formula.symbols) = \(formula.numbers) = \(Formula.number(result))"
        var pitfalls: [QuizQuestion.Pitfall] = []
        if result != 0 { pitfalls.append(.init(value: -result, message: "Right size, wrong sign.")) }
        return QuizQuestion(
            topic: .value(record.node),
            prompt: (edge.map { "Forward along \($0.phrase): " } ?? "Forward: ") + "\(label)\(formula.symbols) = \(formula.numbers) = ?",
            answer: .number(result, tolerance: QuizQuestion.tolerance(for: result)),
            hint: "Hint: \(shown.op.forwardRule).", explanation: explanation, pitfalls: pitfalls)
    }

    // MARK: Seed

    static func seed(_ record: SeedRecord, label: String) -> QuizQuestion {
        let d = "∂\(label)/∂\(label)"
        return QuizQuestion(
            topic: .seed(record.output),
            prompt: "The backward pass starts at the output \(label). \(d) = ?",
            answer: .number(1, tolerance: QuizQuestion.tolerance(for: 1)),
            hint: "Hint: if \(label) changes by a little, how much does \(label) change?",
            explanation: "\(d) = 1: every backward pass is seeded with 1 at the output.",
            pitfalls: [.init(value: 0, message: "0 would stop every gradient before it starts.")])
    }

    // MARK: Backward

    static func gradient(_ flow: GradientFlow, op: Op?, output: String, uses: Int, toValue: Double, to: String,
                         from: String) -> QuizQuestion {
        let total = "∂\(output)/∂\(to)"
        let upstream = "∂\(output)/∂\(from)"
        let local = "∂\(from)/∂\(to)"
        // In a formula from the output itself, ∂f/∂f · ∂f/∂q would read as the answer
        // written twice: the factor is called "local", as the step pane calls it.
        let factor = from == output ? "local" : local
        let up = Formula.number(flow.upstream), lo = Formula.number(flow.local)
        let product = "\(up) × \(Formula.parenthesised(flow.local))"
        let fansOut = uses > 1
        let prompt: String
        let explanation: String
        var pitfalls: [QuizQuestion.Pitfall] = []
        if fansOut {
            let held = Formula.number(flow.before)
            prompt = "Backward: \(to) is used \(uses) times, so \(total) sums its contributions. It holds \(held) so far. "
                + "\(total) after adding the one via \(from) (\(upstream) · \(factor)) = ?"
            explanation = "\(total) = \(held) + \(product) = \(Formula.number(flow.after)): a fan-out adds its contributions."
            if flow.before != 0 {
                pitfalls.append(.init(value: flow.product, message: "That is only the contribution via \(from): \(to) fans out, so add the \(held) it already holds."))
                pitfalls.append(.init(value: flow.before, message: "That is what \(to) held before: add the contribution via \(from), \(upstream) · \(local)."))
            }
        } else {
            prompt = "Backward: \(total) = \(upstream) · \(factor) = ?"
            explanation = "\(total) = \(upstream) · \(factor) = \(product) = \(Formula.number(flow.after)) (upstream × local)."
        }
        let expected = flow.after
        let baseline = flow.before
        func candidate(_ contribution: Double) -> Double { fansOut ? baseline + contribution : contribution }
        if op == .mul, flow.upstream * toValue != flow.product {
            pitfalls.append(.init(value: candidate(flow.upstream * toValue),
                                  message: "mul swaps its inputs: the local gradient \(local) is the other input's value, not \(to)'s own value."))
        }
        if flow.local != 1 {
            pitfalls.append(.init(value: candidate(flow.upstream),
                                  message: "That is the upstream gradient \(upstream) = \(up) alone: multiply it by the local gradient \(local)."))
        }
        if flow.upstream != 1 {
            pitfalls.append(.init(value: candidate(flow.local),
                                  message: "That is the local gradient \(local) = \(lo) alone: multiply it by the upstream gradient \(upstream) = \(up)."))
        }
        if flow.product != 0 {
            pitfalls.append(.init(value: candidate(-flow.product), message: "Right size, wrong sign: check the sign of the upstream and of the local gradient."))
        }
        if flow.product == 0, flow.upstream != 0 {
            pitfalls.append(.init(value: candidate(flow.upstream), message: "The local gradient \(local) is 0 here, so nothing flows back to \(to)."))
        }
        pitfalls.removeAll { Swift.abs($0.value - expected) <= QuizQuestion.tolerance(for: expected) }
        // The rule, not a number: for an add gate the upstream number is the answer.
        var hint = "Hint: chain rule, upstream × local; the upstream \(upstream) is in \(from)'s box."
        if let op { hint += " \(op.gradientRule.prefix(1).uppercased())\(op.gradientRule.dropFirst())." }
        if fansOut { hint += " A fan-out adds its contributions: the new \(total) is what it holds plus upstream × local." }
        return QuizQuestion(
            topic: .gradient(into: flow.to, via: flow.from), prompt: prompt,
            answer: .number(expected, tolerance: QuizQuestion.tolerance(for: expected)),
            hint: hint, explanation: explanation, pitfalls: pitfalls)
    }

    // MARK: Update

    static func update(_ record: UpdateRecord, output: String, label w: String) -> QuizQuestion {
        let before = Formula.number(record.before), eta = Formula.number(record.learningRate)
        let g = Formula.number(record.gradient)
        // With weight decay the step is η·(∂L/∂w + α·w); the rule and its numbers, written once.
        let decays = record.weightDecay != 0
        let rule = decays ? "η·(∂\(output)/∂\(w) + α·\(w))" : "η·∂\(output)/∂\(w)"
        let step = decays
            ? "\(eta) × (\(g) + \(Formula.number(record.weightDecay)) × \(Formula.parenthesised(record.before)))"
            : "\(eta) × \(Formula.parenthesised(record.gradient))"
        let formula = "\(w) − \(rule) = \(before) − \(step)"
        var pitfalls: [QuizQuestion.Pitfall] = [
            .init(value: record.before + record.learningRate * record.gradient,
                  message: "Wrong direction: gradient descent steps against the gradient, so subtract η·∂\(output)/∂\(w)."),
        ]
        if record.learningRate != 1 {
            pitfalls.append(.init(value: record.before - record.gradient, message: "Scale the step by the learning rate η = \(eta)."))
        }
        pitfalls.removeAll { Swift.abs($0.value - record.after) <= QuizQuestion.tolerance(for: record.after) }
        return QuizQuestion(
            topic: .update(record.param),
            prompt: "Update: \(w) ← \(w) − \(rule) with \(w) = \(before), η = \(eta), ∂\(output)/∂\(w) = \(g)"
                + (decays ? ", α = \(Formula.number(record.weightDecay))" : "") + ". New \(w) = ?",
            answer: .number(record.after, tolerance: QuizQuestion.tolerance(for: record.after)),
            hint: "Hint: step against the gradient, scaled by η: \(formula).",
            explanation: "\(w) ← \(formula) = \(Formula.number(record.after))", pitfalls: pitfalls)
    }
}

extension Op {
    /// What the op computes, in words a student can apply by hand.
    public var forwardRule: String {
        switch self {
        case .add: "add the inputs"
        case .sub: "subtract the right input from the left"
        case .mul: "multiply the inputs"
        case .div: "divide the left input by the right"
        case .neg: "flip the sign"
        case .pow: "raise the left input to the power of the right"
        case .exp: "e to the power of the input"
        case .log: "the natural logarithm of the input"
        case .tanh: "tanh(a) = (eᵃ − e⁻ᵃ)/(eᵃ + e⁻ᵃ)"
        case .sigmoid: "σ(a) = 1/(1 + e⁻ᵃ)"  // not "σ(0) = 0.5": at 0 that is the answer
        case .relu: "relu(a) = max(0, a)"
        case .step: "u(a) is 1 when a ≥ 0 and 0 otherwise"
        case .sign: "sign(a) is 1, 0 or −1"
        case .abs: "drop the sign"
        case .sqrt: "the square root"
        case .max: "the largest input"
        case .min: "the smallest input"
        case .sum: "add all the inputs"
        }
    }
}
