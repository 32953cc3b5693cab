import Foundation
import Testing

/// `--variant N` from the command line: the teacher's answer key (`eval --json`), the
/// student's screen (status line "variant N", the quiz on the variant's numbers), and
/// what it refuses.
@Suite struct VariantCommandTests {
    @Test func theAnswerKeyIsTheSameOnEveryRun() throws {
        let first = try runBackprop(["eval", "chain-rule", "--variant", "7", "--json"])
        let second = try runBackprop(["eval", "chain-rule", "--variant", "7", "--json"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let nodes = json?["nodes"] as? [[String: Any]] ?? []
        let x = nodes.first { $0["name"] as? String == "x" }
        #expect(x?["value"] as? Double == -2.8 && x?["grad"] as? Double == -4.9)
        let other = try runBackprop(["eval", "chain-rule", "--variant", "8", "--json"])
        #expect(other.stdout != first.stdout)
    }

    @Test func theScreenSaysWhichVariant() throws {
        let screen = try runBackprop(["render", "chain-rule", "--variant", "7", "--step", "4"])
        #expect(screen.status == 0)
        #expect(screen.stdout.split(separator: "\n")[0].hasSuffix("variant 7 · backward pass · step 4/8"))
        #expect(screen.stdout.contains("∂f/∂q = ∂f/∂f · local = 1 · (−4.9) = −4.9"))
        // A page quoting the slide's numbers says so.
        let page = try runBackprop(["render", "chain-rule", "--variant", "7", "--step", "0"])
        #expect(page.stdout.contains("Variant 7: the numbers below are the"))
        // The quiz asks for the variant's numbers.
        let quiz = try runBackprop(["play", "chain-rule", "--variant", "7", "--quiz", "--keys", "→ →"], environment: ["COLUMNS": "100"])
        #expect(quiz.stdout.contains("Forward: q = x + y = −2.8 + 6.4 = ?"))
    }

    @Test func whatItRefuses() throws {
        let graph = try runBackprop(["eval", "examples/chain-rule.graph", "--variant", "3"])
        #expect(graph.status == 1 && graph.stderr.contains("--variant draws new numbers for a lesson; this is a graph file"))
        let zero = try runBackprop(["learn", "chain-rule", "--variant", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--variant takes a number from 1 to 1000000; got 0"))
    }
}
