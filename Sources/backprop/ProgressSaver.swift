import Foundation
import Lessons
import Records
import Tutor

/// Keeps one lesson session's progress on disk: started from the stored record, told of
/// every state, it writes when something worth keeping changed and once at the end.
struct ProgressSaver {
    let store: ProgressStore
    let key: String
    var keeper: ProgressKeeper
    /// The first failure to save, told once the terminal is restored.
    private(set) var failure: String?
    /// What the file holds for the lesson, as far as this session knows, and when it was
    /// written.
    private var saved: LessonProgress?
    private var lastSave: ContinuousClock.Instant?

    init(store: ProgressStore, key: String, base: LessonProgress?, partCount: Int) {
        self.store = store
        self.key = key
        keeper = ProgressKeeper(base: base, partCount: partCount)
        saved = base
    }

    /// The saver for `lesson`, opened as `target` (nil when saving is off); a stored file
    /// that had to be moved aside is reported now, before the screen is taken.
    static func forLesson(_ lesson: Lesson, named target: String, variant: Int? = nil,
                          store: ProgressStore? = .standard()) -> ProgressSaver? {
        guard let store else { return nil }
        let (book, warning) = store.load()
        if let warning { Output.errorLine(warning) }
        // A variant's progress is its own: its steps are the same, its numbers are not.
        let key = ProgressStore.key(opened: target) + (variant.map { " --variant \($0)" } ?? "")
        return ProgressSaver(store: store, key: key, base: book.lessons[key], partCount: lesson.parts.count)
    }

    /// Takes in the state after an input and writes the record when something worth
    /// keeping changed at once (a part, a finish, a quiz answer), or a step when the last
    /// write is `interval` old — so a closed window or a kill loses at most that much.
    mutating func observe(_ state: TutorState, interval: Duration = .seconds(1)) {
        let important = keeper.observe(state)
        guard keeper.record != saved else { return }
        if important || lastSave.map({ $0.duration(to: .now) >= interval }) ?? true { save() }
    }

    mutating func save() {
        guard keeper.record != saved else { return }
        if let message = store.save(keeper.record, for: key) {
            if failure == nil { failure = message }
        } else {
            saved = keeper.record
        }
        lastSave = .now
    }
}
