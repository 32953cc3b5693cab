import ArgumentParser
import Lessons
import Records
import Screen
import Terminal
import Tutor

/// `backprop` with no subcommand: in a terminal, a menu of the bundled lessons (Enter
/// opens one, q quits; quitting a lesson comes back to the menu); without one, the list
/// and the usage.
enum LessonMenu {
    static func run() throws {
        let lessons = bundledLessons()
        let preferences = Preferences.resolve()
        var capabilities = TerminalCapabilities(environment: .current())
        capabilities.unicode = preferences.unicode
        capabilities.mouse = preferences.mouse.value
        let store = ProgressStore.standard()
        // A progress file moved aside is told now, before the screen is taken.
        let (book, warning) = store?.load() ?? (ProgressStore.Book(), nil)
        if let warning { Output.errorLine(warning) }
        let picker = menu(lessons, book: book)
        guard capabilities.mode == .interactive else {
            printPlain(picker)
            return
        }
        let interrupted: Bool
        do {
            interrupted = try withTerminal(capabilities) { session in
                try loop(picker, lessons, store: store, &session, preferences: preferences)
            }
        } catch let error as TerminalError {
            Output.errorLine("backprop: \(error); printing plain text instead")
            printPlain(picker)
            return
        }
        if interrupted { throw ExitCode(InterruptSignal.exitStatus ?? 130) }
    }

    /// The menu of `lessons` in the course's order, each with the student's progress.
    static func menu(_ lessons: [Lesson], book: ProgressStore.Book, selected: Int = 0) -> LessonPicker {
        let course = LessonLibrary.course
        return LessonPicker(entries: lessons.map { lesson in
            let placed = course?.entry(lesson.name)
            let progress = book.lessons[lesson.name]
            return LessonPicker.Entry(name: lesson.name, title: lesson.title, summary: lesson.summary,
                                      group: placed?.group, needs: placed?.entry.needs ?? [],
                                      progress: progress.map { [$0.summary, $0.quizSummary].compactMap { $0 }.joined(separator: " · ") })
        }, selected: selected)
    }

    /// The bundled lessons that load, each loaded once: the menu lists them and opens them
    /// from here.
    static func bundledLessons() -> [Lesson] {
        let library = LessonLibrary.standard()
        return LessonLibrary.bundledNames.compactMap { library.load($0).lesson }
    }

    static func printPlain(_ picker: LessonPicker) {
        Output.print("Lessons:\n\n" + picker.plainList + "\n" + Backprop.helpMessage() + "\n")
    }

    /// The menu's loop; true when it ended with Ctrl-C.
    static func loop(_ start: LessonPicker, _ lessons: [Lesson], store: ProgressStore?,
                     _ session: inout TerminalSession, preferences: Preferences) throws -> Bool {
        var picker = start
        let theme = preferences.theme(color: session.usesColor)
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
                guard let lesson = lessons.first(where: { $0.name == name }) else { continue }
                var options = ClassroomOptions()
                options.preferences = preferences
                options.progress = store.flatMap { ProgressSaver.forLesson(lesson, named: name, store: $0) }
                var lessonLoop = RunLoop(subject: .lesson(lesson), granularity: .node, unicode: preferences.unicode, options: options)
                let ending = try lessonLoop.run(&session)
                if ending == .interrupted { return true }
                // Back in the menu: the lesson's new progress shows.
                picker = menu(lessons, book: store?.load().book ?? ProgressStore.Book(), selected: picker.selected)
                session.invalidate()
            }
        }
    }
}
