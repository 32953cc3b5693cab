import Foundation
import Testing
import Autograd
@testable import Lessons

/// The repository's `lessons/` directory, found from this file.
let lessonsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons")

/// The text of `lessons/NAME.yaml` on disk.
func lessonText(_ name: String) throws -> String {
    try String(contentsOf: lessonsDirectory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
}

/// A bundled lesson, loaded without errors or warnings.
func loadLesson(_ name: String) throws -> Lesson {
    let (lesson, diagnostics) = LessonLoader.load(text: try lessonText(name), file: "lessons/\(name).yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(lesson)
}

/// Every diagnostic `check` gives for `text`, as the strings the command prints.
func checkMessages(_ text: String, file: String = "broken.yaml") -> [String] {
    LessonChecker.check(text: text, file: file).map(\.description)
}

extension LessonPart {
    /// The graph after forward and backward at the lesson's values, optionally with some
    /// leaves set first.
    func evaluated(_ settings: [String: Double] = [:]) -> Graph {
        var graph = self.graph
        for (name, value) in settings {
            if let id = graph.id(named: name) { graph.setValue(value, of: id) }
        }
        graph.run()
        return graph
    }
}

extension Graph {
    func value(_ name: String) -> Double { id(named: name).map { value(of: $0) } ?? .nan }
    func grad(_ name: String) -> Double { id(named: name).map { grad(of: $0) } ?? .nan }
}

/// `a` equals `b` to `places` decimals, as the slides round.
func rounded(_ a: Double, _ places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    return (a * scale).rounded() / scale
}
