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
        var frames: [String] = []
        visit(from: start) { state, what in frames.append(header(state, what) + plain.text(state)) }
        return frames
    }

    /// Hands `body` each frame `play` shows, in order (at most `frameLimit`), with what led
    /// to it ("start", "after forward: compute q = x + y", "key 3/7: →").
    func visit(from start: TutorState, _ body: (TutorState, String) -> Void) {
        var state = start
        // Quiz answers can only come from a key script; without one, quiz mode would
        // hold the first step for ever.
        var options = options
        if options.script == nil { options.quiz = false }
        options.prepare(&state, now: 0)
        body(state, "start")
        var count = 1
        if let script = options.script {
            let keys = script.keys
            for (index, name) in keys.enumerated() where count < Self.frameLimit {
                guard let key = KeyScript.key(named: name) else { continue }
                state.receive(Input(key, terminalSize: plain.size))
                if state.isLeaving { break }
                body(state, "key \(index + 1)/\(keys.count): \(key.label(unicode: plain.unicode))")
                count += 1
            }
            return
        }
        while !state.isAtLessonEnd, count < Self.frameLimit {
            state.advanceOnce()
            body(state, state.stepper.lastStep.map { "after " + state.describe($0) } ?? "start")
            count += 1
        }
    }

    /// `=== part 1/2 · step 3/12: after forward q ===`.
    func header(_ state: TutorState, _ what: String) -> String {
        let part = state.subject.partCount > 1 ? "part \(state.part + 1)/\(state.subject.partCount) · " : ""
        return "=== \(part)step \(state.stepper.position)/\(state.stepper.count): \(what)\(state.pageMark) ===\n"
    }
}

extension PlayFrames {
    /// The same frames, in colour unless the plain frames say otherwise, as an asciinema
    /// cast at `path`, one every `interval` seconds, with the hint line a terminal shows.
    /// Deterministic: two runs write the same bytes.
    func record(to path: String, title: String, interval: Double, option: String) throws {
        let start = try plain.start()
        var file = try CastFile(path: path, size: plain.size, title: title, timestamp: nil, option: option)
        defer { file.close() }
        var index = 0
        visit(from: start) { state, _ in
            file.record(view(state), of: state, at: Double(index) * interval)
            index += 1
        }
        if let failure = file.failure { throw Launch.failure(failure) }
    }
}
