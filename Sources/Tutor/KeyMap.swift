import Screen

/// One key binding: the keys, the action, and the help text that describes it. The hint
/// line and the `?` overlay are generated from these, so they cannot disagree with what
/// the keys do (Bubble Tea's `key.NewBinding(WithKeys, WithHelp)`).
public struct KeyBinding: Hashable, Sendable {
    /// Where the binding is listed in the help overlay.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        case stepping = "Stepping"
        case graph = "Graph view"
        case general = "General"
    }

    public var keys: [Key]
    public var action: Action
    public var help: String
    public var section: Section
    /// Whether the hint line at the bottom shows it (the help overlay shows every binding).
    public var inHints: Bool
    /// A shorter text for the hint line; `help` when nil.
    public var hint: String?
    /// The help row this binding shares with its neighbours of the same group (the four pan
    /// directions, next and previous node), so that the help fits a small window.
    public var group: String?

    public init(_ keys: [Key], _ action: Action, help: String, section: Section,
                inHints: Bool = false, hint: String? = nil, group: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.section = section
        self.inHints = inHints
        self.hint = hint
        self.group = group
    }
}

/// The table from keys to actions. The first binding that lists a key wins.
public struct KeyMap: Sendable {
    public private(set) var bindings: [KeyBinding]
    private var lookup: [Key: Action]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var lookup: [Key: Action] = [:]
        for binding in bindings {
            for key in binding.keys where lookup[key] == nil { lookup[key] = binding.action }
        }
        self.lookup = lookup
    }

    /// This map with more bindings after the existing ones (existing keys keep their action).
    public func adding(_ more: [KeyBinding]) -> KeyMap { KeyMap(bindings + more) }

    /// The action for a key, `nil` for a key that is not bound.
    public func action(for key: Key) -> Action? { lookup[key] }

    /// The hints for the bottom line, in table order: each binding's first key.
    public func hints(unicode: Bool) -> [KeyHint] {
        bindings.filter(\.inHints).compactMap { binding in
            binding.keys.first.map {
                KeyHint(key: $0.label(unicode: unicode), help: binding.hint ?? binding.help,
                        pinned: binding.action == .toggleHelp || binding.action == .quit)
            }
        }
    }

    /// Every binding, grouped by section, for the help overlay: (section, [(keys, help)]).
    /// Neighbours of one `group` share a row under the group's text.
    public func helpSections(unicode: Bool) -> [(section: KeyBinding.Section, rows: [(keys: String, help: String)])] {
        KeyBinding.Section.allCases.compactMap { section in
            var runs: [[KeyBinding]] = []
            for binding in bindings where binding.section == section {
                if let group = binding.group, let last = runs.last?.last, last.group == group {
                    runs[runs.count - 1].append(binding)
                } else {
                    runs.append([binding])
                }
            }
            let rows = runs.map { run in
                (keys: KeyMap.helpKeys(run, unicode: unicode), help: run.count == 1 ? run[0].help : run[0].group ?? run[0].help)
            }
            return rows.isEmpty ? nil : (section, rows)
        }
    }

    /// The keys of one help row. A group whose bindings have as many keys each is written
    /// by position, the way people say it: `H L K J / A D W S` for left, right, up, down.
    static func helpKeys(_ run: [KeyBinding], unicode: Bool) -> String {
        let labels = run.map { $0.keys.map { $0.label(unicode: unicode) } }
        guard run.count > 1, let first = labels.first, labels.allSatisfy({ $0.count == first.count }) else {
            return labels.map { $0.joined(separator: " / ") }.joined(separator: ", ")
        }
        return first.indices.map { i in labels.map { $0[i] }.joined(separator: " ") }.joined(separator: " / ")
    }

    /// The tutor's keys. → / space / `l`, ← / `h`, `q` and `?` are a contract users rely on (docs/ARCHITECTURE.md).
    public static let standard = KeyMap([
        KeyBinding([.right, .character(" "), .character("l")], .next, help: "next step", section: .stepping, inHints: true, hint: "next"),
        KeyBinding([.left, .character("h")], .back, help: "step back", section: .stepping, inHints: true, hint: "back"),
        KeyBinding([.character("n")], .finishPhase, help: "to the end of the pass / update",
                   section: .stepping, inHints: true, hint: "end of phase"),
        KeyBinding([.character("p")], .rewindPhase, help: "back to the start of the pass / update", section: .stepping),
        KeyBinding([.character("r"), .home], .restart, help: "restart this part", section: .stepping, inHints: true,
                   hint: "restart", group: "restart this part / jump to its end"),
        KeyBinding([.end], .toEnd, help: "jump to the end of this part", section: .stepping,
                   group: "restart this part / jump to its end"),
        KeyBinding([.character("[")], .previousPart, help: "previous part", section: .stepping,
                   group: "previous / next part"),
        KeyBinding([.character("]")], .nextPart, help: "next part", section: .stepping,
                   group: "previous / next part"),
        KeyBinding([.character("e")], .toggleEdgeStepping, help: "backward pass: a step per edge / per node",
                   section: .stepping, group: "a step per edge or node / mistakes lab"),
        KeyBinding([.character("m")], .cycleMistake, help: "mistakes lab: = for +=, backward() twice, off",
                   section: .stepping, group: "a step per edge or node / mistakes lab"),
        KeyBinding([.tab, .character("j")], .selectNext, help: "select the next node to inspect",
                   section: .graph, inHints: true, hint: "select", group: "select the next / previous node"),
        KeyBinding([.backTab, .character("k")], .selectPrevious, help: "select the previous node", section: .graph,
                   group: "select the next / previous node"),
        // Capitals, so panning never clashes with stepping (h, l) or selecting (j, k).
        KeyBinding([.character("H"), .character("A")], .pan(dx: -4, dy: 0), help: "pan the graph left", section: .graph,
                   group: "pan the graph left, right, up, down"),
        KeyBinding([.character("L"), .character("D")], .pan(dx: 4, dy: 0), help: "pan the graph right", section: .graph,
                   group: "pan the graph left, right, up, down"),
        KeyBinding([.character("K"), .character("W")], .pan(dx: 0, dy: -2), help: "pan the graph up", section: .graph,
                   group: "pan the graph left, right, up, down"),
        KeyBinding([.character("J"), .character("S")], .pan(dx: 0, dy: 2), help: "pan the graph down", section: .graph,
                   group: "pan the graph left, right, up, down"),
        KeyBinding([.down, .pageDown], .scrollText(3), help: "scroll the text down",
                   section: .graph, group: "scroll the text down / up"),
        KeyBinding([.up, .pageUp], .scrollText(-3), help: "scroll the text up", section: .graph,
                   group: "scroll the text down / up"),
        KeyBinding([.character("c")], .recenter, help: "bring the active node back into view", section: .graph,
                   group: "bring back the step / circuit or flow view"),
        KeyBinding([.character("g")], .toggleGraphView, help: "circuit view / flow-diagram view (neurons, weights on edges)",
                   section: .graph, group: "bring back the step / circuit or flow view"),
        KeyBinding([.character("?")], .toggleHelp, help: "show or hide this help", section: .general, inHints: true,
                   hint: "help"),
        KeyBinding([.escape], .dismiss, help: "close the help, the check, the selection", section: .general),
        KeyBinding([.character("q")], .quit, help: "quit", section: .general, inHints: true),
    ])
}

extension KeyMap {
    /// The action for `key` in `state`: while an answer is being typed every character
    /// that can be part of it goes into it (so `l` in "all" does not step); any other key
    /// acts as a key (`?` help; `q` asks before leaving the question). Otherwise this
    /// map's table decides. Every key, typed or scripted, becomes an action only here.
    public func action(for key: Key, in state: TutorState) -> Action? {
        // The mouse: a click selects the node under it, the wheel scrolls the text.
        if case .mouse(let event) = key {
            switch event.kind {
            case .wheelUp: return .scrollText(-3)
            case .wheelDown: return .scrollText(3)
            case .click:
                let area = state.graphPanes.graph.inset(by: 1)
                guard area.contains(Point(x: event.x, y: event.y)) else { return nil }
                return GraphPane.screenFrames(state, in: area)
                    .first { $0.frame.contains(Point(x: event.x, y: event.y)) }
                    .map { .select($0.node) }
            }
        }
        // Over the help, keys are the help's (Esc closes it rather than showing the answer).
        if state.classroom.quiz.isAsking, !state.helpVisible {
            if case .character(let c) = key, state.classroom.quiz.current?.accepts(character: c) ?? true {
                return .classroom(.quizType(c))
            }
            // Esc first goes back from a selected node to the question, as it says.
            if key == .escape, state.selection != nil { return .dismiss }
            return Classroom.answerKeyMap.action(for: key) ?? action(for: key)
        }
        return action(for: key)
    }
}
