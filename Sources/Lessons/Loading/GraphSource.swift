import Autograd
import Foundation

/// Where `eval` and `check` get a graph from: a graph file (`.graph`, or anything that is
/// not a lesson), or a lesson (a `.yaml` file or a bundled name), which stands for its
/// first part's graph, so the commands need not tell the two apart.
public enum GraphSource {
    /// Reads and parses the file at `path`: for a lesson, the graph of part `part` (0-based;
    /// a graph file has the one part 0). The program is `nil` when there is any error.
    public static func load(path: String, part: Int = 0, variant: Int? = nil) -> (program: GraphProgram?, diagnostics: [Diagnostic]) {
        let library = LessonLibrary.standard()
        if library.isLesson(path) {
            let (loaded, diagnostics) = library.load(path)
            guard let loaded else { return (nil, diagnostics) }
            let lesson = variant.map(loaded.variant) ?? loaded
            guard let program = lesson.program(part: part) else {
                return (nil, diagnostics + [partOutOfRange(part, file: lesson.file, count: lesson.parts.count)])
            }
            return (program, diagnostics)
        }
        guard part == 0 else { return (nil, [partOutOfRange(part, file: path, count: 1)]) }
        if variant != nil {
            return (nil, [.error(file: path, at: .wholeFile, "--variant draws new numbers for a lesson; this is a graph file (use --set NAME=VALUE)")])
        }
        switch SourceFile.read(path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text): return GraphParser.parse(text, file: path)
        }
    }

    /// "part 3 asked for: the file has 2 parts".
    static func partOutOfRange(_ part: Int, file: String, count: Int) -> Diagnostic {
        .error(file: file, at: .wholeFile, "part \(part + 1) asked for, but it has \(count) part\(count == 1 ? "" : "s")")
    }

    /// Everything `check` reports for one file: errors, or, for a graph that parses, the
    /// warnings about its values and gradients (see `GraphChecks`). With `part`, a lesson's
    /// summary is of that part (0-based): its output's value and its expected values.
    public static func check(path: String, part: Int? = nil) -> CheckResult {
        let library = LessonLibrary.standard()
        if path.hasSuffix(".md") {
            // A guide with lesson examples in ```yaml blocks (lessons/README.md).
            switch SourceFile.read(path: path) {
            case .failure(let diagnostic): return CheckResult(file: path, program: nil, diagnostics: [diagnostic])
            case .success(let text):
                let (lessons, diagnostics) = LessonMarkdown.check(markdown: text, file: path)
                return lessonResult(file: path, lessons.first, diagnostics, part: part)
            }
        }
        if URL(fileURLWithPath: path).lastPathComponent == Course.fileName {
            return checkCourse(path: path)
        }
        if library.isLesson(path) {
            let (lesson, diagnostics) = library.check(path)
            return lessonResult(file: lesson?.file ?? path, lesson, diagnostics, part: part)
        }
        if let part, part != 0 {
            return CheckResult(file: path, program: nil, diagnostics: [partOutOfRange(part, file: path, count: 1)])
        }
        return check(graphPath: path)
    }

    /// A course file, checked against the lessons in its directory.
    private static func checkCourse(path: String) -> CheckResult {
        switch SourceFile.read(path: path) {
        case .failure(let diagnostic): return CheckResult(file: path, program: nil, diagnostics: [diagnostic])
        case .success(let text):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let lessons = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") && $0 != Course.fileName }.map(LessonLoader.defaultName).sorted()
            let (course, diagnostics) = Course.load(text: text, file: path, lessons: lessons)
            return CheckResult(file: path, program: nil, diagnostics: diagnostics, course: course)
        }
    }

    /// A checked lesson's result: the graph of the part asked for (else the first),
    /// evaluated, stands for it.
    private static func lessonResult(file: String, _ lesson: Lesson?, _ diagnostics: [Diagnostic], part: Int?) -> CheckResult {
        guard let lesson else { return CheckResult(file: file, program: nil, diagnostics: diagnostics) }
        guard var program = lesson.program(part: part ?? 0) else {
            return CheckResult(file: file, program: nil,
                               diagnostics: diagnostics + [partOutOfRange(part ?? 0, file: file, count: lesson.parts.count)], lesson: lesson)
        }
        program.graph.run()
        return CheckResult(file: file, program: program, diagnostics: diagnostics, lesson: lesson, part: part)
    }

    private static func check(graphPath path: String) -> CheckResult {
        let (program, diagnostics) = load(path: path)
        guard var program else { return CheckResult(file: path, program: nil, diagnostics: diagnostics) }
        program.graph.run()
        return CheckResult(file: path, program: program, diagnostics: diagnostics + GraphChecks.warnings(program))
    }
}

/// The outcome of checking one file.
public struct CheckResult: Sendable {
    public var file: String
    /// The evaluated graph, when the file has no errors.
    public var program: GraphProgram?
    public var diagnostics: [Diagnostic]
    /// The lesson, when the file is one.
    public var lesson: Lesson?
    /// The lesson part the summary is of (0-based), `nil` for the whole lesson.
    public var part: Int?

    /// The course, when the file is `course.yaml`.
    public var course: Course?

    public init(file: String, program: GraphProgram?, diagnostics: [Diagnostic], lesson: Lesson? = nil, part: Int? = nil,
                course: Course? = nil) {
        self.file = file
        self.program = program
        self.diagnostics = diagnostics
        self.lesson = lesson
        self.part = part
        self.course = course
    }

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// One line for a file without errors: what it holds and its output value.
    public var summary: String? {
        if let course, !hasErrors {
            let lessons = course.names.count, groups = course.groups.count
            return "\(file): ok: course of \(lessons) lesson\(lessons == 1 ? "" : "s") in \(groups) group\(groups == 1 ? "" : "s")"
        }
        guard !hasErrors, let program, let output = program.graph.output else { return nil }
        let graph = program.graph
        let named = graph.namedIDs.count
        let warnings = diagnostics.count(where: { $0.severity == .warning })
        if let lesson, let part, lesson.parts.indices.contains(part) {
            let expected = lesson.parts[part].expectations.count
            let title = lesson.parts[part].title.map { " '\($0)'" } ?? ""
            var text = "\(file): ok: lesson '\(lesson.name)' part \(part + 1)/\(lesson.parts.count)\(title), "
                + "output \(graph.label(of: output)) = \(NumberFormat.short(graph.value(of: output))), \(expected) expected value\(expected == 1 ? "" : "s") hold"
            if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            return text
        }
        if let lesson {
            let parts = lesson.parts.count
            var text = "\(file): ok: lesson '\(lesson.name)', \(parts) part\(parts == 1 ? "" : "s"), \(lesson.expectationCount) expected values hold"
            if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            return text
        }
        var text = "\(file): ok: \(graph.count) nodes (\(named) named), output \(graph.label(of: output)) = \(NumberFormat.short(graph.value(of: output)))"
        if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}
