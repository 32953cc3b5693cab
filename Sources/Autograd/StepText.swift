/// The records as lines a person reads, with every number in them: "q = x + y = -2 + 5 = 3",
/// "∂f/∂a = 3 (via d) + (-6) (via e) = -3". Numbers are written with `NumberFormat.short`;
/// `ascii` spells ∂, ×, ←, η, ε, Σ, σ and ≠ in plain ASCII for terminals that cannot draw them.
extension StepRecord {
    public func lines(ascii: Bool = false) -> [String] {
        let text = StepText(ascii: ascii)
        switch self {
        case .sample(let r): return [text.sample(r)]
        case .forward(let r): return [text.forward(r)]
        case .seed(let r): return ["\(text.partial(r.label, r.label)) = 1"]
        case .backward(let r): return [text.ledger(r)] + r.flows.map { text.flow($0, output: r.outputLabel) }
        case .accumulate(let r): return r.entries.map { text.accumulate($0, output: r.outputLabel) }
        case .update(let r): return text.update(r)
        case .epoch(let r):
            return ["epoch \(r.epoch): mean \(r.rows == 1 ? "loss" : "loss over \(r.rows) rows") = \(text.number(r.meanLoss))"]
        }
    }
}

/// The spelling rules behind `StepRecord.lines`.
struct StepText {
    let ascii: Bool

    var d: String { ascii ? "d" : "∂" }
    var times: String { ascii ? "*" : "×" }
    var gets: String { ascii ? "<-" : "←" }
    var eta: String { ascii ? "eta" : "η" }
    var epsilon: String { ascii ? "eps" : "ε" }
    var notEqual: String { ascii ? "!=" : "≠" }
    var sum: String { ascii ? "sum " : "Σ" }

    func number(_ value: Double) -> String { NumberFormat.short(value) }

    /// A number that follows an operator: negative ones in parentheses, "3 * (-4)".
    func operand(_ value: Double) -> String {
        let text = number(value)
        return text.hasPrefix("-") ? "(\(text))" : text
    }

    func partial(_ of: String, _ by: String) -> String { "\(d)\(of)/\(d)\(by)" }

    func symbol(_ op: Op) -> String { ascii ? op.asciiSymbol : op.symbol }

    func sample(_ r: SampleRecord) -> String {
        "sample \(r.row + 1): " + r.assignments.map { "\($0.label) = \(number($0.after))" }.joined(separator: ", ")
    }

    /// "q = x + y = -2 + 5 = 3"; the symbolic middle is left out when an input is an
    /// anonymous gate, whose label would only be its op symbol.
    func forward(_ r: ForwardRecord) -> String {
        let names = r.inputs.map(\.label)
        let values = r.inputs.map(\.value)
        let symbolic = r.inputs.allSatisfy(\.isNamed) ? " = " + apply(r.op, names, first: { $0 }, rest: { $0 }) : ""
        let numeric = apply(r.op, values.map(number), first: { $0 }, rest: { $0.hasPrefix("-") ? "(\($0))" : $0 })
        return "\(r.label)\(symbolic) = \(numeric) = \(number(r.result))"
    }

    private func apply(_ op: Op, _ parts: [String], first: (String) -> String, rest: (String) -> String) -> String {
        if op.isInfix, parts.count == 2 { return "\(first(parts[0])) \(symbol(op)) \(rest(parts[1]))" }
        if op == .neg, let only = parts.first { return "-(\(only))" }
        return "\(symbol(op))(\(parts.joined(separator: ", ")))"
    }

    /// "∂f/∂a = 3 (via d) + (-6) (via e) = -3", or "∂f/∂f = 1" at the output.
    func ledger(_ r: BackwardRecord) -> String {
        let head = partial(r.outputLabel, r.label)
        if r.isOutput { return "\(head) = 1" }
        guard !r.ledger.isEmpty else { return "\(head) = \(number(r.grad))" }
        let terms = r.ledger.enumerated().map { index, flow in
            "\(index == 0 ? number(flow.product) : operand(flow.product)) (via \(flow.fromLabel))"
        }
        let total = r.ledger.count > 1 ? " = \(number(r.grad))" : ""
        return "\(head) = \(terms.joined(separator: " + "))\(total)"
    }

    /// "∂f/∂x += ∂f/∂q × ∂q/∂x = -4 × 1 = -4, so ∂f/∂x: 0 → -4".
    func flow(_ f: GradientFlow, output: String) -> String {
        let arrow = ascii ? "->" : "→"
        return "\(partial(output, f.toLabel)) += \(partial(output, f.fromLabel)) \(times) \(partial(f.fromLabel, f.toLabel))"
            + " = \(number(f.upstream)) \(times) \(operand(f.local)) = \(number(f.product)),"
            + " so \(partial(output, f.toLabel)): \(number(f.before)) \(arrow) \(number(f.after))"
    }

    func accumulate(_ e: AccumulateRecord.Entry, output: String) -> String {
        "\(sum)\(partial(output, e.label)) = \(number(e.before)) + \(operand(e.gradient)) = \(number(e.after))"
    }

    func update(_ r: UpdateRecord) -> [String] {
        let w = r.label
        if let p = r.perceptron {
            let classify = p.predicted == p.target
                ? "f(x) = \(p.predictedName) = y"
                : "f(x) = \(p.predictedName) \(notEqual) y = \(p.targetName)"
            let x = p.featureLabel
            let rule: String
            switch p.change {
            case .towardTarget:
                rule = "\(w) += \(eta)\(ascii ? "*" : "·")\(x) = \(number(r.before)) + \(number(r.learningRate)) \(times) \(operand(p.featureValue)) = \(number(r.after))"
            case .awayFromPrediction:
                rule = "\(w) -= \(eta)\(ascii ? "*" : "·")\(x) = \(number(r.before)) - \(number(r.learningRate)) \(times) \(operand(p.featureValue)) = \(number(r.after))"
            case .unchanged:
                rule = "\(w) unchanged = \(number(r.after))"
            }
            let oneHot = "\(w) \(gets) \(w) - \(eta) \(epsilon)_\(p.className) \(x) = \(number(r.before)) - \(number(r.learningRate))"
                + " \(times) \(operand(p.epsilon)) \(times) \(operand(p.featureValue)) = \(number(r.after))"
            return ["\(classify): \(rule)", oneHot]
        }
        let grad = partial(r.outputLabel, w)
        if let sum = r.batchSum, let count = r.batchCount {
            return ["\(w) \(gets) \(w) - \(eta) \(times) mean \(grad) = \(number(r.before)) - \(number(r.learningRate))"
                + " \(times) (\(number(sum)) / \(count)) = \(number(r.after))"]
        }
        return ["\(w) \(gets) \(w) - \(eta) \(times) \(grad) = \(number(r.before)) - \(number(r.learningRate))"
            + " \(times) \(operand(r.gradient)) = \(number(r.after))"]
    }
}
