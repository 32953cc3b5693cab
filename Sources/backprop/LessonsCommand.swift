import ArgumentParser
import Lessons

/// `backprop lessons`: the bundled lessons as a course, in groups and in teaching order,
/// with their titles, what each needs first and the slides they replay.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the bundled lessons as a course: name, title, what each needs first and source slide.",
        discussion: """
            The lessons are listed in teaching order, in groups (the chain rule, neurons, \
            losses, networks, training), each with the lessons to take first (lessons/course.yaml). \
            Any of these names works with learn, play, render, eval and check, from any \
            directory. A lesson file of your own is given by its path.

            Example: backprop learn chain-rule
            """
    )

    func run() throws {
        let library = LessonLibrary.standard()
        let course = LessonLibrary.course
        var groups: [(title: String, rows: [[String]])] = []
        var problems: [Diagnostic] = []
        for name in LessonLibrary.bundledNames {
            let (lesson, diagnostics) = library.load(name)
            let placed = course?.entry(name)
            let needs = placed.map { $0.entry.needs.isEmpty ? "-" : $0.entry.needs.joined(separator: ", ") } ?? "-"
            let row: [String]
            if let lesson {
                row = [name, lesson.title, needs, lesson.sourceLine]
            } else {
                row = [name, "(does not load; run: backprop check \(name))", needs, ""]
                problems += diagnostics.filter(\.isError)
            }
            let group = placed?.group ?? "Other lessons"
            if groups.last?.title == group {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append((group, [row]))
            }
        }
        Output.print(LessonsTable.render(header: ["NAME", "TITLE", "NEEDS FIRST", "SOURCE"], groups: groups))
        Output.error(problems)
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

/// Columns padded to their widest cell (in Characters, so `ξ` and `−` count as one), the
/// rows under their groups' headings.
enum LessonsTable {
    static func render(header: [String], groups: [(title: String, rows: [[String]])]) -> String {
        let all = [header] + groups.flatMap(\.rows)
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ") + "\n"
        }
        // A group without a title is rows straight under the header.
        return line(header) + groups.map { group in
            (group.title.isEmpty ? "" : "\n" + group.title + "\n") + group.rows.map(line).joined()
        }.joined()
    }
}
