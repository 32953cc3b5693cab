import Foundation
import Testing

/// The lesson commands through the real binary: `backprop lessons`, `check` and `eval` with
/// lessons given by name from another directory and by path.
@Suite struct LessonCommandTests {
    static let root = BackpropBinary.packageRoot

    /// Runs the binary in `directory` (not the package root, to show the lessons are
    /// found from anywhere).
    static func run(_ arguments: [String], in directory: URL = FileManager.default.temporaryDirectory) throws -> ProcessResult {
        try runBackprop(arguments, in: directory)
    }

    @Test func lessonsListsThemInTeachingOrder() throws {
        let result = try Self.run(["lessons"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("NAME               TITLE"))
        #expect(lines[0].contains("NEEDS FIRST"))
        let groups = ["The chain rule", "Neurons", "Losses", "Networks", "Training"]
        #expect(lines.filter(groups.contains) == groups)
        #expect(lines.dropFirst().filter { !groups.contains($0) }.map { String($0.prefix { $0 != " " }) }
            == ["chain-rule", "partials", "chains", "sigmoid-neuron", "perceptron", "linear-regression", "bce-neuron", "softmax", "xor", "two-layer-relu", "polynomial-fit", "mistakes"])
        #expect(lines[1] == "The chain rule")
        #expect(lines[2].hasPrefix("chain-rule         The chain rule, one gate at a time"))
        #expect(lines[2].hasSuffix("-                           004 \"Backpropagation: a simple example\""))
        #expect(lines.contains { $0.hasPrefix("xor ") && $0.contains("perceptron, sigmoid-neuron") })
    }

    @Test func checkPassesEveryFileInLessons() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("lessons").path)
            .sorted().map { "lessons/\($0)" }
        #expect(files.contains("lessons/README.md"))
        let result = try runBackprop(["check"] + files)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\n").count == files.count)
        #expect(result.stdout.contains("lessons/xor.yaml: ok: lesson 'xor', 2 parts, 15 expected values hold\n"))
    }

    @Test func checkByNameFromAnotherDirectory() throws {
        let result = try Self.run(["check", "chain-rule", "softmax"])
        #expect(result.status == 0)
        let path = Self.root.appendingPathComponent("lessons").path
        #expect(result.stdout == """
            \(path)/chain-rule.yaml: ok: lesson 'chain-rule', 1 part, 7 expected values hold
            \(path)/softmax.yaml: ok: lesson 'softmax', 2 parts, 25 expected values hold

            """)
    }

    @Test func aChangedExpectedValueFailsWithFileAndLine() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("lessons/chain-rule.yaml"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: "  - x.grad = -4\n", with: "  - x.grad = 4\n")
        let line = changed.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  - x.grad = 4" }.map { $0 + 1 }
        let directory = URL(fileURLWithPath: try temporaryFile(named: "changed.yaml", changed)).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(["check", "changed.yaml"], in: directory)
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "changed.yaml:\(try #require(line)):5: error: expected x.grad = 4, got -4\n")
    }

    @Test func evalOfALessonByName() throws {
        let result = try Self.run(["eval", "chain-rule"])
        #expect(result.status == 0)
        #expect(result.stdout == chainRuleTable)
    }

    @Test func anUnknownLessonNameListsTheBundledOnes() throws {
        let result = try Self.run(["eval", "xro"])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "xro: error: no such file, and no bundled lesson of that name; the bundled lessons are: chain-rule, partials, chains, sigmoid-neuron, perceptron, linear-regression, bce-neuron, softmax, xor, two-layer-relu, polynomial-fit, mistakes\n")
    }
}
