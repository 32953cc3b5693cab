import Foundation
import Testing

/// Recordings for teachers: `render --cast` and `play --record` write asciinema casts
/// (format 2) with a marker at each step, deterministic where there is no terminal, and
/// replaying a cast's output into a terminal shows the screen the tutor showed.
@Suite(.serialized) struct RecordingTests {
    func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("backprop-cast-\(UUID().uuidString)-\(name)")
    }

    /// The cast's lines as JSON: the header, then the events.
    func parse(_ url: URL) throws -> (header: [String: Any], events: [[Any]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let events = try lines.dropFirst().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
        }
        return (header, events)
    }

    func markers(_ events: [[Any]]) -> [String] {
        events.filter { $0[1] as? String == "m" }.compactMap { $0[2] as? String }
    }

    @Test func renderCastIsDeterministicWithAMarkerPerStep() throws {
        let first = temporaryFile("a.cast"), second = temporaryFile("b.cast")
        let run = try runBackprop(["render", "chain-rule", "--cast", first.path, "--interval", "0.5"])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
        #expect(try runBackprop(["render", "chain-rule", "--cast", second.path, "--interval", "0.5"]).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))

        let (header, events) = try parse(first)
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] == nil)
        #expect(events.allSatisfy { $0.count == 3 && ["o", "m"].contains($0[1] as? String) })
        let times = events.compactMap { $0[0] as? Double }
        #expect(times.count == events.count && times == times.sorted() && times.last.map { $0 > 0 } == true)
        // One marker per step of the lesson (8), labelled as the step.
        #expect(markers(events) == [
            "forward: compute q = x + y", "forward: compute f = q · z", "the backward pass begins at the output, ∂f/∂f",
            "backward through f = q · z", "backward through q = x + y", "backward: z's gradient is complete",
            "backward: y's gradient is complete", "backward: x's gradient is complete",
        ])
        // In colour unless NO_COLOR says otherwise; ASCII on request.
        let output = events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        #expect(output.contains("\u{1B}[0;34m"))  // a colour: the borders' blue
        let plain = temporaryFile("plain.cast")
        #expect(try runBackprop(["render", "chain-rule", "--cast", plain.path, "--ascii"], environment: ["NO_COLOR": "1"]).status == 0)
        let plainOutput = try parse(plain).events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        // No SGR sequence sets a colour (30–37, 40–47).
        let codes = plainOutput.matches(of: /\x1B\[([0-9;]*)m/).flatMap { $0.1.split(separator: ";").compactMap { Int($0) } }
        #expect(!codes.isEmpty && codes.allSatisfy { !(30...47).contains($0) })
        #expect(plainOutput.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func aMultiPartLessonHasAMarkerPerPart() throws {
        let file = temporaryFile("perceptron.cast")
        #expect(try runBackprop(["render", "perceptron", "--part", "5", "--cast", file.path, "--width", "80", "--height", "24"]).status == 0)
        let (header, events) = try parse(file)
        #expect(header["width"] as? Int == 80 && header["height"] as? Int == 24)
        #expect(markers(events).filter { $0.hasPrefix("part ") } == ["part 5/6: XOR from AND, OR and NOT", "part 6/6: The multi-class perceptron learns"])
        // Frames that jump over a whole row, or a chunk of epochs, say which.
        #expect(markers(events).contains("row 2 of 4 done"))
    }

    /// Replayed into a terminal of the same size, the cast's output shows the last frame
    /// `play` printed.
    @Test func replayingTheCastShowsTheScreen() throws {
        let cast = temporaryFile("replay.cast")
        #expect(try runBackprop(["render", "chain-rule", "--cast", cast.path, "--interval", "0.2"]).status == 0)
        let output = try parse(cast).events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined()
        let bytes = temporaryFile("replay.out")
        try Data(output.utf8).write(to: bytes)
        let tmux = try TmuxSession(shell: "cat \(TmuxSession.quote(bytes.path)); sleep 30")
        defer { tmux.stop() }
        let played = try runBackprop(["play", "chain-rule", "--autoplay", "0.2"], environment: ["COLUMNS": "100"])
        let last = try #require(played.stdout.components(separatedBy: "\n=== ").last)
        let expected = last.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacing(/\ +$/, with: "") }.joined(separator: "\n").trimmingCharacters(in: .newlines)
        let screen = try tmux.wait(for: "This is the end.")
        let shown = screen.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacing(/\ +$/, with: "") }.joined(separator: "\n").trimmingCharacters(in: .newlines)
        #expect(shown == expected)
    }

    @Test func playRecordsWhatTheTerminalShows() throws {
        let cast = temporaryFile("play.cast")
        let tmux = try TmuxSession(["play", "chain-rule", "--autoplay", "0.1", "--record", cast.path])
        defer { tmux.stop() }
        let live = try tmux.wait(for: "■ stopped")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
        let (header, events) = try parse(cast)
        // Replayed into a terminal of the same size, it ends on the screen the class saw.
        let bytes = temporaryFile("play.out")
        try Data(events.filter { $0[1] as? String == "o" }.compactMap { $0[2] as? String }.joined().utf8).write(to: bytes)
        let replay = try TmuxSession(shell: "cat \(TmuxSession.quote(bytes.path)); sleep 30")
        defer { replay.stop() }
        #expect(try replay.wait(for: "■ stopped") == live)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30 && header["timestamp"] is Int)
        #expect(header["title"] as? String == "backprop play chain-rule")
        // Waiting at the end sends nothing: no empty output events.
        #expect(!events.contains { $0[1] as? String == "o" && ($0[2] as? String)?.isEmpty == true })
        #expect(markers(events).count == 8)
        #expect(markers(events).last == "backward: x's gradient is complete")
        let unwritable = try runBackprop(["play", "chain-rule", "--record", "/nonexistent/dir/x.cast"])
        #expect(unwritable.status == 1 && unwritable.stderr == "error: --record /nonexistent/dir/x.cast: no such directory: /nonexistent/dir\n")
        let directory = try runBackprop(["render", "chain-rule", "--cast", FileManager.default.temporaryDirectory.path])
        #expect(directory.status == 1 && directory.stderr.hasSuffix(": is a directory; give a file name such as lesson.cast\n"))
        let alone = try runBackprop(["render", "chain-rule", "--interval", "2"])
        #expect(alone.status == 64 && alone.stderr.hasPrefix("Error: --interval 2.0 goes with --cast"))
    }
}
