import Foundation
import Testing

/// `play`, `render --markdown` and bare `backprop` through the real binary without a
/// terminal: the frames and the handout are compared with golden files
/// (Tests/Fixtures; `Scripts/update-classroom-goldens.sh` rewrites them after a deliberate change).
@Suite struct ClassroomCommandTests {
    @Test func playWithoutATerminalPrintsTheGoldenFrames() throws {
        let result = try runBackprop(["play", "chain-rule"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        expectSame(result.stdout, try golden("play-chain-rule.txt"), "play chain-rule")
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("=== ") }
        // Nine steps' screens and the lesson's three pages: the opening, before the backward
        // pass, the closing.
        #expect(headers.count == 12)
        #expect(headers.filter { $0.hasSuffix("; the lesson's page ===") }.count == 3)
        #expect(headers.last == "=== step 8/8: after backward: x's gradient is complete; the lesson's page ===")
        #expect(result.stdout.contains("▶ every 3 s"))
    }

    @Test func playAKeyScriptWithoutATerminal() throws {
        let result = try runBackprop(["play", "chain-rule", "--keys", "→ ×4, pause 1, ←, v, q"])
        #expect(result.status == 0)
        expectSame(result.stdout, try golden("play-chain-rule-keys.txt"), "play chain-rule --keys")
        #expect(result.stdout.contains("Gradient check: ∂f/∂f"))
    }

    @Test func aQuizAnsweredByTheKeyScript() throws {
        // The first → turns the opening page; the second asks.
        let result = try runBackprop(["play", "chain-rule", "--quiz", "--keys", "→ → type 5 enter type 3 enter q"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("✗ Not 5."))
        #expect(result.stdout.contains("Hint: add the inputs."))
        #expect(result.stdout.contains("✓ Right: 3. q = x + y = −2 + 5 = 3"))
        #expect(result.stdout.contains("score 1/1 (0 at the first try)"))
    }

    @Test func playXorLearnsTheDecisionMapChanging() throws {
        // As a lecture hall's 100-column terminal prints it (plain output takes COLUMNS).
        let result = try runBackprop(["play", "xor", "--autoplay", "2"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let frames = result.stdout.components(separatedBy: "\n=== ")
        #expect(frames.count == 127)  // with the lessons' six pages
        #expect(result.stdout.contains("f over x1→ x2↑ · epoch 50 "))
        // (Beside the trained net the chart's title gives up "epoch", which its axis says.)
        #expect(result.stdout.contains("loss 0.00115 · 2000/2000"))
        #expect(result.stdout.contains("▶ every 2 s"))
        // The map at epoch 0 and at epoch 2000 differ: it changes as the network learns.
        let maps = frames.filter { $0.contains("f over x1→ x2↑ · epoch") }
        #expect(Set(maps.map { $0.split(separator: "\n").dropFirst(3).prefix(8).map { $0.suffix(38) } }).count > 10)
    }

    @Test func theMarkdownHandoutIsTheGolden() throws {
        let result = try runBackprop(["render", "chain-rule", "--all", "--markdown"])
        #expect(result.status == 0)
        expectSame(result.stdout, try golden("handout-chain-rule.md"), "render chain-rule --all --markdown")
        #expect(result.stdout.contains("| x | input | −2 | −4 |"))
        #expect(result.stdout.contains("f = q · z = 3 · (−4) = −12"))
    }

    @Test func aHandoutOfATrainingLessonStaysShort() throws {
        let result = try runBackprop(["render", "xor", "--all", "--markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "\n### ").count - 1 == 121)
        #expect(result.stdout.contains("### Step 410000 of 410000: end of epoch 2000"))
        #expect(result.stdout.contains("## Part 2 of 2: Learning XOR with sigmoids and SGD"))
    }

    @Test func aBadKeyScriptIsAnError() throws {
        let result = try runBackprop(["play", "chain-rule", "--keys", "→ jump"])
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("--keys: word 2 ('jump'): unknown key 'jump'"))
        let slow = try runBackprop(["play", "chain-rule", "--autoplay", "0"])
        #expect(slow.status != 0)
        #expect(slow.stderr.contains("--autoplay takes seconds from 0.05 to 3600; got 0.0"))
    }

    @Test func bareBackpropWithoutATerminalListsLessonsAndUsage() throws {
        let result = try runBackprop([])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Lessons:\n\nThe chain rule\nchain-rule         The chain rule, one gate at a time\n"))
        #expect(result.stdout.contains("\nNetworks\nxor  "))
        #expect(result.stdout.contains("needs partials · "))
        #expect(result.stdout.contains("xor                XOR — two layers, and why the unit step cannot learn"))
        #expect(result.stdout.contains("USAGE: backprop <subcommand>"))
        #expect(result.stdout.contains("play"))
    }
}
