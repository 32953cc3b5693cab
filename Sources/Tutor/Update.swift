import Autograd
import Screen

/// The Update of Model / Update / View: the next state after `input`. Pure — the state
/// passed in is not changed, and nothing else is touched.
public func update(_ state: TutorState, _ input: Input) -> TutorState {
    var next = state
    next.receive(input)
    return next
}

/// The next state after `action`, as if its key had been pressed: for code that asks for
/// an action by name (`render --step N` is `.jump(to: N)`, tests).
public func update(_ state: TutorState, _ action: Action) -> TutorState {
    var next = state
    next.apply(action)
    return next
}

extension TutorState {
    /// `update` in place: the run loop sends every input here (in place, to avoid copying
    /// the step history).
    public mutating func receive(_ input: Input) {
        switch input {
        case .key(let key):
            if let action = keyMap.action(for: key, in: self) { apply(action) }
        case .tick(let now):
            tick(now: now)
        case .resize(let newSize):
            size = newSize
            follow()
        case .interrupt:
            interrupted = true
        }
    }

    /// One action, in place. One branch per action; each calls a small function, so new
    /// actions slot in beside the old ones.
    public mutating func apply(_ action: Action) {
        // The size or the training views may change: the drawing that fits follows.
        defer { chooseScene() }
        // While the window is too small to show what a key does, only quitting acts (and
        // the inputs that are no keys: resizing, Ctrl-C): nothing moves unseen.
        if graphPanes.isTooSmall {
            switch action {
            case .quit: break
            default: return
            }
        }
        message = nil
        let quitWasAsked = quitAsked
        quitAsked = false
        // A waiting question holds the cursor: no key moves past it (or back from it) unseen.
        if classroom.quiz.isAsking, action.moves {
            message = "Answer first: type it and press Enter (Esc shows it)."
            return
        }
        prepareClassroom(for: action)
        if helpVisible, action != .toggleHelp, action != .dismiss, action.keepsHelpOpen == false {
            helpVisible = false
        }
        switch action {
        case .next: stepForward()
        case .back: stepBack()
        case .finishPhase: move { $0.toPhaseEnd() }
        case .rewindPhase: move { $0.toPhaseStart() }
        case .restart: move { $0.toStart() }
        case .previousPart: openPart(part - 1)
        case .nextPart: openPart(part + 1)
        case .toEnd: move { $0.toEnd() }
        case .jump(let target): move { $0.go(to: target) }
        case .toggleEdgeStepping: toggleEdgeStepping()
        case .selectNext: select(by: 1)
        case .selectPrevious: select(by: -1)
        case .select(let id):
            selection = id
            follow()
        case .toggleGraphView: toggleGraphView()
        case .cycleMistake: cycleMistake()
        case .pan(let dx, let dy): pan(dx: dx, dy: dy)
        case .scrollText(let rows) where helpVisible:
            helpScroll = min(max(0, helpScroll + rows), helpOverlay.maxScroll(for: size))
        case .scrollText(let rows): scrollText(by: rows)
        case .recenter: follow()
        case .toggleHelp:
            helpVisible.toggle()
            helpScroll = 0
        case .dismiss:
            if helpVisible {
                helpVisible = false
            } else if classroom.gradientCheckVisible {
                classroom.gradientCheckVisible = false
            } else {
                selection = nil
                follow()
            }
        case .quit: quit(confirmed: quitWasAsked)
        case .classroom(let action): applyClassroom(action)
        }
    }

    /// Opens part `index` at its start, saying which part it is (or why not).
    private mutating func openPart(_ index: Int) {
        guard subject.partCount > 1 else {
            message = "There is one part: r restarts it."
            return
        }
        guard subject.lessonPart(index) != nil else {
            message = index < 0 ? "This is the first part." : "This is the last part."
            return
        }
        do {
            try open(part: index, atEnd: false)
            message = "Part \(part + 1) of \(subject.partCount)" + (subject.partTitle(part).map { ": \($0)" } ?? "")
        } catch {
            message = "Part \(index + 1) cannot be opened: \(error)"
        }
    }

    /// Quits, but asks first while a quiz question waits for its answer.
    private mutating func quit(confirmed: Bool) {
        guard classroom.quiz.isAsking, !confirmed else {
            quitRequested = true
            return
        }
        quitAsked = true
        message = "Leave the question unanswered? q again quits; any other key goes back to it."
    }

    mutating func stepForward() {
        // Questions looking back are asked on the step's own screen, before the pages after
        // it (a closing page must not answer them first); questions about the next step on
        // the last screen, just before it is taken.
        if case .step = currentScreen, quizHoldsStep(.afterStepScreen) { return }
        if !isOnLastScreen {
            screen += 1
            textScroll = 0
            return
        }
        if quizHoldsStep(.beforeNextStep) { return }
        if stepper.isAtEnd {
            guard part + 1 < subject.partCount else {
                message = whatComesNext
                return
            }
            openPart(part + 1)
            return
        }
        move { $0.step() }
    }

    private mutating func stepBack() {
        if screen > 0 {
            screen = min(screen, screens.count) - 1
            textScroll = 0
            return
        }
        if stepper.isAtStart {
            guard part > 0 else {
                message = "This is the start. → takes the first step."
                return
            }
            do {
                try open(part: part - 1, atEnd: true)
                message = "Back to part \(part + 1) of \(subject.partCount)"
            } catch {
                message = "Part \(part) cannot be opened: \(error)"
            }
            return
        }
        move { $0.back() }
        // Back is the exact reverse of next: it lands on the last screen before the step.
        screen = screens.count - 1
    }

    /// Moves the stepper and brings the step's node into view; a step ends a selection
    /// (the inspector goes back to explaining the step).
    mutating func move(_ change: (inout Stepper) -> Void) {
        change(&stepper)
        screen = 0
        selection = nil
        // The gradient check is of one moment: a step closes it (v opens it again).
        classroom.gradientCheckVisible = false
        textScroll = 0
        // The training views may appear with the first epoch (`chooseScene`), even on a
        // tick of autoplay, which moves without an action.
        chooseScene()
        follow()
    }

    /// Rebuilds the stepper with the other backward granularity at the same place: the
    /// same steps done, a node step counting as all of its edge steps.
    private mutating func toggleEdgeStepping() {
        let other: BackwardGranularity = granularity == .node ? .edge : .node
        let old = stepper
        guard var fresh = try? subject.makeStepper(part: part, granularity: other, mistake: .some(old.mistake)) else { return }
        fresh.go(to: Self.position(in: fresh.plan, matching: old))
        stepper = fresh
        message = other == .edge
            ? "Backward pass: one edge per step (each += on its own)."
            : "Backward pass: one node per step."
        follow()
    }

    /// The mistakes lab's `m`: the next of the classic autograd bugs (then none again), at
    /// the same place of the pass, so the wrong numbers appear beside the right ones.
    private mutating func cycleMistake() {
        guard stepper.plan.training == nil else {
            message = "m works on one pass; in training the classic bug is a forgotten zero_grad."
            return
        }
        let choices: [Mistake?] = [nil] + Mistake.allCases
        let next = choices[((choices.firstIndex(of: stepper.mistake) ?? 0) + 1) % choices.count]
        let position = stepper.position
        guard var fresh = try? subject.makeStepper(part: part, granularity: granularity, mistake: .some(next)),
              let drawings = try? Self.drawings(of: fresh, notation: notation) else { return }
        fresh.go(to: position)
        stepper = fresh
        (scenes, flows) = drawings
        chooseScene()
        follow()
        // Short enough for the hint line at 80 columns; the Step pane says the rest.
        message = next.map { "Mistake on: \($0.title) (m: next)." }
            ?? "Mistakes off: every gradient is right again."
    }

    /// A step in words: "forward: compute q = x + y", "backward through f = q · z".
    public func describe(_ step: Step) -> String { Inspector(state: self).describe(step) }

    /// The cursor in `plan` that has done the same work as `old`'s cursor.
    static func position(in plan: StepPlan, matching old: Stepper) -> Int {
        guard let last = old.lastStep else { return 0 }
        let location = old.plan.location(of: old.position - 1)
        let row = location.row ?? 0
        func index(_ step: Step) -> Int? { plan.index(of: step, epoch: location.epoch, row: row) }
        switch last {
        case .backward(let id) where plan.granularity == .edge:
            // All of the node's edges are done: just after its last edge step (a leaf
            // keeps its single step; an edge into a literal constant has none).
            let edges = (0..<old.graph.inputCount(of: id)).reversed()
            if let i = edges.lazy.compactMap({ index(.backwardEdge(id, position: $0)) }).first { return i + 1 }
            return index(last).map { $0 + 1 } ?? old.position
        case .backwardEdge(let id, let position) where plan.granularity == .node:
            // Part of a node's edges: before the node's step, unless it was its last edge.
            guard let i = index(.backward(id)) else { return old.position }
            let later = (position + 1)..<old.graph.inputCount(of: id)
            let wasLast = later.allSatisfy { old.plan.index(of: .backwardEdge(id, position: $0), epoch: location.epoch, row: row) == nil }
            return wasLast ? i + 1 : i
        default:
            return index(last).map { $0 + 1 } ?? old.position
        }
    }

    /// Moves the selection through the drawn nodes in definition order.
    private mutating func select(by delta: Int) {
        let nodes = Array(scene.graphNodes)
        // In the flow view a term drawn as an edge has no box to select: Tab passes it by.
        func drawn(_ id: NodeID) -> Bool { !showsFlow || flow?.edgeOf[id.index] == nil }
        guard nodes.contains(where: drawn) else { return }
        let current = (selection ?? focus).flatMap { scene.layoutNode(of: $0) }
        let start = current ?? (delta > 0 ? -1 : nodes.count)
        for step in 1...nodes.count {
            let next = nodes[((start + delta * step) % nodes.count + nodes.count) % nodes.count]
            if drawn(next) {
                selection = next
                break
            }
        }
        follow()
    }

    /// Scrolls the text panes, no further than the longer of the two needs.
    private mutating func scrollText(by rows: Int) {
        textScroll = min(max(0, textScroll + rows), textOverflow)
    }

    /// How many rows the longer of the inspector and narration texts runs past its pane.
    var textOverflow: Int {
        let text = textLayout
        return max(TextPane.overflow(text.inspector, in: text.panes.inspector), TextPane.overflow(text.narration, in: text.panes.narration))
    }

    private mutating func pan(dx: Int, dy: Int) {
        let moved = Point(x: offset.x + dx, y: offset.y + dy)
        offset = drawnLayout.clamp(moved, to: graphPanes.graphViewport)
    }

    /// `g`: the other drawing of the graph, where the graph has neurons to draw.
    private mutating func toggleGraphView() {
        guard flow != nil else {
            message = "No neurons here (an activation of a weighted sum) for the flow view to draw."
            return
        }
        graphView = graphView == .flow ? .circuit : .flow
        message = graphView == .flow ? "Flow-diagram view: a box per neuron, the weights on the edges." : "Circuit view: a gate per operator."
        offset = .zero
        chooseScene()
        follow()
        rewordQuiz()
    }
}

extension Action {
    /// Actions that move the cursor, open another part or remake the pass (a mistake):
    /// none goes past a waiting question.
    var moves: Bool {
        switch self {
        case .next, .back, .finishPhase, .rewindPhase, .restart, .toEnd, .jump, .previousPart, .nextPart,
             .toggleEdgeStepping, .cycleMistake, .classroom(.fastForward):
            true
        default: false
        }
    }

    /// Actions that leave the help overlay open (they change nothing it covers).
    var keepsHelpOpen: Bool {
        switch self {
        case .scrollText: true
        default: false
        }
    }
}
