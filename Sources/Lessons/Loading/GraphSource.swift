import Autograd

/// Where `eval` and `check` get a graph from: a graph file (`.graph`, or anything that is
/// not a lesson), or a lesson (a `.yaml` file or a bundled name), which stands for its
/// first part's graph, so the commands need not tell the two apart.
public enum GraphSource {
    /// Reads and parses the file at `path`. The program is `nil` when there is any error.
    public static func load(path: String) -> (program: GraphProgram?, diagnostics: [Diagnostic]) {
        let library = LessonLibrary.standard()
        if library.isLesson(path) {
            let (lesson, diagnostics) = library.load(path)
            return (lesson?.program(), diagnostics)
        }
        switch SourceFile.read(path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text): return GraphParser.parse(text, file: path)
        }
    }

    /// Everything `check` reports for one file: errors, or, for a graph that parses, the
    /// warnings about its values and gradients (see `GraphChecks`).
    public static func check(path: String) -> CheckResult {
        let library = LessonLibrary.standard()
        if path.hasSuffix(".md") {
            // A guide with lesson examples in ```yaml blocks (lessons/README.md).
            switch SourceFile.read(path: path) {
            case .failure(let diagnostic): return CheckResult(file: path, program: nil, diagnostics: [diagnostic])
            case .success(let text):
                let (lessons, diagnostics) = LessonMarkdown.check(markdown: text, file: path)
                return lessonResult(file: path, lessons.first, diagnostics)
            }
        }
        if library.isLesson(path) {
            let (lesson, diagnostics) = library.check(path)
            return lessonResult(file: lesson?.file ?? path, lesson, diagnostics)
        }
        return check(graphPath: path)
    }

    /// A checked lesson's result: its first part's graph, evaluated, stands for it.
    private static func lessonResult(file: String, _ lesson: Lesson?, _ diagnostics: [Diagnostic]) -> CheckResult {
        var program = lesson?.program()
        program?.graph.run()
        return CheckResult(file: file, program: program, diagnostics: diagnostics, lesson: lesson)
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

    public init(file: String, program: GraphProgram?, diagnostics: [Diagnostic], lesson: Lesson? = nil) {
        self.file = file
        self.program = program
        self.diagnostics = diagnostics
        self.lesson = lesson
    }

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// One line for a file without errors: what it holds and its output value.
    public var summary: String? {
        guard !hasErrors, let program, let output = program.graph.output else { return nil }
        let graph = program.graph
        let named = graph.namedIDs.count
        let warnings = diagnostics.count(where: { $0.severity == .warning })
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
