import ArgumentParser
import Autograd
import Foundation
import Screen
import Terminal
import Tutor

/// Runs the tutor on a subject: interactively when stdin and stdout are a terminal that
/// curses can drive, else as plain-text frames with exit status 0 — curses is never
/// started for a pipe, /dev/null, an unset or dumb TERM.
enum Session {
    /// Frames printed per part without a terminal: every step of a part's first pass and
    /// the paced rest (`render --all`'s pacing: about 40 epochs of a training part).
    static let plainFrameLimit = 200

    static func run(_ subject: Subject, granularity: BackwardGranularity, options: ClassroomOptions = ClassroomOptions()) throws {
        let environment = TerminalEnvironment.current()
        var capabilities = TerminalCapabilities(environment: environment)
        capabilities.unicode = options.preferences.unicode
        capabilities.mouse = options.preferences.mouse.value
        // The width of the terminal the text lands in (a dumb one too), else COLUMNS, else 100.
        let size = Size(width: environment.plainWidth(minimum: Panes.minimum.width), height: 30)
        var plain = PlainFrames(subject: subject, size: size, unicode: capabilities.unicode,
                                granularity: granularity, keyMap: options.keyMap)
        plain.keyHints = options.preferences.hints.value
        plain.hintLine = options.playback
        // Opening problems are reported before the screen is touched: the lesson, and a
        // recording that cannot be written.
        let start = try plain.start()
        if let path = options.recordPath {
            guard let handle = CastFile.open(path, option: "--record") else { throw ExitCode.failure }
            try? handle.close()
        }
        guard capabilities.mode == .interactive else {
            try printPlain(plain, start, options)
            return
        }
        let ending: RunLoop.Ending
        var loop = RunLoop(subject: subject, granularity: granularity, unicode: capabilities.unicode, options: options)
        do {
            ending = try withTerminal(capabilities) { session in try loop.run(&session) }
            for failure in [loop.options.progress?.failure, loop.cast?.failure].compactMap({ $0 }) { Output.errorLine(failure) }
        } catch let error as TerminalError {
            Output.errorLine("backprop: \(error); printing plain text instead")
            try printPlain(plain, start, options)
            return
        }
        if ending == .interrupted { throw ExitCode(InterruptSignal.exitStatus ?? 130) }
    }
}

/// The interactive loop: whatever the terminal reports (a key, a resize, Ctrl-C), the
/// clock and the key script's keys go to `receive` (the in-place `update`) as `Input`s,
/// then `view`, and the terminal sends the cells that changed.
struct RunLoop {
    enum Ending: Equatable {
        case quit
        case interrupted
    }

    let subject: Subject
    let granularity: BackwardGranularity
    let unicode: Bool
    var options = ClassroomOptions()
    /// `play --record`: every frame presented, as it was presented.
    private(set) var cast: CastFile?

    mutating func run(_ session: inout TerminalSession) throws -> Ending {
        let theme = options.preferences.theme(color: session.usesColor)
        var state = try TutorState(subject: subject, theme: theme, size: session.size, granularity: granularity,
                                   keyMap: options.keyMap)
        let clock = Stopwatch()
        options.prepare(&state, now: clock.seconds)
        var script = options.script.map { KeyScriptPlayer(script: $0, gap: options.scriptGap, now: clock.seconds) }
        if let path = options.recordPath {
            cast = try CastFile(path: path, size: session.size, title: options.recordTitle,
                                timestamp: Int(Date().timeIntervalSince1970), option: "--record")
        }
        defer { cast?.close() }
        present(state, on: &session, at: clock.seconds)
        while !state.isLeaving {
            // Wait for a key, but no longer than until autoplay or the key script is due.
            let now = clock.seconds
            let waits = [state.classroom.autoplay?.timeout(now: now), script?.timeout(now: now)].compactMap { $0 }
            let key = session.readKey(timeoutMilliseconds: waits.min().map { Int(($0 * 1000).rounded(.up)) })
            var inputs = [Input.tick(now: clock.seconds)]
            inputs += (script?.poll(now: clock.seconds) ?? []).compactMap(KeyScript.key(named:)).map { Input($0, terminalSize: session.size) }
            inputs += key.map { [Input($0, terminalSize: session.size)] } ?? []
            for input in inputs where !state.isLeaving { state.receive(input) }
            options.progress?.observe(state)
            if !state.isLeaving { present(state, on: &session, at: clock.seconds) }
        }
        options.progress?.save()
        return state.interrupted ? .interrupted : .quit
    }

    /// Draws `state` on the terminal (and into the recording).
    private mutating func present(_ state: TutorState, on session: inout TerminalSession, at time: Double) {
        let frame = view(state)
        session.present(frame)
        cast?.record(frame, of: state, at: time)
    }
}

extension Session {
    /// Without a terminal: `play` prints its frames (see `PlayFrames`), `learn` every part
    /// of the lesson as `render --all` paces it, under a line naming the part (quiz mode
    /// needs someone to answer, so it is left off).
    static func printPlain(_ plain: PlainFrames, _ start: TutorState, _ options: ClassroomOptions) throws {
        if options.playback {
            Output.print(PlayFrames(plain: plain, options: options).frames(from: start).joined())
            if let path = options.recordPath {
                var colored = plain
                colored.color = !TerminalEnvironment.current().noColor
                colored.theme = options.preferences.theme.value
                try PlayFrames(plain: colored, options: options)
                    .record(to: path, title: options.recordTitle, interval: options.scriptGap, option: "--record")
            }
            return
        }
        let subject = start.subject
        for part in start.part..<subject.partCount {
            var frames = plain
            frames.part = part
            guard let state = part == start.part ? start : try? frames.start() else { continue }
            if subject.partCount > 1 {
                Output.print("=== part \(part + 1)/\(subject.partCount)" + (subject.partTitle(part).map { ": \($0)" } ?? "") + " ===\n")
            }
            Output.print(frames.all(from: state, limit: plainFrameLimit).joined())
        }
    }
}
