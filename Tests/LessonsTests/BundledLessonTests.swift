import Foundation
import Testing
@testable import Lessons

@Suite struct BundledLessonTests {
    /// The course's order (lessons/course.yaml).
    static let names = ["chain-rule", "partials", "chains", "sigmoid-neuron", "perceptron", "linear-regression", "bce-neuron", "softmax", "xor", "two-layer-relu", "polynomial-fit", "mistakes"]

    @Test func theLessonsAreBundledInTheCoursesOrder() {
        #expect(LessonLibrary.bundledNames == Self.names)
        #expect(LessonLibrary.course?.names == Self.names)
        #expect(LessonLibrary.course?.groups.map(\.title) == ["The chain rule", "Neurons", "Losses", "Networks", "Training"])
    }

    @Test func theCompiledInCourseIsTheFileOnDisk() throws {
        // SwiftPM embeds lessons/ through the link Sources/Lessons/Bundled: this fails if the link is broken.
        #expect(BundledLessonTexts.course == (try lessonText("course")))
    }

    @Test(arguments: names)
    func everyBundledLessonPassesCheck(name: String) throws {
        let messages = checkMessages(try lessonText(name), file: "lessons/\(name).yaml")
        #expect(messages == [])
        let lesson = try loadLesson(name)
        #expect(lesson.expectationCount >= 7)
        #expect(!lesson.title.isEmpty && !lesson.summary.isEmpty && !lesson.sources.isEmpty)
    }

    /// No expectation is vacuous: each one holds, and moving its number by 1 (or flipping
    /// an inequality's side) makes it fail.
    @Test(arguments: names)
    func everyExpectationCanFail(name: String) throws {
        let lesson = try loadLesson(name)
        for part in lesson.parts {
            for expectation in part.expectations {
                let got = try LessonChecker.measure(expectation, in: part, file: lesson.file).get()
                #expect(expectation.holds(for: got), "\(expectation.text)")
                var moved = expectation
                switch expectation.relation {
                case .equal: moved.expected += 1
                case .less, .lessOrEqual: moved.expected = got - 1
                case .greater, .greaterOrEqual: moved.expected = got + 1
                }
                #expect(!moved.holds(for: got), "\(expectation.text)")
            }
        }
    }

    @Test(arguments: names)
    func theCompiledInTextIsTheFileOnDisk(name: String) throws {
        #expect(LessonLibrary.compiledText(of: name) == (try lessonText(name)))
    }

    /// The table in BundledLessonTexts names every lesson file (add a new lesson's line there).
    @Test func everyLessonFileIsCompiledIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)
            .filter { $0.hasSuffix(".yaml") && $0 != Course.fileName }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == LessonLibrary.bundledNames.sorted())
    }

    @Test func aNameIsFoundInTheSourceTreeFromAnyDirectory() throws {
        let library = LessonLibrary(directories: [LessonLibrary.sourceTreeLessons])
        let found = try library.locate("xor").get()
        #expect(found.file == lessonsDirectory.appendingPathComponent("xor.yaml").path)
        #expect(found.text == (try lessonText("xor")))
    }

    @Test func withoutALessonsDirectoryTheCompiledInTextIsUsed() throws {
        let library = LessonLibrary(directories: ["/nonexistent/lessons"])
        let found = try library.locate("softmax").get()
        #expect(found.file == "softmax.yaml (bundled)")
        #expect(library.load("softmax").lesson?.title == "Softmax and cross-entropy")
    }

    @Test func anUnknownNameListsTheBundledLessons() {
        let library = LessonLibrary(directories: ["/nonexistent/lessons"])
        #expect(library.load("xro").diagnostics.map(\.description) == [
            "xro: error: no such file, and no bundled lesson of that name; the bundled lessons are: chain-rule, partials, chains, sigmoid-neuron, perceptron, linear-regression, bce-neuron, softmax, xor, two-layer-relu, polynomial-fit, mistakes",
        ])
    }

    @Test func aDirectoryNamedLikeALessonIsReportedAsADirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-dir-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("xor.yaml").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(LessonLibrary(directories: []).load(path).diagnostics.map(\.description) == ["\(path): error: is a directory, not a file"])
    }

    @Test func aPathIsReadAsAFile() throws {
        let library = LessonLibrary(directories: [])
        let path = lessonsDirectory.appendingPathComponent("chain-rule.yaml").path
        let (lesson, diagnostics) = library.load(path)
        #expect(diagnostics.isEmpty)
        #expect(lesson?.name == "chain-rule")
        #expect(lesson?.file == path)
    }

    @Test func theGuidesExamplePassesCheck() throws {
        let guide = try String(contentsOf: lessonsDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = LessonMarkdown.lessonBlocks(in: guide)
        #expect(blocks.count == 1)
        let (lessons, diagnostics) = LessonMarkdown.check(markdown: guide, file: "lessons/README.md")
        #expect(diagnostics.map(\.description) == [])
        let example = try #require(lessons.first)
        #expect(example.title == "A value used twice")
        #expect(example.expectationCount == 4)
        let graph = example.parts[0].evaluated()
        #expect(graph.grad("x") == -1)
    }

    @Test func aBrokenGuideExampleIsReportedAtItsLineInTheGuide() throws {
        let guide = try String(contentsOf: lessonsDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let broken = guide.replacingOccurrences(of: "  - x.grad = -1\n", with: "  - x.grad = -2\n")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "  - x.grad = -2" }.map { $0 + 1 } ?? 0
        #expect(LessonMarkdown.check(markdown: broken, file: "README.md").diagnostics.map(\.description) == [
            "README.md:\(line):5: error: expected x.grad = -2, got -1",
        ])
    }
}
