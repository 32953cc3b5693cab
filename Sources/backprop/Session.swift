import ArgumentParser
import Autograd
import Screen
import Terminal
import Tutor

/// Runs the tutor on a subject: interactively when stdin and stdout are a terminal that
/// curses can drive, else as plain-text frames with exit status 0 — curses is never
/// started for a pipe, /dev/null, an unset or dumb TERM.
enum Session {
    /// Frames printed without a terminal: enough for the first pass of a lesson.
    static let plainFrameLimit = 40

    static func run(_ subject: Subject, granularity: BackwardGranularity) throws {
        let capabilities = TerminalCapabilities(environment: .current())
        let plain = PlainFrames(subject: subject, size: Size(width: 100, height: 30), unicode: capabilities.unicode,
                                granularity: granularity)
        // Opening problems are reported before the screen is touched.
        let start = try plain.start()
        guard capabilities.mode == .interactive else {
            Output.print(plain.all(from: start, limit: plainFrameLimit).joined())
            return
        }
        let ending: RunLoop.Ending
        do {
            ending = try withTerminal(capabilities) { session in
                try RunLoop(subject: subject, granularity: granularity, unicode: capabilities.unicode).run(&session)
            }
        } catch let error as TerminalError {
            Output.errorLine("backprop: \(error); printing plain text instead")
            Output.print(plain.all(from: start, limit: plainFrameLimit).joined())
            return
        }
        if ending == .interrupted { throw ExitCode(InterruptSignal.exitStatus ?? 130) }
    }
}

/// The interactive loop: a key from the terminal, its action from the key map, `apply`
/// (the in-place `update`), `view`, and the terminal sends the cells that changed.
struct RunLoop {
    enum Ending: Equatable {
        case quit
        case interrupted
    }

    let subject: Subject
    let granularity: BackwardGranularity
    let unicode: Bool

    func run(_ session: inout TerminalSession) throws -> Ending {
        let theme = Theme.forTerminal(color: session.usesColor, unicode: unicode)
        var state = try TutorState(subject: subject, theme: theme, size: session.size, granularity: granularity)
        session.present(view(state, size: session.size))
        while !state.quitRequested {
            guard let key = session.readKey() else { continue }
            switch key {
            case .interrupt:
                return .interrupted
            case .resize:
                state.apply(.resize(session.size))
            default:
                guard let action = state.keyMap.action(for: key) else { continue }
                state.apply(action)
            }
            if state.quitRequested { break }
            session.present(view(state, size: session.size))
        }
        return .quit
    }
}
