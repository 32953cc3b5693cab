import Foundation
import Autograd
import Lessons
import Tutor

/// What `learn` and `render` open: a lesson (a bundled name or a .yaml file, found by
/// `LessonLibrary`) or a graph file. Problems come back as diagnostics.
enum Target {
    static func open(_ target: String, variant: Int? = nil) throws(TargetError) -> Subject {
        let library = LessonLibrary.standard()
        if library.isLesson(target) {
            let (lesson, diagnostics) = library.load(target)
            guard let lesson else { throw TargetError(diagnostics: diagnostics.filter(\.isError)) }
            return .lesson(variant.map(lesson.variant) ?? lesson)
        }
        if variant != nil {
            throw TargetError(diagnostics: [.error(file: target, at: .wholeFile, "--variant draws new numbers for a lesson; this is a graph file (use --set NAME=VALUE with eval)")])
        }
        let (program, diagnostics) = GraphSource.load(path: target)
        guard let program else { throw TargetError(diagnostics: diagnostics) }
        let title = target.split(separator: "/").last.map(String.init) ?? target
        return .graph(title: title, program.graph)
    }
}

/// Why a target cannot be opened.
struct TargetError: Error {
    let diagnostics: [Diagnostic]
}
