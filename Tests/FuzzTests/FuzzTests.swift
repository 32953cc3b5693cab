import Autograd
import Foundation
import Lessons
import Screen
import Testing
import Tutor

/// A seeded fuzz campaign over the graph language and lesson files, run by `swift test`:
/// each case is a bundled lesson or example graph broken in a few random ways (a byte
/// deleted, inserted or replaced by a control character, a digit, an operator, a colon,
/// a tab, a huge number or `nan`; a line doubled or dropped; the text cut short). Every
/// case must come back as a program or as diagnostics — no crash — and the ones that load
/// are opened in the tutor and drawn for a few steps. Each case is timed and the process's
/// resident memory is read, so a hang or a blow-up fails the case instead of the machine.
@Suite struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seeds(in folder: String, ending: String) throws -> [String] {
        let url = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(ending) }.sorted()
            .map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Pieces a mutation inserts: what breaks parsers and numbers.
    static let pieces = ["\u{0}", "\u{1}", "\u{1B}[31m", "\t", "\r", "\n", ":", "#", "=", "(", ")", "*", "^", "-", "1e400",
                         "nan", "9223372036854775807", "ξ", "∂", "  ", "- ", "|", "\"", "'", "max(", "sum(", ",", "epochs: 99999999",
                         "view: flow\n"]

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        for _ in 0..<(1 + Int(random.next() % 4)) {
            guard !characters.isEmpty else { break }
            let at = Int(random.next() % UInt64(characters.count))
            switch random.next() % 6 {
            case 0: characters.remove(at: at)
            case 1: characters.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
            case 2: characters[at] = Character(UnicodeScalar(UInt8(random.next() % 128)))
            case 3:  // a line doubled
                let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                let k = Int(random.next() % UInt64(lines.count))
                characters = Array((lines[...k] + [lines[k]] + lines[(k + 1)...]).joined(separator: "\n"))
            case 4:  // a line dropped
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                lines.remove(at: Int(random.next() % UInt64(lines.count)))
                characters = Array(lines.joined(separator: "\n"))
            default: characters = Array(characters.prefix(at))
            }
        }
        return String(characters)
    }

    /// Resident memory in bytes (Linux), 0 where unknown.
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * 4096
    }

    /// Opens a loaded lesson's first part in the tutor and draws its first steps, its end,
    /// and its end in the other view at a small size.
    static func exercise(_ lesson: Lesson) {
        guard var state = try? TutorState(subject: .lesson(lesson), theme: .monochrome(), size: Size(width: 80, height: 24))
        else { return }
        for _ in 0..<6 {
            _ = view(state)
            state.apply(.next)
        }
        state.apply(.toEnd)
        _ = view(state)
        // The other view of the graph (a flow diagram where it has neurons), at a small size.
        state.apply(.toggleGraphView)
        state.receive(.resize(Size(width: 60, height: 16)))
        _ = view(state)
    }

    struct Outcome {
        var cases = 0, loaded = 0
        var slowest = 0.0
        var failures: [String] = []
    }

    static func run(_ texts: [String], cases: Int, seed: UInt64, load: (String) -> Bool) -> Outcome {
        var random = SplitMix64(seed: seed)
        var outcome = Outcome()
        let baseline = residentBytes()
        for index in 0..<cases {
            let text = mutate(texts[index % texts.count], &random)
            let start = Date()
            if load(text) { outcome.loaded += 1 }
            let seconds = Date().timeIntervalSince(start)
            outcome.cases += 1
            outcome.slowest = max(outcome.slowest, seconds)
            if seconds > 5 { outcome.failures.append("case \(index) took \(seconds) s:\n\(text)") }
            let grown = residentBytes() - baseline
            if grown > 400_000_000 { outcome.failures.append("case \(index) grew the process by \(grown / 1_000_000) MB:\n\(text)") }
        }
        return outcome
    }

    @Test func graphFiles() throws {
        let seeds = try Self.seeds(in: "examples", ending: ".graph")
        let outcome = Self.run(seeds, cases: 20_000, seed: 2026) { text in
            let (program, diagnostics) = GraphParser.parse(text, file: "fuzz.graph")
            _ = diagnostics.map(\.description)
            guard var graph = program?.graph, graph.output != nil else { return false }
            graph.run()
            return true
        }
        #expect(outcome.cases == 20_000 && outcome.loaded > 0)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(3).joined(separator: "\n---\n"))")
    }

    @Test func lessonFiles() throws {
        let seeds = try Self.seeds(in: "lessons", ending: ".yaml")
        let outcome = Self.run(seeds, cases: 2_000, seed: 7) { text in
            let (lesson, diagnostics) = LessonLoader.load(text: text, file: "fuzz.yaml")
            _ = diagnostics.map(\.description)
            guard let lesson else { return false }
            _ = LessonChecker.check(text: text, file: "fuzz.yaml")
            Self.exercise(lesson)
            return true
        }
        #expect(outcome.cases == 2_000 && outcome.loaded > 0)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(3).joined(separator: "\n---\n"))")
    }
}
