import Autograd

/// Checks that every node a part's data, narration, quiz and expectations name is in its
/// graph, and is the right kind of node for how it is used.
struct NameCheck {
    let file: String
    let part: LessonPart

    func run(_ diagnostics: inout [Diagnostic]) {
        let graph = part.graph
        if let data = part.data {
            for column in data.columns {
                guard let id = graph.id(named: column) else {
                    diagnostics.append(.error(file: file, at: data.location, "data column '\(column)' is not a node of the graph"))
                    continue
                }
                if graph.kind(of: id) != .input {
                    diagnostics.append(.error(
                        file: file, at: data.location,
                        "data column '\(column)' must be an input leaf such as '\(column) = 0', not a \(graph.kind(of: id).rawValue)"))
                }
            }
        }
        for entry in part.narration {
            check(entry.anchor, at: entry.location, in: "narration", &diagnostics)
        }
        for question in part.quiz {
            check(question.anchor, at: question.location, in: "quiz", &diagnostics)
        }
        for expectation in part.expectations {
            check(expectation, &diagnostics)
        }
    }

    private func check(_ anchor: NarrationAnchor, at location: SourceLocation, in what: String, _ diagnostics: inout [Diagnostic]) {
        guard let step = anchor.step else {
            if case .beforePhase(let phase) = anchor, phase == .update || phase == .training, part.training == nil {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to the \(phase.rawValue) phase, but this part has no 'training'"))
            }
            if case .afterPhase(let phase) = anchor, phase == .update || phase == .training, part.training == nil {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to the \(phase.rawValue) phase, but this part has no 'training'"))
            }
            return
        }
        switch step {
        case .forward(let name), .backward(let name), .update(let name):
            guard let id = part.graph.id(named: name) else {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to unknown node '\(name)'\(known)"))
                return
            }
            if case .forward = step, part.graph.kind(of: id) != .op {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to 'forward \(name)', but \(name) is a leaf; only computed nodes have a forward step"))
            }
            if case .update = step, part.graph.kind(of: id) != .param {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to 'update \(name)', but \(name) is not a param"))
            }
            if case .update = step, part.training == nil {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to 'update \(name)', but this part has no 'training'"))
            }
        case .sample(let k):
            let rows = part.data?.rows.count ?? 0
            if k > rows {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to sample \(k), but the data has \(rows) rows"))
            }
        case .epoch(let n):
            let epochs = part.training?.epochs ?? 0
            if n > epochs {
                diagnostics.append(.error(file: file, at: location, "\(what) refers to epoch \(n), but training runs \(epochs) epochs"))
            }
        case .seed:
            break
        }
    }

    private func check(_ expectation: Expectation, _ diagnostics: inout [Diagnostic]) {
        let graph = part.graph
        for name in expectation.names where graph.id(named: name) == nil {
            diagnostics.append(.error(file: file, at: expectation.location, "expectation refers to unknown node '\(name)'\(known)"))
        }
        switch expectation.context {
        case .with(let assignments):
            for assignment in assignments {
                if let id = graph.id(named: assignment.name), !graph.kind(of: id).isLeaf {
                    diagnostics.append(.error(
                        file: file, at: expectation.location,
                        "'with' can only set leaves; \(assignment.name) is computed from its inputs"))
                }
            }
        case .afterEpochs:
            if part.training == nil {
                diagnostics.append(.error(file: file, at: expectation.location, "'\(expectation.text)' needs 'training' settings in this part"))
            }
        case .initial:
            break
        }
    }

    /// The graph's named nodes, to help with a typo.
    private var known: String {
        let names = part.graph.namedIDs.compactMap { part.graph.name(of: $0) }
        return names.isEmpty ? "" : " (the graph has: \(names.joined(separator: ", ")))"
    }
}
