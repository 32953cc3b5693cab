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
        #expect(headers.last == "=== frame 8/8: after backward: x's gradient is complete ===")
        #expect(!result.stdout.contains("\u{1b}"))
    }

    /// `render` offers `learn`'s keys: where the lesson says "press t for the loss chart"
    /// (sigmoid-neuron 3's end at 80×24, the chart out of the way), the hint line has it.
    @Test func theHintLineOffersWhatTheWordsSay() throws {
        let result = try runBackprop(["render", "sigmoid-neuron", "--part", "3", "--step", "24", "--width", "80", "--height", "24"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("press t for"))
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("t loss chart · ← back") == true)
    }

    /// A part that trains: its first pass step by step, then the end of every 50th of its
    /// 2000 epochs (play's pacing), with the loss — not all 410,000 frames.
    @Test func allOnATrainingPartIsBounded() throws {
        let args = ["render", "xor", "--part", "2", "--all", "--width", "80", "--height", "24"]
        let result = try runBackprop(args)
        #expect(result.status == 0)
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("=== frame ") }
        // The start and its page, 51 steps and the page before the updates, 40 epochs' ends
        // and the closing page.
        #expect(headers.count == 2 + 51 + 1 + 40 + 1)
        #expect(headers[0] == "=== frame 0/410000: start; the lesson's page ===")
        #expect(headers[1] == "=== frame 0/410000: start ===")
        #expect(headers[2] == "=== frame 1/410000: after load sample 1 of the data ===")
        #expect(headers.contains("=== frame 42/410000: after backward: x1's gradient is complete; the lesson's page ==="))
        #expect(headers[53] == "=== frame 51/410000: after update b3 by gradient descent ===")
        #expect(headers[54] == "=== frame 10250/410000: after end of epoch 50 of 2000; mean loss 0.25 ===")
        #expect(headers[93] == "=== frame 410000/410000: after end of epoch 2000 of 2000; mean loss 0.00115 ===")
        #expect(headers.last == "=== frame 410000/410000: after end of epoch 2000 of 2000; mean loss 0.00115; the lesson's page ===")
        #expect(try runBackprop(args).stdout == result.stdout)
        let help = try runBackprop(["render", "--help"])
        #expect(help.stdout.contains("about 40 frames"))
    }

    /// The XOR network as seed 000's flow diagram draws it, at the start and the end (100×30):
    /// x1, x2 and the bias 1 on the left, the weights −1, −1, 1, 1 and the biases 0.5, −1.5,
    /// 0.5 on the edges, ξ and h in each neuron.
    @Test func theXorFlowDiagramIsTheGolden() throws {
        var frames = ""
        for step in [0, 97] {
            let frame = try runBackprop(["render", "xor", "--step", "\(step)", "--width", "100", "--height", "30"])
            #expect(frame.status == 0)
            frames += frame.stdout
        }
        expectSame(frames, try golden("render-xor-flow.txt"), "render xor --step 0, 97 at 100×30")
        // Each neuron's arrows come together at its ξ: one arrowhead where the values are added.
        for text in ["x1 0", "x2 1", " −1 ─┬▶", " −1 ─┤ ", " 1 ─┬▶", " 0.5 ─┘ ", " −1.5 ─┘ ", "ξ1", "h1", "ξ2", "h2", "ξ3", "f ", "┌ u "] {
            #expect(frames.contains(text), "\(text)")
        }
    }

    /// Multi-row and training frames compared, not counted: every frame of AND (all four
    /// rows show f), and xor's training at the end of its first epoch, of the first epoch
    /// `--all` shows, and of the last.
    @Test func framesOfRowsAndEpochsAreTheGoldens() throws {
        let and = try runBackprop(["render", "perceptron", "--part", "1", "--all", "--width", "80", "--height", "24"])
        #expect(and.status == 0)
        expectSame(and.stdout, try golden("render-perceptron-and.txt"), "render perceptron --part 1 --all")
        var epochs = ""
        for step in [205, 10250, 410000] {
            let frame = try runBackprop(["render", "xor", "--part", "2", "--step", "\(step)", "--width", "80", "--height", "24"])
            #expect(frame.status == 0)
            epochs += frame.stdout
        }
        expectSame(epochs, try golden("render-xor-epochs.txt"), "render xor --part 2 --step 205, 10250, 410000")
    }

    /// A negative number after an option reaches the option, whose message names the
    /// range ("Missing value for '--step <step>'" before).
    @Test(arguments: [
        (["render", "chain-rule", "--step", "-1"], "Error: --step must be 0 or more; got -1"),
        (["render", "chain-rule", "--part", "-1"], "Error: --part counts from 1; got -1"),
        (["render", "chain-rule", "--width", "-1"], "Error: --width must be 20...1000 and --height 5...1000; got -1×30"),
        (["play", "chain-rule", "--autoplay", "-1"], "Error: --autoplay takes seconds from 0.05 to 3600; got -1.0"),
        (["play", "chain-rule", "--autoplay", "-inf"], "Error: --autoplay takes seconds from 0.05 to 3600; got -inf"),
    ])
    func negativeNumbersNameTheRange(_ arguments: [String], _ message: String) throws {
        let result = try runBackprop(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }

    /// Drawings the layout must take in under a second: a 20,000-node chain and a max of
    /// 20,000 inputs; x+x+…+x with 5,000 terms and `expr` of x^x^…^x with 50,001 are
    /// refused at once, naming the limit.
    @Test func largeDrawingsAreDrawnOrRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let chain = (0..<20_000).map { $0 % 2 == 0 ? "n\($0) = \($0 == 0 ? "x" : "n\($0 - 1)") * 2" : "n\($0) = tanh(n\($0 - 1))" }
        let files = [
            ("chain.graph", "x = 1\n" + chain.joined(separator: "\n")),
            ("max.graph", "x = 1\nz = max(" + Array(repeating: "x", count: 20_000).joined(separator: ", ") + ")"),
            ("sum.graph", "x = 1\nz = " + Array(repeating: "x", count: 5_000).joined(separator: "+")),
        ]
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        for name in ["chain.graph", "max.graph"] {
            #expect(try runBackprop(["render", directory.appendingPathComponent(name).path, "--step", "0"]).status == 0, "\(name)")
        }
        let refused = try runBackprop(["render", directory.appendingPathComponent("sum.graph").path, "--step", "0"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot draw the graph: its edges would cross 12492501 layers (at most 200000)"))
        // x^x^…^x with 50,001 terms: naming its gates spelt out every sub-expression
        // (quadratic: 4.8 GB after 10 minutes); now refused at once, the expression cut
        // to 40 characters in the message.
        let tower = Array(repeating: "x", count: 50_001).joined(separator: "^")
        let expression = try runBackprop(["expr", tower, "x=1"])
        #expect(expression.status == 1)
        #expect(expression.stderr.hasPrefix(String(tower.prefix(39)) + "…: cannot draw the graph: its edges would cross"))
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

    /// `--view` draws the other view of a part; a part without neurons has no flow view.
    @Test func eitherView() throws {
        let flow = try runBackprop(["render", "perceptron", "--part", "6"])
        let circuit = try runBackprop(["render", "perceptron", "--part", "6", "--view", "circuit"])
        #expect(flow.status == 0 && circuit.status == 0)
        #expect(flow.stdout.contains("weights on the edges"))  // the flow diagram's legend
        #expect(!circuit.stdout.contains("weights on the edges"))
        #expect(circuit.stdout.contains("(×)"))                 // a gate per product
        let none = try runBackprop(["render", "chain-rule", "--view", "flow"])
        #expect(none.status == 1)
        #expect(none.stderr == "error: --view flow: part 1 of chain-rule has no neurons to draw as a flow diagram\n")
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
