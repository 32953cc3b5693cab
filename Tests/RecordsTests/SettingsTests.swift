import Foundation
import Lessons
import Records
import Screen
import Testing

/// The settings file: every field, its place, and errors at their line and column that
/// leave the defaults in force.
@Suite struct SettingsTests {
    @Test func whereItIs() {
        #expect(Settings.file(environment: ["HOME": "/home/ada"]).path == "/home/ada/.config/backprop/config.yaml")
        #expect(Settings.file(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "/etc/xdg"]).path == "/etc/xdg/backprop/config.yaml")
        #expect(Settings.file(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "rel"]).path == "/home/ada/.config/backprop/config.yaml")
    }

    @Test func everyField() {
        let (settings, diagnostics) = Settings.read("theme: color-blind\nascii: yes\nautoplay: 0.5\nhints: false\nmouse: true\n", file: "c.yaml")
        #expect(diagnostics.isEmpty)
        #expect(settings.theme == .colourBlind && settings.ascii == true && settings.autoplay == 0.5 && settings.hints == false)
        #expect(settings.mouse == true)
        #expect(settings.places == ["theme": "c.yaml:1", "ascii": "c.yaml:2", "autoplay": "c.yaml:3", "hints": "c.yaml:4", "mouse": "c.yaml:5"])
        // An empty file, or one of comments, is all defaults.
        #expect(Settings.read("", file: "c.yaml").settings == Settings())
        #expect(Settings.read("# nothing yet\n", file: "c.yaml").settings == Settings())
    }

    @Test func errorsAtTheirPlaceAndTheDefaultsStay() {
        let (settings, diagnostics) = Settings.read("theme: purple\nascii: maybe\nautoplay: 0\ncolour: 1\n", file: "c.yaml")
        #expect(settings == Settings())
        #expect(diagnostics.map(\.description) == [
            "c.yaml:1:8: error: unknown theme 'purple'; the themes are: default, colour-blind, monochrome",
            "c.yaml:2:8: error: 'ascii' must be true or false",
            "c.yaml:3:11: error: 'autoplay' takes seconds from 0.05 to 3600",
            "c.yaml:4:1: error: unknown field 'colour' in the settings; expected one of: ascii, autoplay, hints, mouse, theme",
        ])
        let broken = Settings.read("theme: [unclosed\n", file: "c.yaml")
        #expect(broken.settings == Settings() && broken.diagnostics.count == 1)
        #expect(broken.diagnostics.first?.description.hasPrefix("c.yaml:") == true)
        let list = Settings.read("- theme\n", file: "c.yaml")
        #expect(list.diagnostics.map(\.description) == ["c.yaml:1:1: error: the settings must be a mapping of 'field: value' lines"])
    }
}
