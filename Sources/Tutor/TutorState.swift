import Autograd
import Lessons
import Screen

/// Why a subject could not be opened.
public enum OpenError: Error, Sendable, CustomStringConvertible {
    case training(TrainingError)
    case layout(DAGLayoutError)

    public var description: String {
        switch self {
        case .training(let error): "cannot step through it: \(error)"
        case .layout(let error): "cannot draw the graph: \(error)"
        }
    }
}

/// The whole tutor as one value (the Model of Model / Update / View): what is open, the
/// step machine, what the graph pane shows and where, the help overlay, the theme and the
/// terminal size. `update(_:_:)` makes the next state from it; `view(_:)` draws it.
public struct TutorState: Sendable {
    /// What is open: a graph or a lesson.
    public let subject: Subject
    /// The lesson part shown (0 for a bare graph).
    public private(set) var part: Int
    /// The step machine over the open part.
    public internal(set) var stepper: Stepper
    /// The open part's drawings, one per detail (`GraphScene.Detail`) from the box down;
    /// laid out when a part opens, never while stepping.
    public internal(set) var scenes: [GraphScene]
    /// The flow-diagram drawings, for a graph with neurons (`FlowStructure`): the full one
    /// and the brief one (empty otherwise).
    public internal(set) var flows: [FlowScene] = []
    /// The flow diagram that fits (`choice.flow`), `nil` for a graph without neurons.
    public var flow: FlowScene? { flows.isEmpty ? nil : flows[min(choice.flow, flows.count - 1)] }
    /// Which drawing the graph pane shows (`g` switches; a lesson part says which first).
    public internal(set) var graphView: GraphView = .circuit
    /// Which of `scenes` is drawn and whether the side pane is shown beside it
    /// (`chooseScene`); kept, since every frame asks for it many times.
    public private(set) var choice = SceneChoice(scene: 0, side: false)
    /// Which of the screens at the cursor is shown (`screens`): a lesson's pages take a
    /// keystroke each before or after the step's own screen.
    public internal(set) var screen = 0
    /// The node the user picked with Tab / `j`; the inspector then describes it.
    public var selection: NodeID?
    /// The graph drawing point at the top-left of the graph pane.
    public var offset: Point = .zero
    public var helpVisible = false
    /// Rows of the help overlay scrolled away (a small window scrolls it with ↓ ↑).
    public internal(set) var helpScroll = 0
    /// Rows of the inspector and narration text scrolled away (reset by every step).
    public var textScroll = 0
    public let theme: Theme
    public internal(set) var size: Size { didSet { chooseScene() } }
    /// A one-line note for the status bar ("Already at the start."); cleared by the next action.
    public var message: String?
    /// Set by `quit`; the run loop then restores the terminal and exits.
    public internal(set) var quitRequested = false
    /// Set by `Input.interrupt` (Ctrl-C): the run loop leaves at once, with the signal's
    /// exit status.
    public internal(set) var interrupted = false
    /// Whether the bottom line shows the key hints (`hints: false` in the settings file
    /// leaves it to messages).
    public var keyHintsShown = true
    /// Whether the session ends: quit or interrupted.
    public var isLeaving: Bool { quitRequested || interrupted }
    /// `q` was pressed while a quiz question waits: the next `q` quits, any other key
    /// goes back to the question.
    public internal(set) var quitAsked = false
    /// The keys; the hint line and the help overlay are drawn from it.
    public let keyMap: KeyMap
    /// Quiz mode, the gradient check, the training views and autoplay.
    public var classroom: Classroom

    /// Opens part `part` of `subject` at its start.
    public init(subject: Subject, part: Int = 0, theme: Theme, size: Size, granularity: BackwardGranularity = .node,
                keyMap: KeyMap = .standard) throws(OpenError) {
        self.subject = subject
        self.part = min(max(0, part), subject.partCount - 1)
        self.theme = theme
        self.size = size
        self.keyMap = keyMap
        classroom = Classroom(subject: subject, part: self.part)
        do {
            stepper = try subject.makeStepper(part: self.part, granularity: granularity)
        } catch {
            throw .training(error)
        }
        (scenes, flows) = try Self.drawings(of: stepper, notation: Notation(unicode: theme.glyphs.isUnicode))
        graphView = flows.isEmpty ? .circuit : (subject.lessonPart(self.part)?.view ?? .circuit)
        chooseScene()
        follow()
    }

    /// The circuit scenes and the flow diagrams (full, brief, each with its arrows meeting,
    /// meeting only into ξ and h, then not; brief without the weights on the edges, its
    /// arrows joined, then not, or the other way round; each first ruled where its loss box
    /// left out the divider; that with a tall head box split in columns and the arrows into
    /// a neuron joined at its first line; and last that with the head's box showing a
    /// window of its lines) of a part's graph.
    static func drawings(of stepper: Stepper, notation: Notation) throws(OpenError) -> ([GraphScene], [FlowScene]) {
        do {
            let scenes = try GraphScene.scenes(stepper, notation: notation)
            var flows: [FlowScene] = []
            // Where the box that takes the loss leaves out its divider to fit the 80×24 pane,
            // first the same with it, for the panes that have the row.
            func append(_ flow: FlowScene, brief: Bool, labelled: Bool, joined: Bool, meeting: FlowScene.Meeting) throws(DAGLayoutError) {
                if flow.leftOutDivider,
                   let ruled = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: brief,
                                             labelled: labelled, joined: joined, ruled: true, meeting: meeting),
                   ruled.size.height > flow.size.height {
                    flows.append(ruled)
                }
                flows.append(flow)
            }
            // Where the arrows into a neuron meet at its first line (their labels then need
            // a column more), next the same with them meeting only where an arrow would
            // point at h, then with each arrow to its own row, each only where narrower:
            // for a pane a column short.
            for brief in [false, true] {
                for meeting in FlowScene.Meeting.allCases {
                    // (Where the drawing before has no arrows meeting, one with fewer is the same.)
                    if meeting != .all, flows.last?.meetings.isEmpty == true { continue }
                    guard let flow = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: brief,
                                                   meeting: meeting) else { continue }
                    if meeting != .all, let last = flows.last, last.size.width <= flow.size.width { continue }
                    // Where the output neuron's box takes the loss's lines, first the loss in
                    // a box of its own beside it, for the panes that have the room: under
                    // the neuron's title (σ) the loss reads as part of the neuron. Not at the
                    // cost of a crossing.
                    if meeting == .all, flow.hostsHead,
                       let apart = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: brief,
                                                 meeting: meeting, headApart: true),
                       apart.layout.crossings <= flow.layout.crossings {
                        try append(apart, brief: brief, labelled: true, joined: false, meeting: meeting)
                    }
                    try append(flow, brief: brief, labelled: true, joined: false, meeting: meeting)
                }
            }
            // Without the weights on the edges the arrows need no rows of their own: they are
            // joined at the neuron's first line (`┌┬┬▶`) where that is no taller (a bias
            // feeding two layers may loop below the boxes) and at most a column wider than
            // each arrow on its own row (where the tracks need more, the wires bunch up
            // before the arrowhead: polynomial-fit's features x, x², x³ and 1 read better a
            // row each). Where arrows keep their rows they meet at the first line in the
            // column before the box, as with the weights (two columns a box more); only
            // where narrower still, each turns into the first arrow's arrowhead instead.
            let plain = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: true, labelled: false,
                                      meeting: .none)
            let meeting = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: true, labelled: false)
                .flatMap { $0.meetings.isEmpty ? nil : $0 }
            let joined = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: true, labelled: false,
                                       joined: true)
            /// The drawings whose arrows keep their rows, meeting first, each narrower than the last.
            func rowEach(narrowerThan width: Int) throws(DAGLayoutError) {
                var width = width
                for (flow, meets) in [(meeting, FlowScene.Meeting.all), (plain, .none)] {
                    guard let flow, flow.size.width < width else { continue }
                    try append(flow, brief: true, labelled: false, joined: false, meeting: meets)
                    width = flow.size.width
                }
            }
            if let joined, plain.map({ joined.size.height <= $0.size.height && joined.size.width <= $0.size.width + 1 }) ?? true {
                try append(joined, brief: true, labelled: false, joined: true, meeting: .none)
                try rowEach(narrowerThan: joined.size.width)
            } else {
                try rowEach(narrowerThan: .max)
                // The joined twin where shorter, for text panes short of rows (`drawingTwins`).
                if let joined, let plain, joined.size.height < plain.size.height {
                    try append(joined, brief: true, labelled: false, joined: true, meeting: .none)
                }
            }
            // A head box taller than the 80×24 graph pane is never drawn there (a box is
            // drawn whole or not at all): a last drawing splits it in columns.
            if let last = flows.last, let head = last.elements.firstIndex(of: .head), (last.boxes[head]?.rows ?? 0) > FlowScene.headRows,
               let split = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: true,
                                         labelled: false, splitHead: true, joined: true) {
                flows.append(split)
            }
            // Last, the head's own box showing a window of its lines, where it has more,
            // then fewer: the output stays in view where the whole box is too wide or too
            // tall for the pane.
            if let last = flows.last, let head = last.elements.firstIndex(of: .head) {
                let lines = last.boxes[head]?.lines.count ?? 0
                for window in FlowScene.headWindows where lines > window {
                    if let collapsed = try FlowScene(graph: stepper.graph, scene: scenes[0], notation: notation, brief: true,
                                                     labelled: false, joined: true, headWindow: window) {
                        flows.append(collapsed)
                    }
                }
            }
            // Each with its wires' turns kept apart, then, where that costs width, without.
            return (scenes, flows.flatMap { flow in [flow] + [flow.withoutTurnGaps()].compactMap { $0 } })
        } catch {
            throw .layout(error)
        }
    }

    /// Whether the flow diagram is shown.
    public var showsFlow: Bool { graphView == .flow && flow != nil }

    /// The layout the graph pane draws: the flow diagram's or the chosen scene's.
    public var drawnLayout: DAGLayout { showsFlow ? flow?.layout ?? scene.layout : scene.layout }

    /// Picks the scene and the side pane for the size and the training views asked for
    /// (`SceneChoice.best`). Called whenever either can change: a new size, every action
    /// (`apply`), a part opened.
    mutating func chooseScene() {
        let sizes = showsFlow ? flows.map(\.size) : scenes.map(\.size)
        // The flow diagrams that write the weights on their edges come first; the one that
        // leaves them to the Step pane only where none of those fits. So do the circuit
        // drawings in one band: a fold (which draws some nodes twice) only where none of
        // them fits, beside the side pane or alone.
        let unfolded = scenes.filter { $0.stubCount == 0 }.count
        let preferred = 0..<(showsFlow ? flows.filter(\.labelled).count : unfolded), all = 0..<sizes.count
        let trained = trainingTrack?.trains == true && TrainingTrack.completedEpochs(stepper) >= 1
        let roomForTheEnd = Panes(size: size, graphHeight: 0, sidePane: true, sideRows: sideRows).textRows >= Panes.textRowsWanted
        let asked = classroom.trainingVisible == true
        let tries: [(drawings: Range<Int>, side: Bool)] = if !trainingPaneShown {
            [(preferred, false), (all, false)]
        } else if asked || trained && stepper.isAtEnd && (trainingTrack?.epochs ?? 0) > 1 && roomForTheEnd {
            // Asked for with `t`, or at the end of a training of epochs, whose words are
            // about the loss chart's curve, where they leave the text panes the rows they
            // want (not at 80×24, where the trained weights would be cut): the training
            // views whatever the graph needs.
            [(preferred, true), (all, true)]
        } else if trained {
            // Once an epoch has trained (the lesson then speaks of the loss chart and the
            // map) they come by themselves, beside the weights' drawing if it fits, else
            // beside the narrower one, but not at the cost of a graph that fits only alone.
            [(preferred, true), (all, true), (preferred, false), (all, false)]
        } else if trainingTrack?.plane == nil {
            // A loss chart alone has nothing to draw before its first epoch but the loss
            // before training, a dot: the graph takes the whole width (a flow diagram keeps
            // its weights' names on the edges: polynomial-fit part 1 at 100×30).
            [(preferred, false), (all, false)]
        } else {
            // Before that they give way to a graph with its weights that fits only alone.
            [(preferred, true), (preferred, false), (all, true), (all, false)]
        }
        let layouts = showsFlow ? flows.map(\.layout) : scenes.map(\.layout)
        let largestBoxes = layouts.map(\.largestFrame), largestGroups = layouts.map(\.largestGroup)
        let output = stepper.plan.tape.output
        let outputNodes: [Int?] = showsFlow ? flows.map { $0.layoutNode(of: output) } : scenes.map { $0.layoutNode(of: output) }
        let outputs = zip(layouts, outputNodes).map { layout, node -> Rect in
            guard let node, layout.frames.indices.contains(node) else { return Rect(x: 0, y: 0, width: 0, height: 0) }
            return layout.frames[node]
        }
        // A fold whose bands touch is drawn whole or not at all.
        let scenes = scenes
        // So is one in three bands: panned, its lower bands would hang from nothing.
        let pannable: (Int) -> Bool = { showsFlow || !scenes[$0].bandsTouch && scenes[$0].foldCuts.count < 2 }
        var chosen = SceneChoice.best(sizes, size: size, tries: tries, sideWhenPanned: trainingPaneShown && (asked || trained),
                                      largestBoxes: largestBoxes, largestGroups: largestGroups, outputs: outputs, sideRows: sideRows,
                                      twins: drawingTwins, wantingRows: { !showsFlow && scenes[$0].foldCuts.count > 1 },
                                      pannable: pannable,
                                      lastResort: { !showsFlow && scenes[$0].touchesOtherGates })
        // The choice was among the flow diagrams; the circuit scene behind them stays the box.
        if showsFlow { (chosen.flow, chosen.scene) = (chosen.scene, 0) }
        choice = chosen
    }

    /// For each drawing (an index into `flows` in the flow view, else into `scenes`), the
    /// same drawing with less room between its rows, which `SceneChoice.best` takes where
    /// the first leaves the text panes short: a flow diagram without weights whose arrows
    /// each keep a row (where joining them costs more than a column), and the same with
    /// each neuron's arrows joined. None for the circuit drawings: their blank rows
    /// hold the backward pass's edge labels (`×0.5=2`) and a fold's `↓`, which a
    /// reviewer found shortened, on wires or gone without them.
    func drawingTwins(_ index: Int) -> [Int] {
        guard showsFlow, flows.indices.contains(index), !flows[index].labelled, !flows[index].joined else { return [] }
        return flows.indices.filter {
            flows[$0].joined && !flows[$0].collapsedHead && !flows[$0].boxes.contains { ($0?.columns.count ?? 0) > 1 }
        }
    }

    /// The drawing shown: the most detailed of `scenes` that fits the graph pane.
    public var scene: GraphScene { scenes[min(choice.scene, scenes.count - 1)] }

    public var notation: Notation { Notation(unicode: theme.glyphs.isUnicode) }
    public var granularity: BackwardGranularity { stepper.plan.granularity }
    public var progress: PassProgress { PassProgress(stepper) }
    /// The lesson part open, `nil` for a bare graph.
    public var lessonPart: LessonPart? { subject.lessonPart(part) }
    /// The screens at the cursor: for a lesson, its pages and the step's own screen
    /// (`LessonPart.screens(for:)`); for a bare graph, the step's screen alone.
    public var screens: [LessonScreen] { lessonPart?.screens(for: stepper) ?? [.step([])] }
    /// The screen shown (clamped, so a stale index never reads past the list).
    public var currentScreen: LessonScreen {
        let all = screens
        return all[min(max(0, screen), all.count - 1)]
    }
    /// Whether a lesson's page is shown on its own (rather than the step's screen).
    public var isOnPage: Bool { if case .page = currentScreen { true } else { false } }
    /// What printed frame headers (`render --all`, `play`) add on a page of its own.
    public var pageMark: String { isOnPage ? "; the lesson's page" : "" }
    /// Whether the screen shown is the last one at the cursor (the next → takes a step).
    public var isOnLastScreen: Bool { screen >= screens.count - 1 }
    /// Where → leads from the end of the part: the next part, or nowhere (the end).
    public var whatComesNext: String {
        guard part + 1 < subject.partCount else {
            return "This is the end\(subject.partCount > 1 ? " of the lesson" : ""). ← steps back, r restarts, q quits."
        }
        let title = subject.partTitle(part + 1).map { ": \($0)" } ?? ""
        return "→ opens part \(part + 2) of \(subject.partCount)\(title)."
    }
    /// Where the panes go at the current size, the Step and Lesson panes sharing their row
    /// by what they hold (`Panes.sharingText`).
    public var panes: Panes { textLayout.panes }

    /// The next step's preview (its short form), where the Step pane had to leave out
    /// every form of it (`PaneText.nextStep`, `briefNextStep`): the pane's bottom border
    /// says it instead (a reviewer could not tell where → leads when `Next:` was gone
    /// without a mark, as `↓ more` marks a cut).
    static func droppedPreview(of text: PaneText, shown: [Line]) -> String? {
        let forms = text.lines(ofRank: PaneText.briefNextStep) + text.lines(ofRank: PaneText.nextStep)
        guard let preview = forms.first, !forms.contains(where: shown.contains) else { return nil }
        return preview.text
    }

    /// The Step and Lesson panes with the lines each shows.
    typealias TextLayout = (panes: Panes, inspector: [Line], narration: [Line])

    /// The Step and Lesson panes' lines with the panes they divide: the texts are made
    /// once and decide where the division goes (`view` and text scrolling read them).
    /// Where the texts do not fit, the Step pane leaves out what it can do without
    /// (`PaneText`), one line at a time: as few as make both fit at the usual division
    /// (steadier than a division that moves from step to step), else as few as make both
    /// fit at some division, else as few as make the Step pane fit, else all. The Lesson
    /// pane's generated sentence has a short form (`Narrator.versions`): taken where it
    /// makes both fit at the usual division, else tried like the whole where that fits
    /// at none, and kept if it shows more.
    var textLayout: TextLayout { textLayout(stepText: inspectorPaneText) }

    /// `textLayout` with `stepText` in the Step pane (`Inspector.ruleShownEarlier` lays
    /// out an earlier frame with its rule taken as new).
    func textLayout(stepText: PaneText) -> TextLayout {
        let narrations = Narrator(state: self).versions(), texts = stepText.versions, usual = graphPanes
        let fitted = fittedTextLayout(texts, narrations: narrations, usual: usual)
        // A rule the pass meets first, which had to go, is new where the generated
        // sentence says only in general words what the Step pane shows (softmax part 1's
        // quotient rule at p_cat, 100×30, which the Step pane's six rows beside the sentence
        // had no room for): the Lesson pane says it, under the short sentence or in its
        // place, where that fits (the panes keep their division from step to step); else the
        // Step pane takes the whole row where the rule then fits.
        let rule = stepText.lines(ofRank: PaneText.newRule)
        guard !rule.isEmpty, !stepper.isAtEnd, !isOnPage, !rule.allSatisfy(fitted.inspector.contains),
              Narrator(state: self).isGenerated else { return fitted }
        let withoutRule = texts.filter { version in !rule.contains(where: version.lines.contains) }
        if !withoutRule.isEmpty, let sentence = narrations.last {
            let told = fittedTextLayout(withoutRule, narrations: [sentence + rule, rule], usual: usual)
            if rule.allSatisfy(told.narration.contains), TextPane.overflow(told.narration, in: told.panes.narration) == 0,
               TextPane.overflow(told.inspector, in: told.panes.inspector) == 0 {
                return told
            }
        }
        let alone = usual.inspectorAlone()
        if let text = texts.first(where: { TextPane.overflow($0.lines, in: alone.inspector) == 0 }), rule.allSatisfy(text.lines.contains) {
            return (alone, text.lines, [])
        }
        return fitted
    }

    /// `textLayout`'s division and versions, `usual` the panes at the usual division.
    private func fittedTextLayout(_ texts: [PaneText], narrations: [[Line]], usual: Panes) -> TextLayout {
        // The usual division with the short sentence before a moved one with the whole:
        // neighbouring steps whose texts differ by a word then keep one division and one
        // sentence rather than alternate between them. Not at the start, which has no
        // neighbours and whose whole sentence says how to step.
        if stepper.lastStep != nil, let text = texts.first(where: { TextPane.overflow($0.lines, in: usual.inspector) == 0 }),
           let narration = narrations.first(where: { TextPane.overflow($0, in: usual.narration) == 0 }) {
            return (usual, text.lines, narration)
        }
        var best: (layout: TextLayout, cut: Int)?
        for narration in narrations {
            let (layout, fits) = textLayout(texts, narration: narration)
            if fits { return layout }
            let cut = TextPane.overflow(layout.inspector, in: layout.panes.inspector) + TextPane.overflow(narration, in: layout.panes.narration)
            if best.map({ cut < $0.cut }) ?? true { best = (layout, cut) }
        }
        // Formulas that fit at no division beside the generated sentence (which says in
        // general words what they show) take the whole row where they fit there: an
        // epoch's new weights at 80×24. At the end, whose sentence says what the gradients
        // mean or where the loss chart is, only with that sentence under them; after an
        // epoch with its note that the graph still holds the last pass, where it fits.
        if let chosen = best?.layout, !isOnPage, Narrator(state: self).isGenerated,
           TextPane.overflow(chosen.inspector, in: chosen.panes.inspector) > 0 {
            let alone = usual.inspectorAlone()
            let endings: [[Line]] = if stepper.isAtEnd {
                narrations
            } else if case .epoch(let record)? = stepper.lastRecord, stepper.plan.training != nil {
                [[Inspector(state: self).lastPassNote(record)], []]
            } else {
                [[]]
            }
            for ending in endings {
                if let text = texts.first(where: { TextPane.overflow($0.lines + ending, in: alone.inspector) == 0 }) {
                    return (alone, text.lines + ending, [])
                }
            }
        }
        return best?.layout ?? textLayout(texts, narration: []).layout
    }

    /// `textLayout` for one version of the Lesson pane's text, `texts` the Step pane's, and
    /// whether both texts fit.
    private func textLayout(_ texts: [PaneText], narration: [Line]) -> (layout: TextLayout, fits: Bool) {
        let usual = graphPanes
        func stepFits(_ text: [Line], _ panes: Panes) -> Bool { TextPane.overflow(text, in: panes.inspector) == 0 }
        func bothFit(_ text: [Line], _ panes: Panes) -> Bool {
            stepFits(text, panes) && TextPane.overflow(narration, in: panes.narration) == 0
        }
        // (The Lesson text is the same in each: measured once at the usual division.)
        if TextPane.overflow(narration, in: usual.narration) == 0, let text = texts.first(where: { stepFits($0.lines, usual) }) {
            return ((usual, text.lines, narration), true)
        }
        var fallback: (panes: Panes, inspector: [Line])?
        for text in texts {
            let panes = usual.sharingText(inspector: text.lines, narration: narration)
            if bothFit(text.lines, panes) { return ((panes, text.lines, narration), true) }
            if fallback == nil && stepFits(text.lines, panes) { fallback = (panes, text.lines) }
        }
        let last = texts[texts.count - 1].lines
        let chosen = fallback ?? (usual.sharingText(inspector: last, narration: narration), last)
        // A lesson's page is what its screen is for: where it does not fit beside the Step
        // pane (whose step the step's own screen shows), it takes the whole row, if it
        // shows more of the page (the XOR proof's conclusion at 80×24). Not over a node
        // the student selected, a quiz question or the gradient check, which the Step
        // pane holds.
        if isOnPage, selection == nil, classroomLines().isEmpty {
            let cut = TextPane.overflow(narration, in: chosen.panes.narration), alone = usual.narrationAlone()
            if cut > 0, TextPane.overflow(narration, in: alone.narration) < cut { return ((alone, [], narration), false) }
        }
        return ((chosen.panes, chosen.inspector, narration), false)
    }

    /// The same with the Step and Lesson panes at their usual division: all that the graph
    /// pane (following the focus, panning) needs, without measuring the texts.
    var graphPanes: Panes {
        // A drawing that is panned anyway gives the text panes more rows.
        let height = choice.fits ? drawnLayout.size.height : SceneChoice.pannedHeight(drawnLayout.size.height, screen: size)
        return Panes(size: size, graphHeight: height, graphWidth: drawnLayout.size.width, sidePane: choice.side,
                     sideRows: sideRows)
    }

    /// The rows the training views want beside the graph (`TrainingPane.rowsWanted`).
    var sideRows: Int { trainingTrack.map(TrainingPane.rowsWanted) ?? Panes.sideRowsForBoth }

    /// The node the inspector and the view centre on: the selection, else the active node.
    public var focus: NodeID? { selection ?? stepper.lastStep?.node ?? stepper.nextStep?.node }

    /// Opens another part of a lesson at its start or end, keeping the granularity.
    mutating func open(part index: Int, atEnd: Bool) throws(OpenError) {
        do {
            stepper = try subject.makeStepper(part: index, granularity: granularity)
        } catch {
            throw .training(error)
        }
        (scenes, flows) = try Self.drawings(of: stepper, notation: notation)
        graphView = flows.isEmpty ? .circuit : (subject.lessonPart(index)?.view ?? .circuit)
        part = index
        classroom.track = subject.lessonPart(index).flatMap(TrainingTrack.init(part:))
        chooseScene()
        selection = nil
        offset = .zero
        if atEnd { stepper.toEnd() }
        screen = atEnd ? screens.count - 1 : 0
        follow()
    }

    /// Pans the graph pane (by the least amount) so the focus node is in view.
    mutating func follow() {
        let viewport = graphPanes.graphViewport
        let flow = showsFlow ? self.flow : nil, scene = self.scene
        func layoutNode(_ id: NodeID) -> Int? { flow.map { $0.layoutNode(of: id) } ?? scene.layoutNode(of: id) }
        // A sample step shows the leaves it loaded.
        let loaded = progress.loaded.sorted { $0.index < $1.index }
        if selection == nil, !loaded.isEmpty {
            offset = drawnLayout.offset(toShow: loaded.compactMap(layoutNode), in: viewport, from: offset)
            return
        }
        // Nothing in focus (the start of a part): the inputs, at the left.
        guard let id = focus, let node = layoutNode(id) else {
            offset = drawnLayout.clamp(stepper.isAtStart && selection == nil ? .zero : offset, to: viewport)
            return
        }
        if let flow {
            // In the diagram a weight, product or negation is an edge: its source comes
            // first (the label sits on the run from it); then the boxes of the node's own
            // inputs (a box of several lines takes arrows for the others too), the box's
            // incoming edges' sources, its consumers and the output, as many as fit.
            let edges = flow.layout.edges
            var near = flow.edgeOf[id.index].map { [edges[$0].from] } ?? []
            near += stepper.graph.inputs(of: id).compactMap { flow.layoutNode(of: $0) }.filter { $0 != node }
            near += edges.filter { $0.to == node }.map(\.from) + edges.filter { $0.from == node }.map(\.to)
            near += flow.layoutNode(of: stepper.plan.tape.output).map { [$0] } ?? []
            offset = flow.layout.offset(toShow: [node] + near, in: viewport, from: offset)
            return
        }
        // The step's node, then its inputs, its consumers and the output, as many as fit:
        // the boxes its arrows come from and go to, which in a fold are the stubs (↪) that
        // repeat a node of the upper band beside the lower one.
        let edges = scene.layout.edges
        let copies = Set(scene.nodes.indices.filter { scene.nodes[$0] == id })
        let around = edges.filter { $0.to == node }.map(\.from) + edges.filter { copies.contains($0.from) }.map(\.to)
            + (layoutNode(stepper.plan.tape.output).map { [$0] } ?? [])
        offset = drawnLayout.offset(toShow: [node] + around, in: viewport, from: offset)
    }
}
