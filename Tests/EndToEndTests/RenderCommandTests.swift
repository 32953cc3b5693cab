import Foundation
import Testing

/// `backprop render`: frames as plain text, through the real binary.
@Suite struct RenderCommandTests {
    @Test func allFramesUnderHeaders() throws {
        let result = try runBackprop(["render", "examples/chain-rule.graph", "--all", "--width", "80", "--height", "24"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("=== frame ") }
        #expect(headers.count == 9)
        #expect(headers.first == "=== frame 0/8: start ===")
        #expect(headers.last == "=== frame 8/8: after backward: x collects its gradient ===")
        #expect(!result.stdout.contains("\u{1b}"))
    }

    @Test func oneStepIsDeterministic() throws {
        let a = try runBackprop(["render", "chain-rule", "--step", "5"])
        let b = try runBackprop(["render", "chain-rule", "--step", "5"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let lines = a.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 31)  // 30 rows and the final newline
        #expect(lines[0] == " backprop · The chain rule, one gate at a time                             backward pass · step 5/8")
    }

    @Test func asciiOnRequest() throws {
        let result = try runBackprop(["render", "examples/chain-rule.graph", "--ascii"])
        #expect(result.status == 0)
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(result.stdout.contains("Right next  Left back"))
    }

    @Test func mistakes() throws {
        let past = try runBackprop(["render", "examples/chain-rule.graph", "--step", "9"])
        #expect(past.status == 1)
        #expect(past.stderr == "error: --step 9 is past the end: examples/chain-rule.graph has 8 steps (0 is the start)\n")
        let both = try runBackprop(["render", "examples/chain-rule.graph", "--step", "2", "--all"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: give either --step N or --all, not both"))
        let missing = try runBackprop(["render", "no-such-lesson"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("no-such-lesson: error: no such file, and no bundled lesson of that name"))
    }
}
