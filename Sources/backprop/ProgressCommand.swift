import ArgumentParser
import Foundation
import Lessons
import Records
import Tutor

/// `backprop progress [--json] [--reset [NAME] [--yes]]`: what `learn` kept of the
/// student's progress, and forgetting it.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show (or reset) your progress in each lesson: the part reached, parts finished, quiz score.",
        discussion: """
            'learn' keeps each lesson's progress in $XDG_STATE_HOME/backprop/progress.json \
            (by default ~/.local/state/backprop/progress.json) and resumes where you left \
            off; 'play' never writes it. BACKPROP_NO_STATE=1 or 'learn --no-save' turns \
            saving off. --reset asks before it forgets (--yes does not ask).

            Example: backprop progress --reset xor
            """
    )

    @Flag(help: "Print the progress file's contents as JSON (for scripts).")
    var json = false

    @Flag(help: "Forget the progress in NAME, or in every lesson.")
    var reset = false

    @Argument(help: "With --reset: the lesson to forget (a bundled name, or a lesson file's path).")
    var name: String?

    @Flag(help: "With --reset: do not ask first.")
    var yes = false

    func validate() throws {
        if name != nil && !reset { throw ValidationError("a lesson name goes with --reset: backprop progress --reset NAME") }
        if yes && !reset { throw ValidationError("--yes goes with --reset") }
        if json && reset { throw ValidationError("give either --json or --reset, not both") }
    }

    func run() throws {
        guard let store = ProgressStore.standard() else {
            let off = "Saving progress is off (BACKPROP_NO_STATE is set): nothing is kept."
            if json {
                // Scripts asking for JSON get an empty book; the reason goes to stderr.
                Output.print(#"{"lessons": {}, "version": \#(ProgressStore.version)}"# + "\n")
                Output.errorLine(off)
            } else {
                Output.print(off + "\n")
            }
            return
        }
        let (book, warning) = store.load()
        if let warning { Output.errorLine(warning) }
        if reset {
            try forget(in: store, book: book)
        } else if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.print(String(decoding: try encoder.encode(book), as: UTF8.self) + "\n")
        } else {
            Output.print(Self.table(book) + "\nKept in \(store.file.path).\n")
        }
    }

    /// The bundled lessons in the course's order, then lesson files by path.
    static func table(_ book: ProgressStore.Book) -> String {
        let names = LessonLibrary.bundledNames
        let keys = names + book.lessons.keys.filter { !names.contains($0) }.sorted()
        let rows = keys.map { key in
            let progress = book.lessons[key]
            return [key, progress?.summary ?? "not started", progress?.quizSummary ?? "-"]
        }
        return LessonsTable.render(header: ["LESSON", "PROGRESS", "QUIZ"], groups: [("", rows)])
    }

    private func forget(in store: ProgressStore, book: ProgressStore.Book) throws {
        let key = name.map(ProgressStore.key(opened:))
        // Nothing to forget is no error: a script may reset twice.
        if let key, book.lessons[key] == nil {
            let kept = book.lessons.keys.sorted()
            Output.print("No progress is kept for '\(key)': nothing to forget."
                + (kept.isEmpty ? "" : " There is progress in: \(kept.joined(separator: ", ")).") + "\n")
            return
        }
        if key == nil, book.lessons.isEmpty {
            Output.print("No progress is kept: nothing to forget.\n")
            return
        }
        let count = book.lessons.count
        let what = key.map { "your progress in \($0)" } ?? "your progress in every lesson (\(count) lesson\(count == 1 ? "" : "s"))"
        if !yes {
            FileHandle.standardError.write(Data("Forget \(what)? [y/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                Output.print("Nothing was forgotten.\n")
                return
            }
        }
        if let failure = store.reset(key) { throw Launch.failure(failure) }
        Output.print("Forgot \(what).\n")
    }
}
