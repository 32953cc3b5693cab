import Autograd
import Yams

/// Reads a lesson file: YAML through Yams, the graph through `GraphParser`, sugar through
/// `GraphSugar`. Every problem is a `Diagnostic` at its line and column in the lesson file;
/// nothing in a file, however truncated or mangled, makes it crash.
public enum LessonLoader {
    /// The fields a lesson may have at the top level.
    static let lessonFields = ["title", "summary", "source", "graph", "view", "data", "training", "narration", "quiz", "expect", "parts"]

    /// Loads the lesson in `text`. `file` is the path diagnostics print; `name` defaults to
    /// the file name without directory and extension. The lesson is `nil` when there is any
    /// error; warnings may come with a lesson.
    public static func load(text: String, file: String, name: String? = nil) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let control = firstControlCharacter(in: text) {
            // YAML refuses them too, but at 1:1 without saying which.
            return (nil, [.error(file: file, at: control.location,
                                 "the control character U+\(String(format: "%04X", control.value)) cannot be in a lesson; delete it")])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return (nil, [.error(file: file, at: SourceLocation(line: 1, column: 1),
                                     "the lesson file is empty; it needs at least 'title', 'summary', 'source' and 'graph'")])
            }
            root = node
        } catch {
            return (nil, [yamlDiagnostic(error, file: file, text: text)])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard var fields = YAMLFields(root, file: file, what: "the lesson", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let title = fields.requiredText("title", &diagnostics)
        let summary = fields.requiredText("summary", &diagnostics)
        var sources: [LessonSource] = []
        if let node = fields.value("source") {
            sources = readSources(node, file: file, &diagnostics)
        } else {
            fields.missing("source", &diagnostics)
        }
        var parts: [LessonPart?] = []
        let partKeys = ["graph", "view", "data", "training", "narration", "quiz", "expect"]
        if let partsNode = fields.value("parts") {
            for key in partKeys where fields.has(key) {
                _ = fields.value(key)
                let at = fields.pairs.first { $0.key == key }?.keyLocation ?? fields.location
                diagnostics.append(.error(file: file, at: at, "'\(key)' belongs inside a part when the lesson has 'parts'"))
            }
            if let items = fields.list(partsNode, "parts", &diagnostics) {
                if items.isEmpty {
                    diagnostics.append(.error(file: file, at: YAMLFields.location(of: partsNode), "'parts' must list at least one part"))
                }
                for (index, item) in items.enumerated() {
                    guard var partFields = YAMLFields(item, file: file, what: "part \(index + 1)", diagnostics: &diagnostics) else { continue }
                    let partTitle = partFields.requiredText("title", &diagnostics)
                    parts.append(PartReader(file: file, lines: lines).read(&partFields, title: partTitle, &diagnostics))
                    partFields.reportUnknown(&diagnostics)
                }
            }
        } else {
            parts.append(PartReader(file: file, lines: lines).read(&fields, title: nil, &diagnostics))
        }
        fields.reportUnknown(&diagnostics)
        diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        guard !diagnostics.contains(where: \.isError), let title, let summary else { return (nil, diagnostics) }
        let finished = parts.compactMap { $0 }
        guard finished.count == parts.count else { return (nil, diagnostics) }
        let lessonName = name ?? defaultName(file)
        return (Lesson(name: lessonName, file: file, title: title, summary: summary, sources: sources, parts: finished), diagnostics)
    }

    /// `lessons/chain-rule.yaml` → `chain-rule`.
    static func defaultName(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) {
            return String(base.dropLast(suffix.count))
        }
        return base
    }

    private static func readSources(_ node: Node, file: String, _ diagnostics: inout [Diagnostic]) -> [LessonSource] {
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var sources: [LessonSource] = []
        for item in items {
            guard var fields = YAMLFields(item, file: file, what: "source", diagnostics: &diagnostics) else { continue }
            let seed = fields.requiredText("seed", &diagnostics)
            let slide = fields.requiredText("slide", &diagnostics)
            fields.reportUnknown(&diagnostics)
            if let seed, let slide { sources.append(LessonSource(seed: seed, slide: slide)) }
        }
        if sources.isEmpty, case .sequence = node {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'source' must name at least one seed and slide"))
        }
        return sources
    }

    /// The first character a lesson may not hold (a C0 control other than tab, newline and
    /// carriage return; DEL; a C1 control), with its line and column.
    static func firstControlCharacter(in text: String) -> (value: UInt32, location: SourceLocation)? {
        var line = 1, column = 1
        for character in text {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
                continue
            }
            if let scalar = character.unicodeScalars.first(where: { s in
                (s.value < 0x20 && s != "\t" && s != "\r") || (0x7F...0x9F).contains(s.value)
            }) {
                return (scalar.value, SourceLocation(line: line, column: column))
            }
            column += 1
        }
        return nil
    }

    /// A Yams error as a diagnostic at the position libyaml reports.
    public static func yamlDiagnostic(_ error: Error, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        guard let yamlError = error as? YamlError else {
            return .error(file: file, at: SourceLocation(line: 1, column: 1), "cannot read the file as YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            let fix = whatToFix(problem, at: at(mark), in: text).map { "\($0) (YAML: \(problem))" }
            return .error(file: file, at: at(mark), "invalid YAML: " + (fix ?? "\(problem)\(where_)"))
        case .reader(let problem, _, _, _):
            return .error(file: file, at: SourceLocation(line: 1, column: 1), "cannot read the file as text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            return .error(
                file: file, at: secondOccurrence(of: key, in: text, mapping: at(context.mark)) ?? at(context.mark),
                "field '\(key)' appears twice")
        default:
            return .error(file: file, at: SourceLocation(line: 1, column: 1), "invalid YAML: \(yamlError)")
        }
    }

    /// libyaml's commonest complaints in words that say what to change, or `nil`.
    static func whatToFix(_ problem: String, at location: SourceLocation, in text: String) -> String? {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(location.line - 1).first ?? ""
        let character = line.dropFirst(max(0, location.column - 1)).first
        if character == "\t" || (problem.contains("cannot start any token") && line.contains("\t")) {
            return "a tab: YAML indents with spaces only; replace the tab with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "a ':' inside a value: put the text in quotes (text: \"Note: q = 3.\"), or indent this field under the one above"
        }
        if problem.contains("did not find expected key") {
            return "this line is indented differently from the fields around it: line the fields of one list item up"
        }
        if problem.contains("could not find expected ':'") {
            return "a field needs ':' after its name (or the text above needs its closing quote)"
        }
        return nil
    }

    /// Where `key:` is written the second time in the mapping that starts at `mapping`
    /// (libyaml reports only the mapping), so a duplicate points at the line to delete.
    static func secondOccurrence(of key: String, in text: String, mapping: SourceLocation) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = mapping.column - 1
        var seen = 0
        for (index, line) in lines.enumerated() where index + 1 >= mapping.line {
            // A key of this mapping starts at its column, after spaces or a list's "- ".
            guard line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }),
                  line.dropFirst(indent).hasPrefix("\(key):") else { continue }
            seen += 1
            if seen == 2 { return SourceLocation(line: index + 1, column: indent + 1) }
        }
        return nil
    }
}
