import Foundation

/// Finds lessons by name or path, from any working directory.
///
/// `backprop learn xor` must work wherever it is run, also as `.build/release/backprop`
/// from another directory or as a binary copied elsewhere, so lessons are looked up in this
/// order:
/// 1. the argument as a path, if such a file exists;
/// 2. `NAME.yaml` in a `lessons` directory: `$BACKPROP_LESSONS`, next to the executable
///    (`bin/lessons`, `bin/../share/backprop/lessons`), or the source tree this file was
///    compiled from (found through `#filePath`), so edits show up without a rebuild;
/// 3. the texts compiled into the binary (`BundledLessonTexts`: SwiftPM embeds `lessons/`
///    as code, `.embedInCode`, so no resource bundle has to travel with the binary).
/// Nothing here can stop the program: a lesson that is not found is a diagnostic listing
/// the bundled names.
public struct LessonLibrary: Sendable {
    /// Directories searched for `NAME.yaml`, in order.
    public var directories: [String]

    /// A library searching `directories`, then the compiled-in texts.
    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard search path described above, for the running executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonLibrary {
        var directories: [String] = []
        if let custom = environment["BACKPROP_LESSONS"], !custom.isEmpty { directories.append(custom) }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = executable.deletingLastPathComponent()
            directories.append(bin.appendingPathComponent("lessons").path)
            directories.append(bin.appendingPathComponent("../share/backprop/lessons").standardized.path)
        }
        directories.append(sourceTreeLessons)
        return LessonLibrary(directories: directories)
    }

    /// `lessons/` at the root of the source tree this file was compiled from.
    public static let sourceTreeLessons: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Library
        .deletingLastPathComponent()  // Lessons
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // the package root
        .appendingPathComponent("lessons").path

    /// The names of the lessons compiled into the binary, in the order `backprop lessons`
    /// lists them: the course's order (`course`), then any others by name.
    public static var bundledNames: [String] {
        let order = course?.names ?? []
        let names = BundledLessonTexts.all.map(\.name)
        return order.filter(names.contains) + names.filter { !order.contains($0) }.sorted()
    }

    /// The name `course.yaml` would have as a lesson, which no lesson may take.
    static let courseName = LessonLoader.defaultName(Course.fileName)

    /// The course compiled into the binary (`lessons/course.yaml`): the bundled lessons'
    /// teaching order, groups and needs. `nil` only if that file does not load, which a
    /// test rules out.
    public static let course: Course? = Course.load(text: BundledLessonTexts.course, file: Course.fileName,
                                                   lessons: BundledLessonTexts.all.map(\.name)).course

    /// The text of a bundled lesson as compiled into the binary.
    public static func compiledText(of name: String) -> String? {
        BundledLessonTexts.all.first { $0.name == name }?.text
    }

    /// Finds a lesson by path or name: its text and the file name diagnostics should use.
    public func locate(_ argument: String) -> Result<LessonText, Diagnostic> {
        // Any existing path is read as given: SourceFile says so if it is a directory.
        if FileManager.default.fileExists(atPath: argument) {
            return SourceFile.read(path: argument).map { LessonText(name: LessonLoader.defaultName(argument), file: argument, text: $0) }
        }
        let name = LessonLoader.defaultName(argument)
        let looksLikeName = !argument.contains("/") && Self.isLessonName(name)
        // `course.yaml` beside the lessons orders them; it is not one.
        if looksLikeName && name != Self.courseName {
            if let path = lessonFile(named: name) {
                return SourceFile.read(path: path).map { LessonText(name: name, file: path, text: $0) }
            }
            if let text = Self.compiledText(of: name) {
                return .success(LessonText(name: name, file: "\(name).yaml (bundled)", text: text))
            }
        }
        return .failure(.error(
            file: argument, at: .wholeFile,
            "no such file, and no bundled lesson of that name; the bundled lessons are: \(Self.bundledNames.joined(separator: ", "))"))
    }

    /// Whether `argument` should be read as a lesson (a `.yaml`/`.yml` file or a bundled
    /// name) rather than as a graph file.
    public func isLesson(_ argument: String) -> Bool {
        if argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") { return true }
        let manager = FileManager.default
        if manager.fileExists(atPath: argument) || argument.contains("/") { return false }
        // A bare word that is not a file is meant as a lesson name; if it is none, the
        // error lists the names there are.
        if !argument.contains(".") { return true }
        return lessonFile(named: argument) != nil
    }

    /// Lesson names are words joined by `-`: `chain-rule`.
    private static func isLessonName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// The first `NAME.yaml` that exists in `directories`.
    private func lessonFile(named name: String) -> String? {
        directories.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent("\(name).yaml").path }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Locates and loads a lesson: every diagnostic from finding, reading and loading it.
    public func load(_ argument: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        switch locate(argument) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let found): return LessonLoader.load(text: found.text, file: found.file, name: found.name)
        }
    }

    /// Locates, loads and checks a lesson, as `backprop check` does.
    public func check(_ argument: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let (lesson, diagnostics) = load(argument)
        guard let lesson else { return (nil, diagnostics) }
        return (lesson, diagnostics + LessonChecker.check(lesson))
    }
}

/// A lesson's text and where it came from.
public struct LessonText: Sendable, Equatable {
    public var name: String
    /// The path diagnostics print (a bundled text without a file says so).
    public var file: String
    public var text: String
}
