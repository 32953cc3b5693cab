import Autograd
import Screen

/// The View of Model / Update / View: the whole screen for `state`, at its size
/// (`Input.resize` changes it), as a Buffer. Pure and read-only: the same state always
/// gives the same cells. The run loop presents the Buffer; `render` prints it; tests
/// compare it with pictures.
public func view(_ state: TutorState) -> Buffer {
    let size = state.size
    var buffer = Buffer(size: size)
    let stepText = state.inspectorPaneText
    let (panes, inspectorLines, narrationLines) = state.textLayout(stepText: stepText)
    let theme = state.theme
    let notation = state.notation
    if panes.isTooSmall {
        let text = "The window is \(size.width)×\(size.height); backprop needs at least \(Panes.minimum.width)×\(Panes.minimum.height). Enlarge the window, or press q to quit."
        buffer.render(Paragraph([Line(notation.text(text), style: theme(.error))]), in: buffer.area)
        return buffer.asciiOnly(!notation.unicode)
    }

    buffer.render(statusBar(state, width: size.width), in: panes.status)

    // The title leaves room for "↑ more" at the right of the top border when rows lie above.
    let upMarker = state.offset.y > 0 ? DisplayWidth.of(MoreMarkers.above(notation.unicode)) + 1 : 0
    let graphBlock = Block(title: graphTitle(state, width: panes.graph.width - 4 - upMarker),
                           theme: theme)
    buffer.render(graphBlock, in: panes.graph)
    buffer.render(GraphPane(state: state), in: graphBlock.inner(panes.graph))
    drawMoreMarkers(state, in: panes.graph, pin: OutputPin(state), buffer: &buffer)
    if let side = panes.side, let track = state.trainingTrack {
        buffer.render(TrainingPane(track: track, stepper: state.stepper, theme: theme), in: side)
    }

    if !panes.inspector.isEmpty {
        buffer.render(TextPane(title: state.selection == nil ? "Step" : "Node", lines: inspectorLines,
                               scroll: state.textScroll, theme: theme,
                               footer: TutorState.droppedPreview(of: stepText, shown: inspectorLines)), in: panes.inspector)
    }
    if !panes.narration.isEmpty {
        buffer.render(TextPane(title: narrationTitle(state), lines: narrationLines,
                               scroll: state.textScroll, theme: theme), in: panes.narration)
    }

    // Messages go on the hint line, which every size keeps, never the crowded status line.
    buffer.render(KeyHintLine(state.keyHintsShown ? state.hints(unicode: notation.unicode) : [], message: state.message.map(notation.text), theme: theme),
                  in: panes.hints)

    if state.helpVisible {
        // Over the whole screen (status and hints included), so 80×24 shows every key.
        let help = state.helpOverlay
        buffer.render(help.overlay(for: size), in: buffer.area)
    }
    return buffer.asciiOnly(!notation.unicode)
}

/// The graph pane's title, its legend: what the marks mean and what the numbers in a node
/// are, the longest of these that fits `width` (an ellipsis only when none does).
func graphTitle(_ state: TutorState, width: Int) -> String {
    let notation = state.notation
    let g = state.theme.glyphs
    let output = state.scene.names[state.stepper.plan.tape.output.index]
    // "∇ = ∂f/∂node"; in ASCII "g=" is the mark itself: "g= is df/dnode".
    let gradient = notation.unicode ? "∇ = ∂\(output)/∂node" : "g= is d\(output)/dnode"
    let numbers = switch state.showsFlow ? nil : state.scene.detail {
    case nil where state.flow?.labelled == false: "weights in the Step pane; value; backward pass: " + gradient
    case nil where state.flow?.brief == true: "weights on the edges; value; backward pass: " + gradient
    case nil: "weights on the edges; value, then " + gradient
    // (A gate drawn by its symbol marks its gradient ∇, `├─(×)─` over `∇0`.)
    case .box? where state.scene.graphNodes.contains { state.stepper.graph.name(of: $0) == nil }:
        notation.unicode ? "val = value, grad = ∇ = ∂\(output)/∂node" : "val = value, grad or g= is d\(output)/dnode"
    case .box?: "val = value, grad = ∂\(output)/∂node"
    case .line?: "value, then " + gradient
    case .brief?, .symbols?: "value; backward pass: " + gradient
    }
    let marks = "\(g.active) this step  \(g.done) done  \(g.pending) to do"
    // Shorter forms keep what the numbers are: one number a node says "value" before "∇".
    let oneNumber = state.showsFlow ? state.flow?.brief == true : state.scene.detail >= .brief
    let shortest = state.scene.detail == .box && !state.showsFlow ? "grad = ∂\(output)/∂node" : gradient
    // A fold draws some nodes twice: the `↓` by a node says it goes on at its `↪` copy in
    // the lower band.
    let (down, copy) = g.isUnicode ? ("↓", "↪") : ("v", "~")
    // Where the marks and it do not both fit, it goes before the marks: `↪` is ours, `▶`,
    // `✓` and `·` read as this step, done and to do in the Step pane's words too.
    let legend = "\(down) goes on at \(copy)"
    let fold: [String] = !state.showsFlow && state.scene.stubCount > 0 ? [marks + "  " + legend, legend] : []
    var candidates: [String] = []
    for shown in fold + [marks] {
        candidates.append("Graph" + notation.separator + shown + notation.separator + numbers)
        candidates.append(shown + notation.separator + numbers)
        // (A fold's marks, at 80 columns, and a circuit's marks beside a side pane, with
        // the numbers said in fewer words. A flow diagram's words say where its weights
        // are, which count for more than the marks.)
        if oneNumber && (shown != marks || !state.showsFlow) {
            candidates.append(shown + notation.separator + "value; backward: " + gradient)
        }
    }
    // A circuit beside a side pane: the marks with ∇ alone before the numbers' words
    // without them (a one-number node's number is plainly its value until it reads ∇).
    if oneNumber && !state.showsFlow { candidates.append(marks + notation.separator + gradient) }
    candidates += ["Graph" + notation.separator + numbers, numbers]
        + (state.showsFlow && state.flow?.labelled == false ? ["weights: Step pane; value; backward: " + gradient] : [])
        + (oneNumber ? ["value; backward: " + gradient] : []) + [shortest]
    // In training, after an update the weights drawn are new, every other number still
    // from the pass before it (w·x on screen does not give ξ): said first, then as much of
    // the legend as fits. (A part without training ends its rows with nothing updated.)
    let weightsDrawn = !(state.showsFlow && state.flow?.labelled == false)
    if weightsDrawn, state.stepper.plan.training != nil, let phase = state.stepper.lastStep?.phase,
       phase == .update || phase == .epoch {
        let updating = state.stepper.nextStep?.phase == .update
        let note = updating ? "weights updating after this pass" : "weights updated after this pass"
        // Where it fits, in words a student checking w·x against the product cannot miss
        // (a reviewer found "updated after this pass" too quiet at the end of a lesson).
        let plain = updating ? "updating weights; the rest is from the pass" : "new weights; the rest is from the last pass"
        // (A node with one number shows its value here, the pass's gradients being spent.)
        let shown = oneNumber ? "value" : shortest
        // (With what the numbers are before without: the short note keeps the legend where
        // the plain words would push it out.)
        candidates = [plain + notation.separator + shown, note + notation.separator + marks + notation.separator + numbers,
                      note + notation.separator + numbers, note + notation.separator + "value; backward: " + gradient,
                      note + notation.separator + shown, plain, note]
            + candidates
    }
    let texts = candidates.map(notation.text)
    return texts.first { DisplayWidth.of($0) <= width } ?? texts[texts.count - 1]
}

/// Which of the graph pane's borders mark that a drawing too large for it goes on
/// (panning, or the next step, brings the rest into view).
struct MoreMarkers {
    var right = false, left = false, below = false, above = false

    static func right(_ unicode: Bool) -> String { unicode ? " more → " : " more > " }
    static func left(_ unicode: Bool) -> String { unicode ? " ← more " : " < more " }
    static func below(_ unicode: Bool) -> String { unicode ? " ↓ more " : " v more " }
    static func above(_ unicode: Bool) -> String { unicode ? " ↑ more " : " ^ more " }

    init(_ state: TutorState) {
        let viewport = state.graphPanes.graph.inset(by: 1)
        let size = state.drawnLayout.size, offset = state.offset
        let drawing = GraphPane.drawingArea(for: size, in: viewport)
        right = offset.x + (viewport.maxX - drawing.x) < size.width
        left = offset.x > 0
        below = offset.y + viewport.height < size.height
        above = offset.y > 0
    }
}

/// Marks on the graph pane's border where a drawing too large for it goes on: `more →` at
/// the bottom right for columns to the right, `← more` at the bottom left, `↓ more` in the
/// middle of the bottom border for rows below (left of the output's pin, `OutputPin`,
/// where that is written), `↑ more` at the right of the top border.
func drawMoreMarkers(_ state: TutorState, in pane: Rect, pin: OutputPin?, buffer: inout Buffer) {
    let markers = MoreMarkers(state)
    let unicode = state.theme.glyphs.isUnicode
    let style = state.theme(.key)
    let bottom = pane.maxY - 1
    if markers.right {
        let text = MoreMarkers.right(unicode)
        buffer.write(text, at: Point(x: pane.maxX - 2 - DisplayWidth.of(text), y: bottom), style: style)
    }
    if markers.left { buffer.write(MoreMarkers.left(unicode), at: Point(x: pane.x + 2, y: bottom), style: style) }
    if markers.below {
        let text = MoreMarkers.below(unicode), width = DisplayWidth.of(text)
        var x = pane.x + pane.width / 2 - 4
        if let pin, x + width >= pin.frame.x { x = pin.frame.x - 1 - width }
        if x > pane.x + 2 + (markers.left ? DisplayWidth.of(MoreMarkers.left(unicode)) : 0) {
            buffer.write(text, at: Point(x: x, y: bottom), style: style)
        }
    }
    // Above: at the right of the top border, which the title leaves free (`graphTitle`).
    if markers.above {
        let text = MoreMarkers.above(unicode)
        buffer.write(text, at: Point(x: pane.maxX - 2 - DisplayWidth.of(text), y: pane.y), style: style)
    }
    pin?.draw(in: &buffer)
}

extension TutorState {
    /// The `?` overlay of this state's keys, scrolled as far as the user scrolled it.
    var helpOverlay: HelpOverlay {
        HelpOverlay(sections: keyMap.helpSections(unicode: notation.unicode), theme: theme, notation: notation,
                    scroll: helpScroll)
    }

    /// What the inspector pane holds: the classroom's lines (quiz, gradient check) above
    /// the inspector's own, with the lines it can do without (`textLayout` drops those
    /// the pane has no rows for; scrolling measures what it keeps).
    var inspectorPaneText: PaneText { Inspector(state: self).text().below(classroomLines()) }

    /// The same in full.
    var inspectorPaneLines: [Line] { inspectorPaneText.lines }
}

/// The narration pane's title: "Lesson", or for a page of its own "Lesson · page 1/2".
func narrationTitle(_ state: TutorState) -> String {
    guard state.lessonPart != nil else { return "What happens" }
    let screens = state.screens
    let pages = screens.indices.filter { if case .page = screens[$0] { true } else { false } }
    guard state.isOnPage, let index = pages.firstIndex(of: state.screen) else { return "Lesson" }
    return "Lesson" + state.notation.separator + "page \(index + 1)/\(pages.count)"
}

/// "backprop · chain-rule.graph · part 1/3" and at the right "forward pass · step 2/7".
func statusBar(_ state: TutorState, width: Int) -> StatusBar {
    let stepper = state.stepper
    let n = state.notation
    let phase: String
    if stepper.isAtStart {
        phase = "start"
    } else if stepper.isAtEnd {
        phase = "end"
    } else {
        phase = (stepper.lastStep?.phase).map(phaseName) ?? ""
    }
    func right(_ phase: String, _ position: Int, mistakes: Bool = true) -> String {
        var right = phase + n.separator + "step \(position)/\(stepper.count)"
        if state.granularity == .edge { right = "edge steps" + n.separator + right }
        if mistakes, let mistake = state.stepper.mistake { right = "mistake: \(mistake.title)" + n.separator + right }
        if mistakes, state.stepper.plan.training?.zeroGrad == false { right = "mistake: no zero_grad" + n.separator + right }
        if let variant = state.subject.variant(ofPart: state.part) { right = "variant \(variant)" + n.separator + right }
        if let classroom = state.classroomStatus { right = classroom + n.separator + right }
        return right
    }
    // A long title gives way to the step counter, which matters more: to the widest the
    // counter gets in the part, so that the title holds still from step to step.
    func title(mistakes: Bool) -> (left: String, right: String) {
        let widest = max(DisplayWidth.of(right(phase, stepper.position, mistakes: mistakes)),
                         DisplayWidth.of(right(phaseName(.backward), stepper.count, mistakes: mistakes)))
        return (statusTitle(state, room: max(0, width - widest - 4)), n.text(right(phase, stepper.position, mistakes: mistakes)))
    }
    var (left, shown) = title(mistakes: true)
    // A part written for its mistake says it in its title ("Without zero_grad", "= where
    // += belongs"): where the mistake's word would cut that title, the title says it alone.
    let partTitle = state.subject.partTitle(state.part).map(n.text) ?? ""
    let ownMistake = state.stepper.mistake != nil && !Narrator(state: state).mistakeChanged
        || state.stepper.plan.training?.zeroGrad == false
    if ownMistake, !partTitle.isEmpty, !left.hasSuffix(partTitle) {
        let without = title(mistakes: false)
        if without.left.hasSuffix(partTitle) { (left, shown) = without }
    }
    return StatusBar(left: left, center: "", right: shown, style: state.theme(.status))
}

/// The status line's title in `room` columns: "backprop · LESSON · part i/n PART". Where it
/// does not fit, the lesson title gives way first (to its short form before " — ", then
/// the program's name goes, then it is cut, then it goes — unless it is too short to cut
/// and fits whole with the part's number), then the part title is cut, with one
/// ellipsis; the part's number stays.
func statusTitle(_ state: TutorState, room: Int) -> String {
    let n = state.notation
    let title = state.subject.title
    var part = ""
    if state.subject.partCount > 1 {
        part = n.separator + "part \(state.part + 1)/\(state.subject.partCount)"
        if let partTitle = state.subject.partTitle(state.part) { part += " \(partTitle)" }
    }
    let short = title.components(separatedBy: " — ").first ?? title
    let candidates = ["backprop" + n.separator + title + part, "backprop" + n.separator + short + part, short + part]
    for candidate in candidates.map(n.text) where DisplayWidth.of(candidate) <= room { return candidate }
    let ellipsis = state.theme.glyphs.ellipsis
    // The lesson title cut to what the whole part leaves, if a word or so of it stays.
    let titleRoom = room - DisplayWidth.of(n.text(part))
    if titleRoom >= 8 { return DisplayWidth.truncateAtWord(n.text(short), to: titleRoom, ellipsis: ellipsis) + n.text(part) }
    guard state.subject.partCount > 1 else { return DisplayWidth.truncateAtWord(n.text(short), to: room, ellipsis: ellipsis) }
    // A title too short to cut ("XOR") stays whole if the part's number does too.
    let both = DisplayWidth.truncateAtWord(n.text(short + part), to: room, ellipsis: ellipsis)
    if both.hasPrefix(n.text(short + n.separator + "part \(state.part + 1)/\(state.subject.partCount) ")) { return both }
    // No room for a word of the lesson's title beside the part: the part alone.
    let alone = String(part.dropFirst(n.separator.count))
    return DisplayWidth.truncateAtWord(n.text(alone), to: room, ellipsis: ellipsis)
}

func phaseName(_ phase: Phase) -> String {
    switch phase {
    case .sample: "sample"
    case .forward: "forward pass"
    case .seed, .backward: "backward pass"
    case .accumulate: "batch"
    case .update: "update"
    case .epoch: "epoch"
    }
}

extension Buffer {
    /// With `enabled`, every non-ASCII cell replaced by `?`: a last guard so that a
    /// non-UTF-8 terminal never receives a character it would draw blank.
    func asciiOnly(_ enabled: Bool) -> Buffer {
        guard enabled else { return self }
        var copy = self
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if !cell.symbol.isEmpty, !cell.symbol.unicodeScalars.allSatisfy(\.isASCII) {
                    copy[x, y] = Cell("?", style: cell.style)
                }
            }
        }
        return copy
    }
}
