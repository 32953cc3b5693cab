import Autograd
import Screen
import Terminal
import Tutor

/// Screens as plain text: for `render`, and for `learn`/`expr` when there is no terminal
/// to draw on (a pipe, CI, TERM unset or dumb). The same `view` as the interactive tutor,
/// in the monochrome theme.
struct PlainFrames {
    let subject: Subject
    let size: Size
    let unicode: Bool
    var granularity: BackwardGranularity = .node
    /// The lesson part to start in (0 for a bare graph).
    var part = 0
    var keyMap: KeyMap = .standard
    /// Whether frames keep the bottom line of key hints (printed output where no key
    /// can be pressed leaves it out).
    var hintLine = true
    /// Colours in the frames' cells, in `theme` (recordings; printed text has none anyway).
    var color = false
    var theme: ThemeName = .default
    /// Whether the bottom line shows the key hints (`hints:` in the settings file).
    var keyHints = true
    /// Linear mode: each frame as the sentences `learn --linear` says, not as a screen.
    var linear = false

    func start() throws -> TutorState {
        do {
            var state = try TutorState(subject: subject, part: part, theme: .named(theme, color: color, unicode: unicode),
                                       size: size, granularity: granularity, keyMap: keyMap)
            // Where no key can be pressed, none is offered, on the hint line or in the text.
            state.keyHintsShown = keyHints && hintLine
            return state
        } catch {
            throw Launch.failure("\(subject.messageLabel): \(error)")
        }
    }

    /// The screen after `step` steps, trailing blanks trimmed, ending in a newline.
    func frame(of state: TutorState, at step: Int) -> String {
        text(update(state, .jump(to: step)))
    }

    func text(_ state: TutorState) -> String {
        if linear { return state.linearLines.map { $0 + "\n" }.joined() }
        var buffer = view(state)
        if !hintLine {
            // The bottom row is the key hints (and messages): blank it, and the trimming
            // of blank rows at the end drops it.
            for x in 0..<size.width { buffer[x, size.height - 1] = .blank }
        }
        return PlainText.render(buffer)
    }

    /// The frames from the start to the end of the part (or the first `limit` of them), each
    /// under a header line, paced as `play` paces them (`TrainingTrack.autoplayTarget`):
    /// every step of the first pass; then, for a part that trains, the end of every
    /// `epochsPerTick`-th epoch (about forty frames, each header with the mean loss), and
    /// for data without training the end of each row. A graph without data is every step.
    func all(from start: TutorState, limit: Int? = nil) -> [String] {
        var state = start
        var frames: [String] = []
        let total = state.stepper.count
        while true {
            let position = state.stepper.position
            frames.append("=== frame \(position)/\(total): \(describe(state)) ===\n" + text(state))
            if state.stepper.isAtEnd && state.isOnLastScreen { break }
            if let limit, frames.count >= limit {
                frames.append("=== \(total - position) more steps: backprop render TARGET --step N shows any of them ===\n")
                break
            }
            let target = TrainingTrack.autoplayTarget(state.stepper)
            state.apply(target == position + 1 || !state.isOnLastScreen ? .next : .jump(to: target))
        }
        return frames
    }

    /// `after forward q` (`; the lesson's page` on a page of its own), or at the end of a training epoch `after end of epoch 50 of 2000;
    /// mean loss 0.0123`.
    func describe(_ state: TutorState) -> String {
        let page = state.pageMark
        guard let last = state.stepper.lastStep else { return "start" + page }
        var what = "after " + state.describe(last)
        let plan = state.stepper.plan
        if plan.dataset != nil, plan.training == nil, state.stepper.position > 0, !state.stepper.isAtEnd,
           let row = plan.location(of: state.stepper.position - 1).row, TrainingTrack.rowsPerTick(state.stepper) > 1 {
            what += " (row \(row + 1) of \(plan.rowsPerEpoch); every \(TrainingTrack.rowsPerTick(state.stepper))th row shown)"
        }
        if case .epoch = last, let track = state.trainingTrack, track.trains {
            let done = TrainingTrack.completedEpochs(state.stepper)
            what += " of \(state.stepper.plan.epochs)"
            if track.losses.indices.contains(done) { what += "; mean loss " + state.notation.number(track.losses[done]) }
        }
        what += page
        return what
    }
}
