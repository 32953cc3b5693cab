import Yams

/// Reading what a part ties to its steps: narration, quiz prompts and expected values.
extension PartReader {
    /// Reads the anchor keys `before`, `at`, `after` (exactly one, or none when `optional`).
    func readAnchor(
        _ fields: inout YAMLFields, optional: Bool, _ diagnostics: inout [Diagnostic]
    ) -> NarrationAnchor? {
        let present = ["before", "at", "after"].compactMap { key in fields.value(key).map { (key, $0) } }
        guard present.count == 1, let (key, node) = present.first else {
            if present.isEmpty && optional { return .end }
            diagnostics.append(.error(
                file: file, at: fields.location,
                present.isEmpty ? "\(fields.what) needs one of 'before', 'at' or 'after' to say when it is shown"
                    : "\(fields.what) has more than one of 'before', 'at' and 'after'"))
            return nil
        }
        guard let text = fields.text(node, key, &diagnostics) else { return nil }
        let trimmed = text.trimmed
        if key == "at", trimmed == "start" { return .start }
        if key == "at", trimmed == "end" { return .end }
        if let phase = LessonPhase(rawValue: trimmed), key != "at" {
            return key == "before" ? .beforePhase(phase) : .afterPhase(phase)
        }
        if let step = StepRef(parsing: trimmed) {
            return key == "before" ? .before(step) : .at(step)
        }
        diagnostics.append(.error(
            file: file, at: YAMLFields.location(of: node),
            "cannot read '\(trimmed)' as a step; write e.g. 'forward q', 'backward q', 'update w1', 'seed', 'sample 2', 'epoch 1', a phase (forward, backward, update, training) or 'at: start' / 'at: end'"))
        return nil
    }

    func readNarration(_ node: Node, _ diagnostics: inout [Diagnostic]) -> [Narration] {
        guard let items = listOf(node, "narration", &diagnostics) else { return [] }
        var result: [Narration] = []
        for (index, item) in items.enumerated() {
            guard var fields = YAMLFields(item, file: file, what: "narration entry \(index + 1)", diagnostics: &diagnostics) else { continue }
            let anchor = readAnchor(&fields, optional: false, &diagnostics)
            let text = fields.value("text")
            let page = fields.value("page")
            fields.reportUnknown(&diagnostics)
            guard (text == nil) != (page == nil), let body = text ?? page else {
                diagnostics.append(.error(
                    file: file, at: fields.location, "narration entry \(index + 1) needs exactly one of 'text' (beside a step) or 'page' (its own page)"))
                continue
            }
            guard let anchor, let string = fields.text(body, page == nil ? "text" : "page", &diagnostics) else { continue }
            result.append(Narration(anchor: anchor, text: string.trimmed, isPage: page != nil, location: fields.location))
        }
        return result
    }

    func readQuiz(_ node: Node, _ diagnostics: inout [Diagnostic]) -> [QuizItem] {
        guard let items = listOf(node, "quiz", &diagnostics) else { return [] }
        var result: [QuizItem] = []
        for (index, item) in items.enumerated() {
            guard var fields = YAMLFields(item, file: file, what: "quiz question \(index + 1)", diagnostics: &diagnostics) else { continue }
            let anchor = readAnchor(&fields, optional: true, &diagnostics)
            let prompt = fields.requiredText("ask", &diagnostics)
            let answerNode = fields.value("answer")
            let toleranceNode = fields.value("tolerance")
            let choicesNode = fields.value("choices")
            let explanation = fields.value("explain").flatMap { fields.text($0, "explain", &diagnostics) }
            fields.reportUnknown(&diagnostics)
            var choices: [String] = []
            if let choicesNode, let list = fields.list(choicesNode, "choices", &diagnostics) {
                choices = list.compactMap { fields.text($0, "choices", &diagnostics) }
            }
            guard let answerNode else {
                fields.missing("answer", &diagnostics)
                continue
            }
            guard let answerText = fields.text(answerNode, "answer", &diagnostics) else { continue }
            let answer: QuizItem.Answer
            if choices.isEmpty, let number = ExpectationParser.number(answerText) {
                let tolerance = toleranceNode.flatMap { fields.number($0, "tolerance", &diagnostics) }
                    ?? ExpectationParser.impliedTolerance(answerText, number)
                answer = .number(number, tolerance: tolerance)
            } else {
                if !choices.isEmpty, !choices.contains(where: { $0.lowercased() == answerText.lowercased() }) {
                    diagnostics.append(.error(
                        file: file, at: YAMLFields.location(of: answerNode), "the answer '\(answerText)' is not one of the choices"))
                }
                if let toleranceNode {
                    diagnostics.append(.error(
                        file: file, at: YAMLFields.location(of: toleranceNode), "'tolerance' only applies to a numeric answer"))
                }
                answer = .text(answerText)
            }
            guard let anchor, let prompt else { continue }
            result.append(QuizItem(
                anchor: anchor, prompt: prompt.trimmed, answer: answer, choices: choices,
                explanation: explanation?.trimmed, location: fields.location))
        }
        return result
    }

    func readExpectations(_ node: Node, _ diagnostics: inout [Diagnostic]) -> [Expectation] {
        guard let items = listOf(node, "expect", &diagnostics) else { return [] }
        var result: [Expectation] = []
        for item in items {
            let location = YAMLFields.location(of: item)
            var context: String?
            var condition: String?
            var written = ""
            switch item {
            case .scalar(let scalar):
                condition = scalar.string
                written = scalar.string
            case .mapping(let mapping) where mapping.count == 1:
                if case .scalar(let key) = mapping[0].key, case .scalar(let value) = mapping[0].value {
                    context = key.string
                    condition = value.string
                    written = "\(key.string): \(value.string)"
                }
            default: break
            }
            guard let condition else {
                diagnostics.append(.error(
                    file: file, at: location, "an expectation is one line such as 'f = -12' or 'after 2000 epochs: loss < 0.05'"))
                continue
            }
            switch ExpectationParser.parse(context: context, condition: condition) {
            case .success(let parsed):
                result.append(Expectation(
                    context: parsed.context, quantity: parsed.quantity, relation: parsed.relation,
                    expected: parsed.expected, tolerance: parsed.tolerance, text: written, location: location))
            case .failure(let error):
                diagnostics.append(.error(file: file, at: location, error.message))
            }
        }
        return result
    }

    func listOf(_ node: Node, _ field: String, _ diagnostics: inout [Diagnostic]) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be a list (lines starting with '- ')"))
            return nil
        }
        return Array(sequence)
    }
}
