import Foundation
import Lessons

/// The bundled lessons, read from the source tree.
enum LessonFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lesson(_ name: String) throws -> Lesson {
        let path = root.appendingPathComponent("lessons/\(name).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (lesson, diagnostics) = LessonLoader.load(text: text, file: path)
        guard let lesson else { throw FixtureError(message: diagnostics.map(\.description).joined(separator: "\n")) }
        return lesson
    }
}

struct FixtureError: Error { var message: String }
