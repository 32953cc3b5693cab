import Tutor

/// `play` without a terminal: the frames a class would see, as plain text, the same on
/// every run. With a key script, one frame after each key (pauses take no time); else
/// one frame per autoplay advance — single steps through the first pass of each part,
/// then a row or a chunk of epochs at a time — from the start to the end of the lesson.
/// Timing plays no part: the output is the same on every run.
struct PlayFrames {
    let plain: PlainFrames
    let options: ClassroomOptions
    /// A bound on the output, for scripts that never quit.
    static let frameLimit = 2000

    func frames(from start: TutorState) -> [String] {
        var state = start
        // Quiz answers can only come from a key script; without one, quiz mode would
        // hold the first step for ever.
        var options = options
        if options.script == nil { options.quiz = false }
        options.prepare(&state, now: 0)
        var frames = [header(state, "start") + plain.text(state)]
        if let script = options.script {
            let keys = script.keys
            for (index, name) in keys.enumerated() where frames.count < Self.frameLimit {
                guard let key = KeyScript.key(named: name) else { continue }
                state.receive(Input(key, terminalSize: plain.size))
                if state.quitRequested { break }
                frames.append(header(state, "key \(index + 1)/\(keys.count): \(key.label(unicode: plain.unicode))") + plain.text(state))
            }
            return frames
        }
        while !state.isAtLessonEnd, frames.count < Self.frameLimit {
            state.advanceOnce()
            let what = state.stepper.lastStep.map { "after " + state.describe($0) } ?? "start"
            frames.append(header(state, what) + plain.text(state))
        }
        return frames
    }

    /// `=== part 1/2 · step 3/12: after forward q ===`.
    func header(_ state: TutorState, _ what: String) -> String {
        let part = state.subject.partCount > 1 ? "part \(state.part + 1)/\(state.subject.partCount) · " : ""
        return "=== \(part)step \(state.stepper.position)/\(state.stepper.count): \(what)\(state.pageMark) ===\n"
    }
}
