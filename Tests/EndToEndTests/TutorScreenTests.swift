import Foundation
import Testing

/// The interactive tutor through the real binary in a real terminal (tmux): the first
/// frame, stepping, rewinding, resizing, quitting, Ctrl-C, NO_COLOR and a C locale.
@Suite(.serialized) struct TutorScreenTests {
    static let cs231n = ["expr", "(x+y)*z", "x=-2", "y=5", "z=-4"]

    /// Steps with → until the status line says `step N/8`, one key at a time.
    func step(_ tmux: TmuxSession, to n: Int, key: String = "Right") throws -> String {
        var screen = ""
        for k in 1...n {
            try tmux.send(key)
            screen = try tmux.wait(for: "step \(k)/8")
        }
        return screen
    }

    @Test func stepThroughRewindReplayResizeAndQuit() throws {
        let tmux = try TmuxSession(Self.cs231n)
        defer { tmux.stop() }
        let first = try tmux.wait(for: "step 0/8")
        #expect(first.contains("Start: nothing computed yet"))
        #expect(first.contains("Leaves: x = −2, y = 5, z = −4"))
        #expect(first.contains("→ next · ← back"))

        let end = try step(tmux, to: 8)
        #expect(end.contains("f = −12"))
        #expect(end.contains("∂f/∂x = −4"))
        #expect(end.contains("∂f/∂y = −4"))
        #expect(end.contains("∂f/∂z = 3"))
        #expect(end.contains("val −12"))

        // Back to the start with ←: the very first screen again, cell for cell.
        for k in stride(from: 7, through: 0, by: -1) {
            try tmux.send("Left")
            try tmux.wait(for: "step \(k)/8")
        }
        let rewound = try tmux.screen()
        #expect(rewound == first)
        // Replaying with space gives the same end screen.
        let replayed = try step(tmux, to: 8, key: "Space")
        #expect(replayed == end)
        // And `r` restarts.
        try tmux.send("r")
        let restarted = try tmux.wait(for: "step 0/8")
        #expect(restarted == first)

        try tmux.resize(width: 80, height: 24)
        let small = try tmux.wait(for: "the 80×24 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.hasSuffix("start · step 0/8") == true && lines.count >= 24
                && lines[1].count == 80 && lines[23].hasPrefix("→ next")
        }
        #expect(small.contains("Start: nothing computed yet"))

        try tmux.send("q")
        let (status, modes) = try tmux.ending()
        #expect(status == 0)
        #expect(modes == "isig icanon echo")
    }

    @Test func ctrlCExits130AndRestoresTheTerminal() throws {
        let tmux = try TmuxSession(Self.cs231n)
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        try tmux.send("Right")
        try tmux.wait(for: "step 1/8")
        try tmux.send("C-c")
        let (status, modes) = try tmux.ending()
        #expect(status == 130)
        #expect(modes == "isig icanon echo")
    }

    /// SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107.
    static func colourCodes(in screen: String) -> [String] {
        screen.matches(of: #/\x1b\[([0-9;]*)m/#).flatMap { match -> [String] in
            let params = String(screen[match.range]).dropFirst(2).dropLast().split(separator: ";").map(String.init)
            return params.filter { p in
                guard let n = Int(p) else { return false }
                return (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n)
            }
        }
    }

    @Test func colourByDefaultNoneWithNoColor() throws {
        let coloured = try TmuxSession(Self.cs231n)
        defer { coloured.stop() }
        let withColour = try coloured.wait(for: "step 0/8 in colour", escapes: true) { $0.contains("step 0/8") }
        #expect(Self.colourCodes(in: withColour).contains("32"))  // values in green

        let plain = try TmuxSession(Self.cs231n, environment: ["NO_COLOR": "1"])
        defer { plain.stop() }
        try plain.wait(for: "step 0/8")
        try plain.send("Right")
        let noColour = try plain.wait(for: "step 1/8 without colour", escapes: true) { $0.contains("step 1/8") }
        #expect(Self.colourCodes(in: noColour) == [])
        #expect(noColour.contains("(x+y) = x + y = −2 + 5 = 3"))
    }

    @Test func cLocaleDrawsASCII() throws {
        let tmux = try TmuxSession(Self.cs231n, environment: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.stop() }
        let screen = try tmux.wait(for: "step 0/8")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        // (An unnamed gate among the boxes shows its gradient as g=?.)
        #expect(screen.contains("+ Graph - > this step  # done  . to do - val = value, grad or g= is df/dnode ---"))
        #expect(screen.contains("Right next  Left back"))
        try tmux.send("q")
        let status = try tmux.ending().status
        #expect(status == 0)
    }
}

/// Without a terminal the tutor prints plain frames and exits 0; curses never starts.
@Suite struct PlainFallbackTests {
    /// Runs `backprop` with an empty file for stdin and stdout into a file: no terminal.
    func runWithoutTerminal(_ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        try runBackprop(arguments, environment: environment)
    }

    @Test(arguments: [["TERM": "xterm"], ["TERM": "dumb"], [:]])
    func learnPrintsFramesAndExitsZero(_ environment: [String: String]) throws {
        let result = try runWithoutTerminal(["learn", "examples/chain-rule.graph"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(!result.stdout.contains("\u{1b}"))  // no escape codes: curses never started
        #expect(result.stdout.hasPrefix("=== frame 0/8: start ===\n backprop · chain-rule.graph"))
        #expect(result.stdout.contains("=== frame 8/8: after backward: x's gradient is complete ==="))
        #expect(result.stdout.contains("│ ∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4"))
    }

    /// Every part, at the width it lands in (COLUMNS here, a dumb terminal's own width in
    /// tmux), without the key-hint line no key can act on.
    @Test func learnPrintsEveryPartAtTheTerminalsWidth() throws {
        let result = try runWithoutTerminal(["learn", "sigmoid-neuron"], environment: ["COLUMNS": "60"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("=== part ") } == [
            "=== part 1/3: Gate by gate ===", "=== part 2/3: The shortcut σ(1 − σ) ===", "=== part 3/3: The sigmoid update rule ===",
        ])
        #expect(lines.allSatisfy { $0.hasPrefix("===") || $0.count <= 60 })
        #expect(lines.contains { $0.count == 60 })
        #expect(!result.stdout.contains("? help · q quit"))  // the hint line
        // At 60 columns there is no room for the loss chart, and no key in a printout.
        #expect(result.stdout.contains("Training is done: the Step pane gives the mean loss") && !result.stdout.contains("loss chart"))
    }

    @Test func aDumbTerminalGetsItsOwnWidth() throws {
        let tmux = try TmuxSession(["learn", "chain-rule"], width: 70, height: 40, environment: ["TERM": "dumb"])
        defer { tmux.stop() }
        let screen = try tmux.wait(for: "start · step 0/8")
        let frameLines = screen.split(separator: "\n").filter { $0.hasPrefix("┌ ") }  // the graph pane's first
        #expect(frameLines.first?.count == 70)
    }

    @Test func exprWithoutTerminal() throws {
        let result = try runWithoutTerminal(["expr", "(x+y)*z", "x=-2", "y=5", "z=-4"], environment: ["TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("│ f = −12"))
    }

    /// Errors speak of the expression as typed, never of the 'f = …' line it is wrapped in.
    @Test(arguments: [
        ("x", "error: 'x' computes nothing: it only names a leaf; try e.g. \"x*x\"\n  x\n  ^\n"),
        ("#", "error: '#' starts a comment in a graph file; an expression cannot hold it\n  #\n  ^\n"),
        ("x=1", "error: an expression has no '='; give the values after it, e.g. backprop expr \"x*2\" x=1\n  x=1\n   ^\n"),
    ])
    func exprErrorsSpeakOfTheExpression(_ expression: String, _ message: String) throws {
        let result = try runWithoutTerminal(["expr", expression, "x=1"], environment: [:])
        #expect(result.status == 1)
        #expect(result.stderr == message)
    }

    @Test func exprWithAnUnboundName() throws {
        let result = try runWithoutTerminal(["expr", "(x+y)*w", "x=-2", "y=5"], environment: [:])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: unknown name 'w'; give it a value, e.g. NAME=1
              (x+y)*w
                    ^

            """)
    }
}
