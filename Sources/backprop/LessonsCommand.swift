import ArgumentParser
import Lessons

/// `backprop lessons`: the bundled lessons with their titles and the slides they replay.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the bundled lessons: name, title and source slide.",
        discussion: """
            Any of these names works with learn, play, render, eval and check, from any \
            directory. A lesson file of your own is given by its path.

            Example: backprop learn chain-rule
            """
    )

    func run() throws {
        let library = LessonLibrary.standard()
        var rows: [[String]] = []
        var problems: [Diagnostic] = []
        for name in LessonLibrary.bundledNames {
            let (lesson, diagnostics) = library.load(name)
            if let lesson {
                rows.append([name, lesson.title, lesson.sourceLine])
            } else {
                rows.append([name, "(does not load; run: backprop check \(name))", ""])
                problems += diagnostics.filter(\.isError)
            }
        }
        Output.print(LessonsTable.render(header: ["NAME", "TITLE", "SOURCE"], rows: rows))
        Output.error(problems)
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

/// Columns padded to their widest cell (in Characters, so `ξ` and `−` count as one).
enum LessonsTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
