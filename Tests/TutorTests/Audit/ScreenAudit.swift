import Autograd
import Foundation
import Lessons
import Screen
@testable import Tutor

/// Checks one frame against the state behind it (DESIGN §5 "every frame is true"), reading
/// the screen as a person would — the cells of the Buffer — and holding it to the
/// `FrameOracle`'s account of the pass:
/// - every box in view shows its value and gradient where they exist in the pass on
///   screen, written by the screen's one rounding rule, and "?" only where they do not;
/// - every mark (▶ ✓ ·) agrees with the step; the status line counts the cursor;
/// - the Step pane is about the step just taken;
/// - a lesson's narration tied to a step is on screen exactly at that step, and every
///   "NAME = NUMBER" it states about a node on screen is that node's number as the
///   screen writes it.
/// Returns one line per defect (empty: the frame is true).
struct ScreenAudit {
    let state: TutorState
    let buffer: Buffer

    init(_ state: TutorState) {
        self.state = state
        buffer = view(state)
    }

    var where_: String {
        let part = state.subject.partCount > 1 ? " --part \(state.part + 1)" : ""
        let page = state.screen > 0 ? " (screen \(state.screen + 1) of \(state.screens.count))" : ""
        return "\(state.subject.title)\(part) --step \(state.stepper.position) at \(state.size.width)×\(state.size.height)\(page)"
    }

    func defects() -> [String] {
        guard !state.panes.isTooSmall else { return [] }
        return boxes() + statusLine() + stepPane() + narration() + names() + activeInView() + noPartialBoxes() + arithmetic()
    }

    /// "A · B = C" and "A + B = C" in the Step pane hold by hand, from the numbers as
    /// written, to C's last digit; where they do not, the pane writes "≈" (and only there).
    /// Only a whole formula counts: not the tail of a longer sum, nor a number's exponent.
    func arithmetic() -> [String] {
        let number = #"\(?[−-]?\d+(?:\.\d+)?\)?"#
        guard let pattern = try? NSRegularExpression(pattern: #"(?<![\w.·/^()−-])(?<![+·−-] )("# + number + #") ([·+]) ("# + number + #") ([=≈]) ("# + number + #")(?![\d.e])"#)
        else { return ["bad pattern"] }
        let text = paneText(state.panes.inspector)
        let ns = text as NSString
        func read(_ range: NSRange) -> Double? {
            Double(ns.substring(with: range).trimmingCharacters(in: CharacterSet(charactersIn: "()")).replacingOccurrences(of: "−", with: "-"))
        }
        var defects: [String] = []
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            guard let a = read(match.range(at: 1)), let b = read(match.range(at: 3)) else { continue }
            let byHand = ns.substring(with: match.range(at: 2)) == "+" ? a + b : a * b
            // Rounded as the screen rounds every number.
            let holds = notation.number(byHand) == ns.substring(with: match.range(at: 5)).trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            let approximate = ns.substring(with: match.range(at: 4)) == "≈"
            if holds == approximate {
                defects.append("\(where_): the Step pane writes \"\(ns.substring(with: match.range))\"")
            }
        }
        return defects
    }

    /// No internal id (`#7`) anywhere on the screen (the ASCII done mark `#` stands alone).
    func names() -> [String] {
        let text = (0..<buffer.height).map { row($0, 0..<buffer.width) }.joined(separator: "\n")
        guard let range = text.range(of: #"#\d"#, options: .regularExpression) else { return [] }
        let line = text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return ["\(where_): an internal id on row \(line): \(row(line, 0..<buffer.width))"]
    }

    /// The part of a node's frame that shows it whole: the frame where it is wholly in the
    /// pane's inner `area`; for a line of text without a border (a circuit's one-line node,
    /// a flow diagram's input) whose frame the pane's right edge cuts, where its row of
    /// text is in view and ends before a blank last column (only the room a wider number
    /// would take is cut: `DAGView` draws it so), the part in view.
    func readable(_ frame: Rect, of node: NodeID, in area: Rect) -> Rect? {
        if frame.x >= area.x, frame.y >= area.y, frame.maxX <= area.maxX, frame.maxY <= area.maxY { return frame }
        let oneLine = state.showsFlow
            ? state.flow?.lineSlot(of: node, at: state.progress, selection: state.selection) == nil
            : state.scene.detail != .box
        let textRow = frame.y + (frame.height - 1) / 2
        guard oneLine, frame.x >= area.x, frame.x < area.maxX - 1, (area.y..<area.maxY).contains(textRow) else { return nil }
        // (A fold's mark, `↓`, may stand in the frame's blank end, past a blank.)
        var line = row(textRow, frame.x..<area.maxX)
        if line.hasSuffix(" ↓") || line.hasSuffix(" v") { line = String(line.dropLast()) + " " }
        guard line.last == " ", line.contains(where: { $0 != " " }) else { return nil }
        return Rect(x: frame.x, y: frame.y, width: area.maxX - frame.x, height: frame.height)
    }

    /// No box is partly drawn: a node cut by the pane's edge shows none of its text (a cut
    /// "grad 9.68" would read as a number of its own), only where its wires end the way
    /// to the rest of it, toward an edge that cuts it, and maybe its title (`↓ loss`).
    func noPartialBoxes() -> [String] {
        let area = state.panes.graph.inset(by: 1)
        var defects: [String] = []
        for (id, frame) in GraphPane.screenFrames(state, in: area) {
            // (Read whole where it shows whole: `boxes` checks its text.)
            guard readable(frame, of: id, in: area) == nil, frame.intersects(area) else { continue }
            let visible = Rect(x: max(frame.x, area.x), y: max(frame.y, area.y),
                               width: min(frame.maxX, area.maxX) - max(frame.x, area.x), height: min(frame.maxY, area.maxY) - max(frame.y, area.y))
            let text = (visible.y..<visible.maxY).map { row($0, visible.x..<visible.maxX) }.joined()
            // A one-line node in a taller frame (room for its inputs' arrows) may be whole
            // with only blank rows of its frame cut: its text row is what must be whole.
            let oneLine = text.split(separator: "\n").count <= 1 && !text.contains(where: { "┌┐└┘│".contains($0) })
                && frame.x >= area.x && frame.maxX <= area.maxX
            // The hint of where the rest lies: an arrow toward a cut edge, a title without digits.
            let ways = (frame.maxY > area.maxY ? "↓v" : "") + (frame.y < area.y ? "↑^" : "")
                + (frame.maxX > area.maxX ? "→>" : "") + (frame.x < area.x ? "←<" : "")
            let words = text.split(separator: " ")
            let hint = (words.count == 1 || words.count == 2) && words[0].count == 1 && ways.contains(words[0])
                && !words.dropFirst().joined().contains(where: \.isNumber)
            if !oneLine, !hint, text.contains(where: { $0.isLetter || $0.isNumber }) {
                defects.append("\(where_): \(state.scene.names[id.index])'s box is cut by the pane's edge but shows \"\(text.trimmingCharacters(in: .whitespaces))\"")
            }
        }
        return defects
    }

    /// The node the step is about (or the selection) is wholly in the graph pane; after a
    /// sample step, the first leaf it loaded (the step is about them, not the next node).
    func activeInView() -> [String] {
        let loaded = state.selection == nil ? state.progress.loaded.min { $0.index < $1.index } : nil
        guard let focus = loaded ?? state.focus else { return [] }
        let area = state.panes.graph.inset(by: 1)
        guard let frame = GraphPane.screenFrames(state, in: area).first(where: { $0.node == focus })?.frame else { return [] }
        let inView = frame.x >= area.x && frame.y >= area.y && frame.maxX <= area.maxX && frame.maxY <= area.maxY
        return inView || frame.width > area.width ? [] : ["\(where_): \(state.scene.names[focus.index]) is not wholly in view"]
    }

    /// The output and the inputs of the node in focus are wholly in the graph pane too: a
    /// student sees where the step's numbers come from and where the pass ends. (A node
    /// drawn as an edge of the flow diagram has no box: its edge's source is checked.)
    func contextInView() -> [String] {
        let area = state.panes.graph.inset(by: 1)
        let frames = GraphPane.screenFrames(state, in: area)
        // Any of its boxes: a fold's stub (↪) repeats a node with its numbers.
        func whole(_ node: NodeID) -> Bool? {
            let boxes = frames.filter { $0.node == node }.map(\.frame)
            guard !boxes.isEmpty else { return nil }
            return boxes.contains { frame in
                frame.width > area.width
                    || (frame.x >= area.x && frame.y >= area.y && frame.maxX <= area.maxX && frame.maxY <= area.maxY)
            }
        }
        var defects: [String] = []
        let output = state.stepper.plan.tape.output
        if whole(output) == false {
            // Its box out of view, the output's numbers are pinned to the pane's bottom border.
            if let pin = OutputPin(state) {
                defects += pinned(output, text: row(pin.frame.y, pin.frame.x..<pin.frame.maxX))
            } else {
                defects.append("\(where_): the output \(state.scene.names[output.index]) is not wholly in view, nor pinned")
            }
        }
        // After a sample step the view shows the leaves it loaded (`activeInView`).
        guard state.selection != nil || state.progress.loaded.isEmpty, let focus = state.focus else { return defects }
        let graph = state.stepper.graph
        for input in graph.inputs(of: focus) where whole(input) == false {
            defects.append("\(where_): \(state.scene.names[input.index]), an input of \(state.scene.names[focus.index]), is not wholly in view")
        }
        return defects
    }

    /// The output's pin reads "output MARK NAME VALUE ∇GRAD", as the state has them.
    func pinned(_ output: NodeID, text: String) -> [String] {
        let oracle = self.oracle, graph = state.stepper.graph
        let name = state.scene.names[output.index]
        let value = oracle.valueShown(output) ? notation.number(graph.values[output.index]) : "?"
        let grad = oracle.gradShown(output) ? notation.number(graph.grads[output.index]) : "?"
        let mark = output == oracle.active ? "▶" : (oracle.done(output) ? "✓" : "·")
        let expected = "output \(mark) \(name) \(value) \(notation.gradientMark)\(grad)"
        let shown = text.trimmingCharacters(in: .whitespaces)
        return shown == expected ? [] : ["\(where_): the output's pin reads \"\(shown)\", the state says \"\(expected)\""]
    }

    // MARK: Reading the screen

    func row(_ y: Int, _ xs: Range<Int>) -> String {
        xs.map { buffer[$0, y].symbol }.joined()
    }

    /// The text inside a pane's border, rows joined by spaces, runs of blanks collapsed.
    func paneText(_ rect: Rect) -> String {
        let inner = rect.inset(by: 1)
        let rows = (inner.y..<inner.maxY).map { row($0, inner.x..<inner.maxX) }
        return rows.joined(separator: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    var notation: Notation { state.notation }
    var oracle: FrameOracle { FrameOracle(state.stepper) }

    // MARK: Boxes and marks

    func boxes() -> [String] {
        let oracle = self.oracle
        let graph = state.stepper.graph
        let area = state.panes.graph.inset(by: 1)
        var defects: [String] = []
        for (index, (id, whole)) in GraphPane.screenFrames(state, in: area).enumerated() {
            // Only boxes shown whole are read (panning is the graph view's business).
            guard let frame = readable(whole, of: id, in: area) else { continue }
            let name = state.scene.names[id.index]
            let value = oracle.valueShown(id) ? notation.number(graph.values[id.index]) : "?"
            let grad = oracle.gradShown(id) ? notation.number(graph.grads[id.index]) : "?"
            let mark = id == oracle.active || oracle.loaded.contains(id) ? "▶" : (oracle.done(id) ? "✓" : "·")
            let rows = (frame.y..<frame.maxY).map { row($0, frame.x..<frame.maxX) }
            var shownValue: String?, shownGrad: String?, shownMark: String?
            let gradMark = notation.gradientMark
            // A brief line's one number: the value until the backward pass has the
            // gradient, then "∇grad" alone (what it leaves out counts as shown).
            func readBrief(_ numbers: [String]) -> (value: String?, grad: String?) {
                guard let only = numbers.first else { return (nil, nil) }
                let backward = [Phase.seed, .backward].contains(state.stepper.lastStep?.phase)
                let gradientDue = backward && oracle.gradShown(id)
                if only.hasPrefix(gradMark) { return (gradientDue ? value : nil, String(only.dropFirst(gradMark.count))) }
                return (only, gradientDue ? nil : grad)
            }
            if state.showsFlow {
                // A box holds a line "mark name value ∇grad" per node it stands for (a
                // neuron's ξ and h, the head's nodes); any other node is one line.
                // (A head box of many lines holds them in columns side by side.)
                let slot = state.flow?.lineSlot(of: id, at: state.progress, selection: state.selection)
                let y = slot.map { frame.y + 1 + $0.row } ?? frame.y + (frame.height - 1) / 2
                let xs = slot.map { (frame.x + 1 + $0.x)..<(frame.x + 1 + $0.x + $0.width) } ?? frame.x..<frame.maxX
                let line = row(y, xs).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
                let words = line.split(separator: " ").map(String.init)
                shownMark = words.first
                // A role name may be several words ("L's max").
                let nameWords = name.split(separator: " ").count
                let numbers = Array(words.dropFirst(1 + nameWords))
                if state.flow?.brief == true {
                    (shownValue, shownGrad) = readBrief(numbers)
                } else {
                    shownValue = numbers.first
                    shownGrad = numbers.count > 1 && numbers[1].hasPrefix(gradMark) ? String(numbers[1].dropFirst(gradMark.count)) : nil
                }
                if words.count < 1 + nameWords || words[1...nameWords].joined(separator: " ") != name {
                    defects.append("\(where_): the node \(name) reads \"\(line)\"")
                }
            } else if state.scene.detail != .box {
                // One line, in the middle of the frame: " ✓ name value ∇grad" (brief: the
                // value until the gradient is known, then "∇grad" alone).
                let line = row(frame.y + (frame.height - 1) / 2, frame.x..<frame.maxX)
                let words = line.split(separator: " ").map(String.init)
                let mark = notation.gradientMark
                // A fold's stub repeats its node with ↪ before the mark, and by its name
                // even where the others show their symbol.
                shownMark = words.first.map { $0.hasPrefix("↪") ? String($0.dropFirst()) : $0 }
                let label = state.scene.isStub(index) ? name : state.scene.lineLabels[id.index]
                let labelWords = label.split(separator: " ").count
                let numbers = Array(words.dropFirst(1 + labelWords))
                if state.scene.detail == .line {
                    shownValue = numbers.first
                    shownGrad = numbers.count > 1 && numbers[1].hasPrefix(mark) ? String(numbers[1].dropFirst(mark.count)) : nil
                } else {
                    (shownValue, shownGrad) = readBrief(numbers)
                }
                if words.count < 1 + labelWords || words[1...labelWords].joined(separator: " ") != label {
                    defects.append("\(where_): the node \(name) reads \"\(line.trimmingCharacters(in: .whitespaces))\"")
                }
            } else if graph.name(of: id) == nil {
                // A gate: "mark value" above the symbol, "∇gradient" below.
                let content = rows.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let top = content.first?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
                shownMark = top.first
                shownValue = top.count > 1 ? top[1] : nil
                let mark = notation.gradientMark
                shownGrad = content.count > 2 && content[2].hasPrefix(mark) ? String(content[2].dropFirst(mark.count)) : nil
            } else {
                func field(_ label: String) -> String? {
                    rows.lazy.map { $0.dropFirst().dropLast().trimmingCharacters(in: .whitespaces) }
                        .first { $0.hasPrefix(label + " ") }.map { String($0.dropFirst(label.count + 1)) }
                }
                shownValue = field("val")
                shownGrad = field("grad")
                shownMark = rows.first.map { String($0.dropFirst(2).prefix(1)) }
            }
            if shownValue != value { defects.append("\(where_): \(name) shows value \(shownValue ?? "nothing"), the state says \(value)") }
            if shownGrad != grad { defects.append("\(where_): \(name) shows grad \(shownGrad ?? "nothing"), the state says \(grad)") }
            if shownMark != mark { defects.append("\(where_): \(name) is marked \(shownMark ?? "nothing"), the step says \(mark)") }
        }
        return defects
    }

    // MARK: Status line and Step pane

    func statusLine() -> [String] {
        let status = row(0, 0..<buffer.width)
        let stepper = state.stepper
        let counter = "step \(stepper.position)/\(stepper.count)"
        let phase: String
        if stepper.isAtStart {
            phase = "start"
        } else if stepper.isAtEnd {
            phase = "end"
        } else {
            switch stepper.lastStep?.phase {
            case .forward?: phase = "forward pass"
            case .seed?, .backward?: phase = "backward pass"
            case .sample?: phase = "sample"
            case .update?: phase = "update"
            case .accumulate?: phase = "batch"
            case .epoch?, nil: phase = "epoch"
            }
        }
        let expected = phase + state.notation.separator + counter
        var defects = status.contains(expected) ? [] : ["\(where_): the status line does not say \(expected): \(status)"]
        // At 100 columns the part's number and whole title are readable.
        if buffer.width >= 100, state.subject.partCount > 1 {
            let part = "part \(state.part + 1)/\(state.subject.partCount) " + (state.subject.partTitle(state.part) ?? "")
            if !status.contains(notation.text(part)) { defects.append("\(where_): the status line cuts \"\(part)\": \(status)") }
        }
        return defects
    }

    /// In the flow view, "the edge x1 → ξ1" for a neuron's term, which the diagram draws
    /// as that edge and not as a node: read off the recognised neurons, not the Step pane's code.
    func drawnEdge(_ node: NodeID) -> String? {
        guard state.showsFlow, let flow = state.flow else { return nil }
        for neuron in flow.structure.neurons {
            for term in neuron.terms where term.node == node && term.isFolded && state.stepper.graph.op(of: node) != nil {
                let source = if case .node(let id) = term.source { flow.names[id.index] } else { "1" }
                return "the edge \(source) \(state.notation.unicode ? "→" : "->") \(flow.names[neuron.excitation.index])"
            }
        }
        return nil
    }

    /// The Step pane's first line names what the last step did (where it is shown: a
    /// lesson's page too long to share the row has it alone, `Panes.narrationAlone`).
    func stepPane() -> [String] {
        guard state.selection == nil, state.classroom.quiz.current == nil, !state.panes.inspector.isEmpty else { return [] }
        let inner = state.panes.inspector.inset(by: 1)
        let first = row(inner.y, inner.x..<inner.maxX)
        let stepper = state.stepper
        let expected: String
        if let last = stepper.lastStep {
            switch last {
            case .sample(let row): expected = "Sample \(row + 1)"
            // Without training the data is passed over once: no epochs to count.
            case .epoch(let n): expected = stepper.plan.training == nil ? "rows done" : "Epoch \(n)"
            case .seed: expected = "Backward pass"
            case .accumulate: expected = "Batch"
            default:
                expected = last.node.map { drawnEdge($0) ?? state.scene.names[$0.index] } ?? state.scene.names[0]
            }
        } else {
            expected = "Start"
        }
        return first.contains(expected) ? [] : ["\(where_): the Step pane begins \"\(first.trimmingCharacters(in: .whitespaces))\", not about \(expected)"]
    }

    // MARK: Narration

    /// Whether the last step taken is the one `ref` names.
    func isLastStep(_ ref: StepRef) -> Bool {
        guard let last = state.stepper.lastStep else { return false }
        let graph = state.stepper.graph
        func named(_ id: NodeID, _ name: String) -> Bool { graph.name(of: id) == name }
        switch (ref, last) {
        case (.forward(let name), .forward(let id)): return named(id, name)
        case (.backward(let name), .backward(let id)), (.backward(let name), .backwardEdge(let id, _)): return named(id, name)
        case (.update(let name), .update(let id)): return named(id, name)
        case (.seed, .seed): return true
        case (.sample(let k), .sample(let row)): return k == row + 1
        case (.epoch(let n), .epoch(let m)): return n == m
        default: return false
        }
    }

    func narration() -> [String] {
        guard let part = state.lessonPart else { return [] }
        let text = paneText(state.panes.narration)
        var defects: [String] = []
        let onStepScreen = if case .step = state.currentScreen { true } else { false }
        for entry in part.narration where !entry.isPage {
            guard case .at(let ref) = entry.anchor else { continue }
            let opening = String(notation.text(entry.text).split(whereSeparator: { $0 == " " || $0 == "\n" })
                .joined(separator: " ").prefix(24))
            let due = onStepScreen && isLastStep(ref) && state.textScroll == 0
            let shown = text.contains(opening)
            if due && !shown { defects.append("\(where_): the narration for 'at \(ref)' is not on screen (\"\(opening)…\")") }
            if shown && !due && !isLastStep(ref) { defects.append("\(where_): the narration for 'at \(ref)' is shown at another step") }
        }
        return defects + claims(in: text)
    }

    /// "NAME = …  = NUMBER" and "∂L/∂NAME = … = NUMBER" in the narration, about a node on
    /// screen: the number a chain of equals signs ends in, within one clause, must be the
    /// node's own, as the screen writes it ("e = exp(−1) = 0.37" against e's 0.368).
    func claims(in text: String) -> [String] {
        let graph = state.stepper.graph
        let oracle = self.oracle
        let output = state.scene.names[state.stepper.plan.tape.output.index]
        let start = #"(?:^|[\s(,;:])(?:∂([^\s/]+)/∂)?([\p{L}_][\p{L}\p{N}_]*) = "#
        let clauseEnd = #"[.,;:!?](?=\s|$)"#
        let number = #"^[−-]?\d+(?:\.\d+)?(?:e[−+-]?\d+)?$"#
        guard let starts = try? NSRegularExpression(pattern: start), let ends = try? NSRegularExpression(pattern: clauseEnd),
              let isNumber = try? NSRegularExpression(pattern: number) else { return ["bad pattern"] }
        let ns = text as NSString
        var defects: [String] = []
        var chainEnd = 0
        for match in starts.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            // "δ = y − σ = 0.27" claims δ, not σ: a name inside a chain starts nothing.
            guard match.range.location >= chainEnd else { continue }
            let isGradient = match.range(at: 1).location != NSNotFound
            // Only ∂(output)/∂(node) is a gradient the screen shows; ∂q/∂x is a local one.
            if isGradient, ns.substring(with: match.range(at: 1)) != output { continue }
            let name = ns.substring(with: match.range(at: 2))
            let from = match.range.location + match.range.length
            let end = ends.firstMatch(in: text, range: NSRange(location: from, length: ns.length - from))?.range.location ?? ns.length
            let clause = ns.substring(with: NSRange(location: from, length: end - from))
            chainEnd = end
            // "x1 × 0.197 ≈ −0.393" claims its last number as much as "= −0.393" does.
            guard let claimed = clause.components(separatedBy: " = ").last?.components(separatedBy: " ≈ ").last?
                .trimmingCharacters(in: .whitespaces),
                  isNumber.firstMatch(in: claimed, range: NSRange(location: 0, length: (claimed as NSString).length)) != nil
            else { continue }
            guard let id = graph.id(named: name) ?? graph.ids.first(where: { state.scene.names[$0.index] == name }) else { continue }
            let shown = isGradient ? oracle.gradShown(id) : oracle.valueShown(id)
            let what = isGradient ? "∂\(output)/∂\(name)" : name
            guard shown else {
                defects.append("\(where_): the narration says \(what) = \(claimed) before the screen has computed it")
                continue
            }
            let actual = isGradient ? graph.grads[id.index] : graph.values[id.index]
            let written = notation.number(actual)
            let minus = claimed.hasPrefix("-") ? "−" + claimed.dropFirst() : claimed
            guard minus != written else { continue }
            let value = Double(claimed.replacingOccurrences(of: "−", with: "-")) ?? .nan
            let decimals = claimed.split(separator: ".").dropFirst().first?.count ?? 0
            let isRounding = abs(value - actual) <= 0.5 * pow(10, -Double(decimals)) + 1e-12
            defects.append(isRounding
                ? "\(where_): the narration writes \(what) = \(claimed), the screen writes \(written)"
                : "\(where_): the narration says \(what) = \(claimed), but it is \(written)")
        }
        return defects
    }
}
