import Autograd

/// Where `eval` and `check` get a graph from. Graph files (`.graph`, or anything that is
/// not a lesson) today; lesson files join here, so the commands stay unchanged.
public enum GraphSource {
    /// Reads and parses the file at `path`. The program is `nil` when there is any error.
    public static func load(path: String) -> (program: GraphProgram?, diagnostics: [Diagnostic]) {
        switch SourceFile.read(path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text): return GraphParser.parse(text, file: path)
        }
    }

    /// Everything `check` reports for one file: errors, or, for a graph that parses, the
    /// warnings about its values and gradients (see `GraphChecks`).
    public static func check(path: String) -> CheckResult {
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

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// One line for a file without errors: what it holds and its output value.
    public var summary: String? {
        guard !hasErrors, let program, let output = program.graph.output else { return nil }
        let graph = program.graph
        let named = graph.namedIDs.count
        let warnings = diagnostics.count(where: { $0.severity == .warning })
        var text = "\(file): ok: \(graph.count) nodes (\(named) named), output \(graph.label(of: output)) = \(NumberFormat.short(graph.value(of: output)))"
        if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}
