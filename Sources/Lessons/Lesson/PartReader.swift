import Autograd
import Yams

/// Reads the fields of one lesson part (or of a lesson without parts): its graph, data,
/// training settings, narration, quiz and expectations, and checks every name they use
/// against the graph.
struct PartReader {
    let file: String
    /// The lesson file's lines, to find the indentation of a `|` block.
    let lines: [String]

    func read(_ fields: inout YAMLFields, title: String?, _ diagnostics: inout [Diagnostic]) -> LessonPart? {
        let errorsBefore = diagnostics.filter(\.isError).count
        var program: GraphProgram?
        var graphText = ""
        if let node = fields.value("graph") {
            (program, graphText) = readGraph(node, &diagnostics)
        } else {
            fields.missing("graph", &diagnostics)
        }
        let data = fields.value("data").flatMap { readData($0, &diagnostics) }
        let training = fields.value("training").flatMap { readTraining($0, &diagnostics) }
        let narration = fields.value("narration").map { readNarration($0, &diagnostics) } ?? []
        let quiz = fields.value("quiz").map { readQuiz($0, &diagnostics) } ?? []
        let expectations = fields.value("expect").map { readExpectations($0, &diagnostics) } ?? []
        let view = fields.value("view").flatMap { readView($0, graph: program?.graph, &diagnostics) } ?? .circuit
        let mistake = fields.value("mistake").flatMap { readMistake($0, training: training, &diagnostics) }
        let variantRanges = fields.value("variants").map { readVariants($0, graph: program?.graph, data: data, &diagnostics) } ?? [:]
        if training != nil, data == nil, let at = fields.pairs.first(where: { $0.key == "training" })?.keyLocation {
            diagnostics.append(.error(file: file, at: at, "'training' needs 'data' rows to train on"))
        }
        checkTrainingSize(graph: program?.graph, data: data, training: training, expectations: expectations, &diagnostics)
        guard var program else { return nil }
        if let seed = training?.seed {
            // Seeded params are the lesson's values from here on: eval, check and the
            // stepper all start from the same numbers.
            program.graph.initialiseParameters(seed: seed)
        }
        var part = LessonPart(
            title: title, graph: program.graph, nodeLocations: program.locations, graphText: graphText, data: data, training: training,
            narration: narration, quiz: quiz, expectations: expectations)
        part.view = view
        part.variantRanges = variantRanges
        part.mistake = mistake
        NameCheck(file: file, part: part).run(&diagnostics)
        guard diagnostics.filter(\.isError).count == errorsBefore else { return nil }
        return part
    }

    // MARK: View

    /// `view: circuit` or `view: flow`; the flow diagram needs a neuron to draw.
    private func readView(_ node: Node, graph: Graph?, _ diagnostics: inout [Diagnostic]) -> GraphView? {
        guard let text = YAMLFields.scalarText(node) else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'view' must be circuit or flow"))
            return nil
        }
        guard let view = GraphView(rawValue: text) else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'view' must be circuit or flow; got '\(Diagnostic.printable(text))'"))
            return nil
        }
        if view == .flow, let graph, FlowStructure(graph) == nil {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node),
                                      "'view: flow' draws neurons (an activation of a sum, as 'neuron h = sigmoid(w * x + b)' writes it, or a named weighted sum of params, 's = w1 * x1 + w2 * x2'); this graph has none"))
            return nil
        }
        return view
    }

    // MARK: Mistakes

    /// `mistake: assign` or `backward-twice`: the part opens with that bug on (one pass;
    /// a training part shows the forgotten zero_grad with `zero_grad: false` instead).
    private func readMistake(_ node: Node, training: LessonTraining?, _ diagnostics: inout [Diagnostic]) -> Mistake? {
        let names = Mistake.allCases.map(\.rawValue).joined(separator: " or ")
        guard let text = YAMLFields.scalarText(node), let mistake = Mistake(rawValue: text) else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'mistake' must be \(names)"))
            return nil
        }
        if training != nil {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node),
                                      "'mistake' is for one pass, not training; a training part forgets zero_grad with 'zero_grad: false'"))
            return nil
        }
        return mistake
    }

    // MARK: Variants

    /// `variants:` — a mapping of leaf names to `[low, high]`, the range `--variant N`
    /// draws that leaf from, or to `fixed`, which keeps the slide's value.
    private func readVariants(_ node: Node, graph: Graph?, data: DataTable?,
                              _ diagnostics: inout [Diagnostic]) -> [String: ClosedRange<Double>?] {
        guard var fields = YAMLFields(node, file: file, what: "'variants'", diagnostics: &diagnostics) else { return [:] }
        var ranges: [String: ClosedRange<Double>?] = [:]
        for (name, keyLocation, value) in fields.pairs {
            _ = fields.value(name)
            if let graph {
                guard let id = graph.id(named: name), [.input, .param].contains(graph.kind(of: id)) else {
                    diagnostics.append(.error(file: file, at: keyLocation, "'variants' gives ranges to inputs and params; '\(Diagnostic.printable(name))' is none"))
                    continue
                }
                if data?.columns.contains(name) == true {
                    diagnostics.append(.error(file: file, at: keyLocation, "'\(name)' is set by the data; a variant keeps the data as it is"))
                    continue
                }
            }
            if YAMLFields.scalarText(value) == "fixed" {
                ranges[name] = .some(nil)
                continue
            }
            guard let bounds = fields.list(value, name, &diagnostics) else { continue }
            let numbers = bounds.compactMap { fields.number($0, name, &diagnostics) }
            guard numbers.count == 2, numbers[0] < numbers[1] else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: value), "'\(name)' needs a range [low, high] with low < high"))
                continue
            }
            ranges[name] = numbers[0]...numbers[1]
        }
        return ranges
    }

    // MARK: Graph

    /// Parses the graph block, with diagnostics at their line and column in the lesson file.
    private func readGraph(_ node: Node, _ diagnostics: inout [Diagnostic]) -> (GraphProgram?, String) {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(
                file: file, at: YAMLFields.location(of: node), "'graph' must be text; write it as a block: 'graph: |'"))
            return (nil, "")
        }
        let mark = YAMLFields.location(of: node)
        // Where line 1, column 1 of the graph text is in the file. A `|` or `>` block starts
        // on the line after its indicator, indented by its first non-blank line's indent;
        // a one-line scalar starts at its mark (after the quote, if quoted).
        let lineBase: Int
        let columnBase: Int
        switch scalar.style {
        case .folded:
            diagnostics.append(.error(
                file: file, at: mark, "write the graph as a literal block 'graph: |'; a '>' block folds its lines into one"))
            return (nil, "")
        case .literal:
            lineBase = mark.line
            let firstContent = lines.dropFirst(mark.line).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
            columnBase = firstContent.prefix { $0 == " " }.count
        case .singleQuoted, .doubleQuoted:
            lineBase = mark.line - 1
            columnBase = mark.column
        default:
            lineBase = mark.line - 1
            columnBase = mark.column - 1
        }
        var sugarErrors: [Diagnostic] = []
        let lowered = GraphSugar.lower(scalar.string) { line, column, message in
            sugarErrors.append(.error(
                file: file, at: SourceLocation(line: lineBase + line, column: columnBase + column), message))
        }
        if !sugarErrors.isEmpty {
            diagnostics += sugarErrors
            return (nil, lowered.text)
        }
        func place(_ location: SourceLocation) -> SourceLocation {
            guard location != .wholeFile else { return location }
            guard !lowered.origins.isEmpty else {
                return SourceLocation(line: lineBase + location.line, column: columnBase + location.column)
            }
            let origin = lowered.origins[Swift.min(Swift.max(location.line, 1), lowered.origins.count) - 1]
            return SourceLocation(line: lineBase + origin.line, column: columnBase + origin.map(location.column))
        }
        let (program, graphDiagnostics) = GraphParser.parse(lowered.text, file: file)
        diagnostics += graphDiagnostics.map {
            var moved = $0
            moved.location = place($0.location)
            // "already defined at line 5" names a line of the graph block: name the file's.
            moved.message = moved.message.replacing(/\bline (\d+)/) { match in
                "line \(place(SourceLocation(line: Int(match.1) ?? 1, column: 1)).line)"
            }
            return moved
        }
        guard var program else { return (nil, lowered.text) }
        program.locations = program.locations.map(place)
        return (program, lowered.text)
    }

    // MARK: Data and training

    /// Epochs within `LessonLimits`: at most `epochs`, and rows × epochs × steps per pass at
    /// most `steps`, for the training and for every `after N epochs` expectation (which
    /// trains that long to check itself).
    private func checkTrainingSize(graph: Graph?, data: DataTable?, training: LessonTraining?, expectations: [Expectation],
                                   _ diagnostics: inout [Diagnostic]) {
        let rows = max(1, data?.rows.count ?? 1)
        let perEpoch = rows * (graph.map(LessonLimits.stepsPerPass) ?? 1)
        let most = min(LessonLimits.epochs, max(1, LessonLimits.steps / perEpoch))
        func tooLong(_ epochs: Int) -> Bool { epochs > most }
        let limit = "at most \(most) epochs here (\(rows) row\(rows == 1 ? "" : "s") of about \(perEpoch / rows) steps each; a part may take \(LessonLimits.steps) steps)"
        if let training, tooLong(training.epochs) {
            diagnostics.append(.error(file: file, at: training.location,
                                      "training for \(training.epochs) epochs is too long: \(limit)"))
        }
        for expectation in expectations {
            if case .afterEpochs(let epochs) = expectation.context, tooLong(epochs) {
                diagnostics.append(.error(file: file, at: expectation.location,
                                          "'after \(epochs) epochs' trains too long to check: \(limit)"))
            }
        }
    }

    private func readData(_ node: Node, _ diagnostics: inout [Diagnostic]) -> DataTable? {
        guard var fields = YAMLFields(node, file: file, what: "data", diagnostics: &diagnostics) else { return nil }
        defer { fields.reportUnknown(&diagnostics) }
        let inputs = fields.value("inputs").flatMap { names($0, "inputs", &diagnostics) }
        let targets = fields.value("targets").flatMap { names($0, "targets", &diagnostics) } ?? []
        if inputs == nil, !fields.has("inputs") { fields.missing("inputs", &diagnostics) }
        guard let rowsNode = fields.value("rows") else {
            fields.missing("rows", &diagnostics)
            return nil
        }
        guard let inputs, let rowNodes = fields.list(rowsNode, "rows", &diagnostics) else { return nil }
        let width = inputs.count + targets.count
        var rows: [[Double]] = []
        for rowNode in rowNodes {
            guard let cells = fields.list(rowNode, "a data row", &diagnostics) else { continue }
            guard cells.count == width else {
                diagnostics.append(.error(
                    file: file, at: YAMLFields.location(of: rowNode),
                    "this row has \(cells.count) values; expected \(width) (\((inputs + targets).joined(separator: ", ")))"))
                continue
            }
            let values = cells.compactMap { fields.number($0, "a data value", &diagnostics) }
            if values.count == width { rows.append(values) }
        }
        if rowNodes.isEmpty {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: rowsNode), "'rows' must list at least one row"))
        }
        if rowNodes.count > LessonLimits.rows {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: rowsNode),
                                      "'rows' lists \(rowNodes.count) rows; a lesson may have at most \(LessonLimits.rows)"))
        }
        return DataTable(inputs: inputs, targets: targets, rows: rows, location: fields.location)
    }

    private func names(_ node: Node, _ field: String, _ diagnostics: inout [Diagnostic]) -> [String]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be a list of node names"))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, ExpectationParser.isName(scalar.string) else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: item), "'\(field)' must be a list of node names"))
                return nil
            }
            result.append(scalar.string)
        }
        return result
    }

    private func readTraining(_ node: Node, _ diagnostics: inout [Diagnostic]) -> LessonTraining? {
        guard var fields = YAMLFields(node, file: file, what: "training", diagnostics: &diagnostics) else { return nil }
        defer { fields.reportUnknown(&diagnostics) }
        var rule = LessonTraining.Rule.sgd
        if let ruleNode = fields.value("rule") {
            let text = fields.text(ruleNode, "rule", &diagnostics)
            if let text, let parsed = LessonTraining.Rule(rawValue: text) {
                rule = parsed
            } else if text != nil {
                diagnostics.append(.error(
                    file: file, at: YAMLFields.location(of: ruleNode), "'rule' must be sgd or perceptron; got '\(text ?? "")'"))
            }
        }
        var eta: Double?
        if let (key, etaNode) = fields.value(anyOf: ["η", "eta"]) {
            eta = fields.number(etaNode, key, &diagnostics)
        } else {
            fields.missing("η", &diagnostics)
        }
        var epochs: Int?
        if let epochsNode = fields.value("epochs") {
            epochs = fields.integer(epochsNode, "epochs", minimum: 1, maximum: LessonLimits.epochs, &diagnostics)
        } else {
            fields.missing("epochs", &diagnostics)
        }
        var batch = LessonTraining.Batch.one
        if let batchNode = fields.value("batch") {
            if case .scalar(let scalar) = batchNode, scalar.string == "1" || scalar.string == "all" {
                batch = scalar.string == "all" ? .all : .one
            } else {
                diagnostics.append(.error(
                    file: file, at: YAMLFields.location(of: batchNode),
                    "'batch' must be 1 (update after every sample) or all (once per epoch, mean gradient)"))
            }
        }
        var seed: UInt64?
        if let seedNode = fields.value("seed") {
            if case .scalar(let scalar) = seedNode, let value = UInt64(scalar.string) {
                seed = value
            } else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: seedNode), "'seed' must be a whole number"))
            }
        }
        var decay = 0.0
        if let decayNode = fields.value("decay") {
            if let value = fields.number(decayNode, "decay", &diagnostics) {
                if value < 0 {
                    diagnostics.append(.error(file: file, at: YAMLFields.location(of: decayNode), "'decay' must be at least 0 (the weight decay α)"))
                } else if rule == .perceptron && value != 0 {
                    diagnostics.append(.error(file: file, at: YAMLFields.location(of: decayNode), "'decay' is for rule: sgd; the perceptron rule has none"))
                } else {
                    decay = value
                }
            }
        }
        var zeroGrad = true
        if let zeroNode = fields.value("zero_grad") {
            if case .scalar(let scalar) = zeroNode, ["true", "false"].contains(scalar.string) {
                zeroGrad = scalar.string == "true"
                if !zeroGrad && batch != .all {
                    diagnostics.append(.error(file: file, at: YAMLFields.location(of: zeroNode),
                                              "'zero_grad: false' needs 'batch: all' (the summed gradients are what is not zeroed)"))
                }
            } else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: zeroNode), "'zero_grad' must be true or false"))
            }
        }
        guard let eta, let epochs else { return nil }
        return LessonTraining(rule: rule, learningRate: eta, epochs: epochs, batch: batch, seed: seed, weightDecay: decay,
                              zeroGrad: zeroGrad, location: fields.location)
    }
}
