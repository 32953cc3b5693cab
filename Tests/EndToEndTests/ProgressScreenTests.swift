import Foundation
import Testing

/// Progress that survives, as a student meets it: `learn` saves where they stopped and
/// resumes there, the picker and `backprop progress` show it, `--reset` asks first, a
/// corrupt file is moved aside, and `play`, `--no-save` and BACKPROP_NO_STATE write nothing.
@Suite(.serialized) struct ProgressScreenTests {
    /// A fresh state directory, shared by the sessions of one test.
    func stateDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func progressFile(_ state: URL) -> URL { state.appendingPathComponent("backprop/progress.json") }

    /// Steps `learn chain-rule` to step 3 and quits.
    func learnToStepThree(_ state: URL, _ extra: [String] = []) throws {
        let tmux = try TmuxSession(["learn", "chain-rule"] + extra, environment: ["XDG_STATE_HOME": state.path])
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        // → until step 3 (some presses turn a lesson page instead of stepping).
        for _ in 0..<12 {
            let before = try tmux.screen()
            if before.contains("step 3/8") { break }
            try tmux.send("Right")
            _ = try tmux.wait(for: "the next screen") { $0 != before }
        }
        try tmux.wait(for: "step 3/8")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }

    @Test func learnSavesAndResumes() throws {
        let state = try stateDirectory()
        try learnToStepThree(state)
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: progressFile(state))) as? [String: Any]
        let lessons = saved?["lessons"] as? [String: [String: Any]]
        #expect(lessons?["chain-rule"]?["step"] as? Int == 3)
        #expect(lessons?["chain-rule"]?["stepsInPart"] as? Int == 8)

        let table = try runBackprop(["progress"], environment: ["XDG_STATE_HOME": state.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("\nchain-rule         step 3 of 8  -\n"))
        #expect(table.stdout.contains("\nxor                not started  -\n"))
        #expect(table.stdout.hasSuffix("Kept in \(progressFile(state).path).\n"))

        let again = try TmuxSession(["learn", "chain-rule"], environment: ["XDG_STATE_HOME": state.path])
        defer { again.stop() }
        let resumed = try again.wait(for: "step 3/8")
        #expect(resumed.contains("Resumed at step 3. r restarts the part."))
        try again.send("q")
        #expect(try again.ending().status == 0)

        // The picker shows it beside the lesson.
        let menu = try TmuxSession([], environment: ["XDG_STATE_HOME": state.path])
        defer { menu.stop() }
        let picker = try menu.wait(for: "choose a lesson")
        #expect(picker.split(separator: "\n").contains { $0.contains("▶ chain-rule") && $0.hasSuffix("step 3 of 8") })
        #expect(picker.split(separator: "\n").contains { $0.contains("partials") && $0.hasSuffix("not started") })
        try menu.send("q")
        #expect(try menu.ending().status == 0)
    }

    @Test func noSaveAndPlayAndNoStateWriteNothing() throws {
        let state = try stateDirectory()
        try learnToStepThree(state, ["--no-save"])
        let play = try TmuxSession(["play", "chain-rule", "--autoplay", "0.1"], environment: ["XDG_STATE_HOME": state.path])
        defer { play.stop() }
        try play.wait(for: "■ stopped")
        try play.send("q")
        #expect(try play.ending().status == 0)
        let off = try TmuxSession(["learn", "chain-rule"], environment: ["XDG_STATE_HOME": state.path, "BACKPROP_NO_STATE": "1"])
        defer { off.stop() }
        try off.wait(for: "step 0/8")
        try off.send("Right", "Right")
        try off.wait(for: "step 1/8")
        try off.send("q")
        #expect(try off.ending().status == 0)
        #expect(!FileManager.default.fileExists(atPath: progressFile(state).path))
        let none = try runBackprop(["progress"], environment: ["XDG_STATE_HOME": state.path, "BACKPROP_NO_STATE": "1"])
        #expect(none.stdout == "Saving progress is off (BACKPROP_NO_STATE is set): nothing is kept.\n")
    }

    @Test func resetAsksFirst() throws {
        let state = try stateDirectory()
        try learnToStepThree(state)
        let environment = ["XDG_STATE_HOME": state.path]
        let declined = try runBackprop(["progress", "--reset", "chain-rule"], environment: environment, stdin: "n\n")
        #expect(declined.status == 0 && declined.stdout == "Nothing was forgotten.\n")
        #expect(declined.stderr == "Forget your progress in chain-rule? [y/N] ")
        let unknown = try runBackprop(["progress", "--reset", "xor", "--yes"], environment: environment)
        #expect(unknown.status == 0 && unknown.stdout == "No progress is kept for 'xor': nothing to forget. There is progress in: chain-rule.\n")
        let agreed = try runBackprop(["progress", "--reset", "chain-rule"], environment: environment, stdin: "y\n")
        #expect(agreed.status == 0 && agreed.stdout == "Forgot your progress in chain-rule.\n")
        let table = try runBackprop(["progress"], environment: environment)
        #expect(table.stdout.contains("\nchain-rule         not started  -\n"))
        let json = try runBackprop(["progress", "--json"], environment: environment)
        #expect(json.stdout == "{\n  \"lessons\" : {\n\n  },\n  \"version\" : 1\n}\n")
        let again = try runBackprop(["progress", "--reset", "--yes"], environment: environment)
        #expect(again.status == 0 && again.stdout == "No progress is kept: nothing to forget.\n")
        let off = try runBackprop(["progress", "--json"], environment: environment.merging(["BACKPROP_NO_STATE": "1"]) { $1 })
        #expect(off.stdout == "{\"lessons\": {}, \"version\": 1}\n" && off.stderr.hasPrefix("Saving progress is off"))
    }

    @Test func aCorruptFileIsMovedAside() throws {
        let state = try stateDirectory()
        let file = progressFile(state)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"less".utf8).write(to: file)
        let tmux = try TmuxSession(["learn", "chain-rule"], environment: ["XDG_STATE_HOME": state.path])
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")  // starts fresh, no crash
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
        #expect(try String(contentsOf: file.appendingPathExtension("bak"), encoding: .utf8) == "{\"version\": 1, \"less")
        // The session saved a good file in its place.
        let table = try runBackprop(["progress"], environment: ["XDG_STATE_HOME": state.path])
        #expect(table.status == 0 && table.stderr.isEmpty && table.stdout.contains("\nchain-rule         step 0"))
        // Told on the command line too.
        try Data("garbage".utf8).write(to: file)
        let warned = try runBackprop(["progress"], environment: ["XDG_STATE_HOME": state.path])
        #expect(warned.stderr == "backprop: \(file.path): it is not a progress file this backprop can read; moved it aside to progress.json.bak.2 and started fresh\n")
    }
}
