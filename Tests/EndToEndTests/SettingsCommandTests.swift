import Foundation
import Testing

/// The settings file as a user meets it: `backprop config` says what is in effect and why,
/// flags win over the file and NO_COLOR over both, a broken file is reported and ignored,
/// and the theme, the hint line and play's pace follow it.
@Suite(.serialized) struct SettingsCommandTests {
    /// A config directory holding `text` as backprop/config.yaml.
    func configDirectory(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("backprop"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: directory.appendingPathComponent("backprop/config.yaml"))
        return directory
    }

    @Test func configSaysWhereEachSettingComesFrom() throws {
        let none = try runBackprop(["config"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("theme     default  default\n"))
        #expect(none.stdout.contains("autoplay  3 s      default\n"))
        #expect(none.stdout.contains("mouse     false    default\n"))
        #expect(none.stdout.contains("(none)\n"))
        let directory = try configDirectory("theme: colour-blind\nautoplay: 0.5\nhints: false\n")
        let file = directory.appendingPathComponent("backprop/config.yaml").path
        let set = try runBackprop(["config"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(set.stdout.contains("theme     colour-blind  \(file):1\n"))
        #expect(set.stdout.contains("autoplay  0.5 s         \(file):2\n"))
        #expect(set.stdout.contains("hints     false         \(file):3\n"))
        #expect(set.stdout.hasSuffix("Settings file: \(file)\n"))
        let flag = try runBackprop(["config", "--theme", "monochrome", "--ascii"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(flag.stdout.contains("theme     monochrome  --theme\n") && flag.stdout.contains("ascii     true        --ascii\n"))
        let noColor = try runBackprop(["config", "--theme", "colour-blind"], environment: ["XDG_CONFIG_HOME": directory.path, "NO_COLOR": "1"])
        #expect(noColor.stdout.contains("theme     monochrome  NO_COLOR is set\n"))
    }

    @Test func aBrokenFileIsReportedAndIgnored() throws {
        let directory = try configDirectory("theme: purple\nhints: false\n")
        let file = directory.appendingPathComponent("backprop/config.yaml").path
        let render = try runBackprop(["render", "chain-rule", "--step", "1"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(render.status == 0)
        #expect(render.stderr == """
            \(file):1:8: error: unknown theme 'purple'; the themes are: default, colour-blind, monochrome
            backprop: \(file) is ignored; starting with the defaults

            """)
        // The defaults: the hint line is there although the broken file said hints: false.
        #expect(render.stdout.contains("→ next · ← back"))
    }

    @Test func hintsOffAndTheColourBlindThemeInARecording() throws {
        let directory = try configDirectory("hints: false\ntheme: colour-blind\n")
        let quiet = try runBackprop(["render", "chain-rule", "--step", "1"], environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(quiet.status == 0 && !quiet.stdout.contains("→ next"))
        let cast = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-theme-\(UUID().uuidString).cast")
        #expect(try runBackprop(["render", "chain-rule", "--cast", cast.path], environment: ["XDG_CONFIG_HOME": directory.path]).status == 0)
        let text = try String(contentsOf: cast, encoding: .utf8)
        #expect(text.contains(#"\u001b[0;34m"#))          // values blue
        #expect(text.contains(#"\u001b[0;38;5;208m"#))    // gradients orange
        #expect(!text.contains(#"\u001b[0;31m"#) && !text.contains(#"\u001b[0;32m"#))  // no red, no green
    }

    @Test func playPacesItselfAsTheFileSays() throws {
        let tmux = try TmuxSession(["play", "chain-rule"], environment: ["XDG_CONFIG_HOME": try configDirectory("autoplay: 0.1\n").path])
        defer { tmux.stop() }
        try tmux.wait(for: "every 0.1 s")
        try tmux.wait(for: "■ stopped")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }
}
