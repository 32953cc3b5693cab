import Foundation
import Tutor

/// Where a student's progress is kept between sessions, and how it is written so that it
/// is never left half-written: `$XDG_STATE_HOME/backprop/progress.json` (by default
/// `~/.local/state/backprop/progress.json`), one record per lesson.
///
/// - A save writes a temporary file beside it and renames it over the old one (rename is
///   atomic), so Ctrl-C, a kill or a full disk leaves the old file or the new one.
/// - Two instances at once: each save re-reads the file and replaces only its own lesson's
///   record, under an exclusive lock (`progress.json.lock`), so the last writer wins per
///   lesson and no save undoes another lesson's.
/// - A file that is unreadable, of another version or corrupt is moved aside to
///   `progress.json.bak`, with a one-line warning, and the student starts fresh.
public struct ProgressStore: Sendable {
    /// The file's format; a file of another version is moved aside, not misread.
    public static let version = 1

    /// The whole file: every lesson's record, by lesson (a bundled lesson's name, or the
    /// absolute path of a lesson file).
    public struct Book: Codable, Equatable, Sendable {
        public var version = ProgressStore.version
        public var lessons: [String: LessonProgress] = [:]
        public init() {}
    }

    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    /// A lesson's key in the book: a bundled lesson's name (`xor`, however it was found),
    /// else the absolute path of its file.
    public static func key(opened target: String) -> String {
        guard target.contains("/") || target.hasSuffix(".yaml") || target.hasSuffix(".yml") else { return target }
        return URL(fileURLWithPath: target).standardizedFileURL.path
    }

    public var backup: URL { file.appendingPathExtension("bak") }
    private var lockFile: URL { file.appendingPathExtension("lock") }

    /// The store for this environment, or nil when saving is off (`BACKPROP_NO_STATE=1`).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore? {
        if let off = environment["BACKPROP_NO_STATE"], !off.isEmpty, off != "0" { return nil }
        return ProgressStore(file: directory(environment: environment).appendingPathComponent("progress.json"))
    }

    /// `$XDG_STATE_HOME/backprop`, or `~/.local/state/backprop` (the XDG base directory
    /// specification ignores a relative `XDG_STATE_HOME`).
    public static func directory(environment: [String: String]) -> URL {
        BaseDirectory.backprop("XDG_STATE_HOME", fallback: ".local/state", environment: environment)
    }

    /// The book on disk (empty when there is none), and a warning when the file had to be
    /// moved aside.
    public func load() -> (book: Book, warning: String?) {
        withLock { readBook() }
    }

    /// Replaces `key`'s record with `record`, keeping every other lesson's as the file has
    /// it now. Returns a message when the file could not be written (the old one stays).
    public func save(_ record: LessonProgress, for key: String) -> String? {
        withLock {
            var (book, _) = readBook()
            book.lessons[key] = record
            return write(book)
        }
    }

    /// Forgets one lesson's record, or all of them.
    public func reset(_ key: String?) -> String? {
        withLock {
            var (book, _) = readBook()
            if let key { book.lessons[key] = nil } else { book.lessons = [:] }
            return write(book)
        }
    }

    // MARK: Reading and writing

    private func readBook() -> (book: Book, warning: String?) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            // No file yet, or one that cannot be opened at all.
            guard FileManager.default.fileExists(atPath: file.path) else { return (Book(), nil) }
            return (Book(), moveAside(because: "it cannot be read"))
        }
        do {
            let book = try JSONDecoder().decode(Book.self, from: data)
            guard book.version == Self.version else {
                return (Book(), moveAside(because: "it is of version \(book.version), this backprop writes version \(Self.version)"))
            }
            return (book, nil)
        } catch {
            return (Book(), moveAside(because: "it is not a progress file this backprop can read"))
        }
    }

    private func moveAside(because reason: String) -> String {
        let manager = FileManager.default
        // An earlier backup stays: the next free name is progress.json.bak, .bak.2, .bak.3 …
        let target = ([backup] + (2...1000).map { backup.appendingPathExtension(String($0)) })
            .first { !manager.fileExists(atPath: $0.path) } ?? backup
        do {
            try manager.moveItem(at: file, to: target)
            return "backprop: \(file.path): \(reason); moved it aside to \(target.lastPathComponent) and started fresh"
        } catch {
            return "backprop: \(file.path): \(reason), and it could not be moved aside; starting fresh"
        }
    }

    /// Writes the book to a temporary file beside the real one, flushes it, and renames it
    /// over the real one.
    private func write(_ book: Book) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            let data = try encoder.encode(book)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                return "backprop: cannot save progress in \(file.deletingLastPathComponent().path)"
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            guard rename(temporary.path, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return "backprop: cannot save progress to \(file.path): \(reason)"
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let directory = file.deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            let reason = !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || isDirectory.boolValue
                ? "the directory \(directory) cannot be created or written"
                : "\(directory) is a file, not a directory"
            return "backprop: cannot save progress to \(file.path): \(reason)"
        }
    }

    /// Runs `body` holding an exclusive lock on `progress.json.lock` (without one, e.g. a
    /// read-only directory, it runs anyway: reads stay whole thanks to the rename).
    private func withLock<T>(_ body: () -> T) -> T {
        try? FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(lockFile.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return body()
    }
}

