import ArgumentParser
import Lessons
import Screen
import Terminal
import Tutor

/// `backprop` with no subcommand: in a terminal, a menu of the bundled lessons (Enter
/// opens one, q quits; quitting a lesson comes back to the menu); without one, the list
/// and the usage.
enum LessonMenu {
    static func run() throws {
        let picker = LessonPicker(entries: entries())
        let capabilities = TerminalCapabilities(environment: .current())
        guard capabilities.mode == .interactive else {
            printPlain(picker)
            return
        }
        let interrupted: Bool
        do {
            interrupted = try withTerminal(capabilities) { session in
                try loop(picker, &session, unicode: capabilities.unicode)
            }
        } catch let error as TerminalError {
            Output.errorLine("backprop: \(error); printing plain text instead")
            printPlain(picker)
            return
        }
        if interrupted { throw ExitCode(InterruptSignal.exitStatus ?? 130) }
    }

    /// The bundled lessons with their titles and summaries.
    static func entries() -> [LessonPicker.Entry] {
        let library = LessonLibrary.standard()
        return LessonLibrary.bundledNames.compactMap { name in
            library.load(name).lesson.map { LessonPicker.Entry(name: name, title: $0.title, summary: $0.summary) }
        }
    }

    static func printPlain(_ picker: LessonPicker) {
        Output.print("Lessons:\n\n" + picker.plainList + "\n" + Backprop.helpMessage() + "\n")
    }

    /// The menu's loop; true when it ended with Ctrl-C.
    static func loop(_ start: LessonPicker, _ session: inout TerminalSession, unicode: Bool) throws -> Bool {
        var picker = start
        let theme = Theme.forTerminal(color: session.usesColor, unicode: unicode)
        while true {
            session.present(picker.view(size: session.size, theme: theme))
            guard let key = session.readKey() else { continue }
            if key == .interrupt { return true }
            if key == .resize { session.invalidate(); continue }
            guard let action = LessonPicker.action(for: key) else { continue }
            switch picker.update(action) {
            case .stay: continue
            case .quit: return false
            case .open(let name):
                let subject = try Target.open(name)
                let ending = try RunLoop(subject: subject, granularity: .node, unicode: unicode).run(&session)
                if ending == .interrupted { return true }
                session.invalidate()
            }
        }
    }
}
