import Foundation
import Testing

/// Every key says what it did, at 80×24 and 100×30, in a real terminal: messages on the
/// bottom line, help and quit from a quiz question, parts by [ and ], and nothing moving
/// while the window is too small.
@Suite(.serialized) struct KeysScreenTests {
    static let sizes = [(width: 80, height: 24), (width: 100, height: 30)]

    /// `t`, `f`, `F` where nothing trains, and → at the end each leave their message on
    /// the bottom line, the one line every size keeps, with help and quit beside it.
    @Test(arguments: [0, 1]) func keysThatDoNotStepSaySo(_ size: Int) throws {
        let (width, height) = Self.sizes[size]
        let tmux = try TmuxSession(["learn", "chain-rule"], width: width, height: height)
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        try tmux.send("t")
        var screen = try tmux.wait(for: "This part has no data to train on or to map.")
        #expect(screen.split(separator: "\n").last?.contains("? help") == true)
        #expect(screen.split(separator: "\n").last?.contains("q quit") == true)
        try tmux.send("f")
        try tmux.wait(for: "This part does not train: f fast-forwards training epochs.")
        try tmux.send("F")
        try tmux.send("t")
        try tmux.wait(for: "This part has no data")
        try tmux.send("End")
        try tmux.wait(for: "step 8/8")
        try tmux.send("Right")  // past the closing page
        try tmux.send("Right")
        screen = try tmux.wait(for: "This is the end. ← steps back, r restarts, q quits.")
        #expect(screen.contains("step 8/8"))
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }

    /// While a question waits, `?` shows the help and `q` asks before it leaves.
    @Test func helpAndQuitFromTheAnswerPrompt() throws {
        let tmux = try TmuxSession(["learn", "chain-rule", "--quiz"], width: 80, height: 24)
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        try tmux.send("Right")
        try tmux.send("Right")
        try tmux.wait(for: "Forward: q = x + y = −2 + 5 = ?")
        var screen = try tmux.wait(for: "Esc show answer")
        #expect(screen.contains("? help") && screen.contains("q quit"))
        try tmux.send("?")
        try tmux.wait(for: "┌ Keys ")
        try tmux.send("Escape")  // closes the help; the question still waits
        try tmux.wait(for: "the help to close") { !$0.contains("┌ Keys ") }
        try tmux.send("q")
        screen = try tmux.wait(for: "Leave the question unanswered?")
        #expect(screen.contains("step 0/8"))
        try tmux.send("3")  // any other key goes back to the question
        try tmux.wait(for: "> 3")
        try tmux.send("q")
        try tmux.wait(for: "Leave the question unanswered?")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }

    /// `]` and `[` open the next and the previous part at its start, and say which.
    @Test func bracketsMoveAcrossParts() throws {
        let tmux = try TmuxSession(["learn", "perceptron"], width: 80, height: 24)
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/61")
        try tmux.send("]")
        try tmux.wait(for: "Part 2 of 6: OR")
        try tmux.send("]", "]", "]", "]")
        try tmux.wait(for: "Part 6 of 6")
        try tmux.send("]")
        try tmux.wait(for: "This is the last part.")
        try tmux.send("[")
        try tmux.wait(for: "Part 5 of 6")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }

    /// While the window is too small, → moves nothing unseen; q still quits.
    @Test func keysWaitWhileTheWindowIsTooSmall() throws {
        let tmux = try TmuxSession(["learn", "examples/chain-rule.graph"], width: 80, height: 24)
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        try tmux.send("Right")
        try tmux.wait(for: "step 1/8")
        try tmux.resize(width: 40, height: 12)
        try tmux.wait(for: "Enlarge the window")
        try tmux.send("Right", "Right", "Right")
        try tmux.resize(width: 80, height: 24)
        let screen = try tmux.wait(for: "forward pass · step")
        #expect(screen.contains("step 1/8"))
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }
}
