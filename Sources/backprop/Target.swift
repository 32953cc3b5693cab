import Foundation
import Autograd
import Lessons
import Tutor

/// What `learn` and `render` open: a lesson (by file or bundled name) or a graph file.
/// Problems come back as diagnostics, printed in compiler format.
enum Target {
    static func open(_ target: String) throws(TargetError) -> Subject {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && !isDirectory.boolValue
        if exists {
            return target.hasSuffix(".yaml") || target.hasSuffix(".yml") ? try lesson(path: target) : try graph(path: target)
        }
        if let bundled = bundledLessonPath(target) { return try lesson(path: bundled) }
        throw TargetError(diagnostics: [.error(file: target, at: .wholeFile,
                                "no such file, and no bundled lesson of that name (see 'backprop lessons')")])
    }

    static func graph(path: String) throws(TargetError) -> Subject {
        let (program, diagnostics) = GraphSource.load(path: path)
        guard let program else { throw TargetError(diagnostics: diagnostics) }
        let title = path.split(separator: "/").last.map(String.init) ?? path
        return .graph(title: title, program.graph)
    }

    static func lesson(path: String) throws(TargetError) -> Subject {
        switch SourceFile.read(path: path) {
        case .failure(let diagnostic): throw TargetError(diagnostics: [diagnostic])
        case .success(let text):
            let (lesson, diagnostics) = LessonLoader.load(text: text, file: path)
            guard let lesson else { throw TargetError(diagnostics: diagnostics.filter(\.isError)) }
            return .lesson(lesson)
        }
    }

    /// `lessons/NAME.yaml` in the working directory or beside the executable's package.
    static func bundledLessonPath(_ name: String) -> String? {
        guard !name.contains("/"), !name.isEmpty else { return nil }
        var directories = [FileManager.default.currentDirectoryPath]
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<5 {
            executable.deleteLastPathComponent()
            directories.append(executable.path)
        }
        for directory in directories {
            let path = directory + "/lessons/" + name + ".yaml"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}

/// Why a target cannot be opened.
struct TargetError: Error {
    let diagnostics: [Diagnostic]
}
