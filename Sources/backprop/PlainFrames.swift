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

    func start() throws -> TutorState {
        do {
            return try TutorState(subject: subject, part: part, theme: .forTerminal(color: false, unicode: unicode),
                                  size: size, granularity: granularity, keyMap: keyMap)
        } catch {
            throw Launch.failure("\(subject.title): \(error)")
        }
    }

    /// The screen after `step` steps, trailing blanks trimmed, ending in a newline.
    func frame(of state: TutorState, at step: Int) -> String {
        text(update(state, .jump(to: step)))
    }

    func text(_ state: TutorState) -> String {
        PlainText.render(view(state, size: size))
    }

    /// Every frame from the start to the end of the plan (or the first `limit` of them), each
    /// under a header line, walking the plan as the `next` key does.
    func all(from start: TutorState, limit: Int? = nil) -> [String] {
        var state = start
        var frames: [String] = []
        let total = state.stepper.count
        while true {
            let position = state.stepper.position
            let what = state.stepper.lastStep.map { "after " + state.describe($0) } ?? "start"
            frames.append("=== frame \(position)/\(total): \(what) ===\n" + text(state))
            if state.stepper.isAtEnd { break }
            if let limit, frames.count >= limit {
                frames.append("=== \(total - position) more steps: backprop render TARGET --step N shows any of them ===\n")
                break
            }
            state.apply(.next)
        }
        return frames
    }
}
