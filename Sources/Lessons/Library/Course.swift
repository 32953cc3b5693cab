import Yams

/// The bundled lessons as a course (`lessons/course.yaml`): groups in teaching order, from
/// the chain rule to training, each lesson with the lessons it needs first. `backprop
/// lessons` and the picker list the lessons this way; `backprop check` holds the file to
/// the lessons beside it (every one listed once, needs only earlier lessons).
public struct Course: Sendable, Equatable {
    /// One lesson of the course.
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// The lessons to take before this one (earlier in the course).
        public var needs: [String]
    }

    /// A group of lessons under a heading: "The chain rule", "Neurons"…
    public struct Group: Sendable, Equatable {
        public var title: String
        public var lessons: [Entry]
    }

    public var groups: [Group]

    /// The course's file name in a lessons directory: not a lesson, though it is YAML.
    public static let fileName = "course.yaml"

    /// The lesson names in the course's order.
    public var names: [String] { groups.flatMap { $0.lessons.map(\.name) } }

    /// The entry for `name` with its group's title, `nil` for a lesson not in the course.
    public func entry(_ name: String) -> (group: String, entry: Entry)? {
        for group in groups {
            if let entry = group.lessons.first(where: { $0.name == name }) { return (group.title, entry) }
        }
        return nil
    }

    /// Reads a course file. `lessons` are the names of the lessons it must list (those in
    /// its directory, or the bundled ones): each exactly once, and nothing else. Every
    /// problem is a diagnostic at its line and column; the course is `nil` on any error.
    public static func load(text: String, file: String, lessons: [String]) -> (course: Course?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return (nil, [.error(file: file, at: SourceLocation(line: 1, column: 1), "the course file is empty; it needs 'course:', a list of groups")])
            }
            root = node
        } catch {
            return (nil, [LessonLoader.yamlDiagnostic(error, file: file, text: text)])
        }
        guard var fields = YAMLFields(root, file: file, what: "the course", diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var groups: [Group] = []
        var seen: [String] = []
        if let node = fields.value("course"), let items = fields.list(node, "course", &diagnostics) {
            for (index, item) in items.enumerated() {
                guard var groupFields = YAMLFields(item, file: file, what: "group \(index + 1)", diagnostics: &diagnostics) else { continue }
                let title = groupFields.requiredText("group", &diagnostics)
                var entries: [Entry] = []
                if let node = groupFields.value("lessons"), let lessonItems = groupFields.list(node, "lessons", &diagnostics) {
                    if lessonItems.isEmpty {
                        diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'lessons' must list at least one lesson"))
                    }
                    for lessonNode in lessonItems {
                        if let entry = readEntry(lessonNode, file: file, lessons: lessons, seen: &seen, &diagnostics) {
                            entries.append(entry)
                        }
                    }
                } else if !groupFields.has("lessons") {
                    groupFields.missing("lessons", &diagnostics)
                }
                groupFields.reportUnknown(&diagnostics)
                if let title { groups.append(Group(title: title, lessons: entries)) }
            }
        } else if !fields.has("course") {
            fields.missing("course", &diagnostics)
        }
        fields.reportUnknown(&diagnostics)
        let missing = lessons.filter { !seen.contains($0) }
        if !missing.isEmpty, !diagnostics.contains(where: \.isError) {
            diagnostics.append(.error(file: file, at: fields.location,
                                      "the course leaves out \(missing.joined(separator: ", ")); add each to a group"))
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        return (Course(groups: groups), diagnostics)
    }

    /// One lesson: `name:` a lesson there is, not listed before; `needs:` lessons listed
    /// before it.
    private static func readEntry(_ node: Node, file: String, lessons: [String], seen: inout [String],
                                  _ diagnostics: inout [Diagnostic]) -> Entry? {
        guard var fields = YAMLFields(node, file: file, what: "a course lesson", diagnostics: &diagnostics) else { return nil }
        defer { fields.reportUnknown(&diagnostics) }
        guard let nameNode = fields.value("name") else {
            fields.missing("name", &diagnostics)
            return nil
        }
        guard let name = fields.text(nameNode, "name", &diagnostics) else { return nil }
        let at = YAMLFields.location(of: nameNode)
        guard lessons.contains(name) else {
            diagnostics.append(.error(file: file, at: at, "no lesson '\(Diagnostic.printable(name))'; the lessons are: \(lessons.joined(separator: ", "))"))
            return nil
        }
        guard !seen.contains(name) else {
            diagnostics.append(.error(file: file, at: at, "'\(name)' is in the course twice"))
            return nil
        }
        var needs: [String] = []
        if let needsNode = fields.value("needs"), let items = fields.list(needsNode, "needs", &diagnostics) {
            for item in items {
                guard let need = fields.text(item, "needs", &diagnostics) else { continue }
                if seen.contains(need) {
                    needs.append(need)
                } else {
                    diagnostics.append(.error(file: file, at: YAMLFields.location(of: item),
                                              "'\(name)' needs '\(Diagnostic.printable(need))', which must come earlier in the course"))
                }
            }
        }
        seen.append(name)
        return Entry(name: name, needs: needs)
    }
}
