import Foundation
import Records
import Testing
import Tutor

/// The progress file: where it is, what it holds, and that nothing leaves it torn or
/// silently lost (a corrupt file, another version, two writers, a failed write).
@Suite struct ProgressStoreTests {
    /// A store in a fresh temporary directory.
    func temporaryStore() throws -> ProgressStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backprop-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return ProgressStore(file: directory.appendingPathComponent("progress.json"))
    }

    let xor = LessonProgress(part: 1, step: 14, stepsInPart: 410_000, partCount: 2, finishedParts: [0],
                             quiz: ["0": QuizScore(firstTry: 2, secondTry: 1, missed: 1)])

    @Test func whereItIs() {
        let home = ["HOME": "/home/ada"]
        #expect(ProgressStore.standard(environment: home)?.file.path == "/home/ada/.local/state/backprop/progress.json")
        #expect(ProgressStore.standard(environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "/var/state"])?.file.path
            == "/var/state/backprop/progress.json")
        // The XDG specification ignores a relative path.
        #expect(ProgressStore.standard(environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "state"])?.file.path
            == "/home/ada/.local/state/backprop/progress.json")
        #expect(ProgressStore.standard(environment: ["HOME": "/home/ada", "BACKPROP_NO_STATE": "1"]) == nil)
        #expect(ProgressStore.standard(environment: ["HOME": "/home/ada", "BACKPROP_NO_STATE": "0"]) != nil)
        #expect(ProgressStore.key(opened: "xor") == "xor")
        #expect(ProgressStore.key(opened: "/tmp/a/../my.yaml") == "/tmp/my.yaml")
    }

    @Test func savesAndReadsBack() throws {
        let store = try temporaryStore()
        #expect(store.load().book == ProgressStore.Book())  // no file yet: nothing kept
        #expect(store.save(xor, for: "xor") == nil)
        let (book, warning) = store.load()
        #expect(warning == nil)
        #expect(book.version == 1 && book.lessons == ["xor": xor])
        #expect(xor.summary == "part 2 of 2, step 14 of 410000 · 1 part done" && xor.quizSummary == "quiz 3/4" && !xor.isFinished)
        // The file is JSON a script can read.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: store.file)) as? [String: Any]
        #expect(json?["version"] as? Int == 1)
        // No temporary file is left beside it.
        let left = try FileManager.default.contentsOfDirectory(atPath: store.file.deletingLastPathComponent().path)
        #expect(Set(left) == ["progress.json", "progress.json.lock"])
    }

    @Test func aSaveKeepsTheOtherLessonsAndResetForgets() throws {
        let store = try temporaryStore()
        let chain = LessonProgress(part: 0, step: 8, stepsInPart: 8, partCount: 1, finishedParts: [0])
        #expect(store.save(xor, for: "xor") == nil && store.save(chain, for: "chain-rule") == nil)
        var moved = xor
        moved.step = 20
        #expect(store.save(moved, for: "xor") == nil)
        #expect(store.load().book.lessons == ["xor": moved, "chain-rule": chain])
        #expect(chain.isFinished && chain.summary == "✓ finished" && chain.quizSummary == nil)
        #expect(store.reset("xor") == nil)
        #expect(store.load().book.lessons == ["chain-rule": chain])
        #expect(store.reset(nil) == nil)
        #expect(store.load().book.lessons.isEmpty)
    }

    @Test(arguments: ["{ not json", #"{"version": 2, "lessons": {}}"#, #"{"version": 1, "lessons": {"xor": {"part": "two"}}}"#, "\u{FF}\u{FE}"])
    func anUnreadableFileIsMovedAsideNotLost(_ text: String) throws {
        let store = try temporaryStore()
        try Data(text.utf8).write(to: store.file)
        let (book, warning) = store.load()
        #expect(book == ProgressStore.Book())
        #expect(warning?.hasPrefix("backprop: \(store.file.path): ") == true)
        #expect(warning?.hasSuffix("moved it aside to progress.json.bak and started fresh") == true)
        #expect(try Data(contentsOf: store.backup) == Data(text.utf8))  // kept, for a look
        #expect(!FileManager.default.fileExists(atPath: store.file.path))
        // Saving afterwards starts a new, good file.
        #expect(store.save(xor, for: "xor") == nil)
        #expect(store.load() == (ProgressStore.Book(lessons: ["xor": xor]), nil))
        // A second bad file does not overwrite the first backup.
        try Data("again".utf8).write(to: store.file)
        #expect(store.load().warning?.hasSuffix("moved it aside to progress.json.bak.2 and started fresh") == true)
        #expect(try Data(contentsOf: store.backup) == Data(text.utf8))
    }

    @Test func aFailedWriteLeavesTheOldFile() throws {
        // The directory cannot be created: a file stands where it should be.
        let blocker = try temporaryStore().file
        try Data("x".utf8).write(to: blocker)
        let store = ProgressStore(file: blocker.appendingPathComponent("progress.json"))
        let message = store.save(xor, for: "xor")
        #expect(message == "backprop: cannot save progress to \(store.file.path): \(blocker.path) is a file, not a directory")
        #expect(store.load().book == ProgressStore.Book())
    }

    /// Writers at once (as two terminals would be), each with its own lesson: every
    /// lesson's last record is there, and the file always parses.
    @Test func writersAtOnceNeverTearTheFile() throws {
        let file = try temporaryStore().file
        let lessons = (0..<8).map { "lesson-\($0)" }
        DispatchQueue.concurrentPerform(iterations: lessons.count) { index in
            let store = ProgressStore(file: file)  // each writer opens the file itself
            for step in 1...25 {
                let record = LessonProgress(part: 0, step: step, stepsInPart: 25, partCount: 1)
                _ = store.save(record, for: lessons[index])
                #expect(store.load().warning == nil)
            }
        }
        let book = ProgressStore(file: file).load().book
        #expect(book.lessons.count == lessons.count)
        #expect(book.lessons.values.allSatisfy { $0.step == 25 })
    }
}

extension ProgressStore.Book {
    init(lessons: [String: LessonProgress]) {
        self.init()
        self.lessons = lessons
    }
}
