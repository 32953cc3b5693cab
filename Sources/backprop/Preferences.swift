import ArgumentParser
import Foundation
import Records
import Screen
import Terminal

extension ThemeName: ExpressibleByArgument {
    public init?(argument: String) { self.init(spelling: argument) }
}

/// `--theme` and `--ascii`, for the commands that draw screens. (Parsed only: ArgumentParser
/// stops the program when such a value is read without having been parsed.)
struct LookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("default (values green, gradients red), colour-blind (blue and orange) or monochrome.", valueName: "THEME"))
    var theme: ThemeName?

    @Flag(help: "Draw with ASCII characters only (also the default when the locale is not UTF-8).")
    var ascii = false
}

/// The settings a session runs with, each with where it came from: the command line
/// wins over the settings file (`config.yaml`), `NO_COLOR` over both, the locale decides
/// ASCII when nothing else does.
struct Preferences {
    struct Setting<Value> {
        var value: Value
        /// "default", "--theme", "NO_COLOR", or the file and line that set it.
        var source: String
    }

    var theme: Setting<ThemeName>
    var ascii: Setting<Bool>
    var autoplay: Setting<Double>
    var hints: Setting<Bool>
    var mouse: Setting<Bool>
    /// The settings file read (whether or not it exists).
    var file: URL

    /// Whether screens use Unicode.
    var unicode: Bool { !ascii.value }

    /// The theme for a screen that can show colour when `color` is true.
    func theme(color: Bool) -> Theme { Theme.named(theme.value, color: color, unicode: unicode) }

    /// The settings for this run: the settings file read, its problems printed
    /// (`FILE:LINE:COL: error: …`, and then the file is ignored), the flags on top.
    static func resolve(_ look: LookOptions? = nil, autoplay flag: Double? = nil,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> Preferences {
        let (settings, file, diagnostics) = Settings.load(environment: environment)
        Output.error(diagnostics)
        if diagnostics.contains(where: \.isError) { Output.errorLine("backprop: \(file.path) is ignored; starting with the defaults") }
        return combine(theme: look?.theme, ascii: look?.ascii ?? false, autoplay: flag, settings: settings, file: file,
                       terminal: .current())
    }

    /// The defaults for this terminal, with no settings file and no flags.
    static var defaults: Preferences {
        combine(theme: nil, ascii: false, autoplay: nil, settings: Settings(), file: Settings.file(environment: [:]),
                terminal: .current())
    }

    /// Flags over the file's settings over the defaults; `NO_COLOR` over all.
    static func combine(theme flagTheme: ThemeName?, ascii flagASCII: Bool, autoplay flag: Double?, settings: Settings,
                        file: URL, terminal: TerminalEnvironment) -> Preferences {
        func fromFile(_ key: String) -> String { settings.places[key] ?? file.path }
        let theme: Setting<ThemeName> = if terminal.noColor {
            Setting(value: .monochrome, source: "NO_COLOR is set")
        } else if let name = flagTheme {
            Setting(value: name, source: "--theme")
        } else if let name = settings.theme {
            Setting(value: name, source: fromFile("theme"))
        } else {
            Setting(value: .default, source: "default")
        }
        let ascii: Setting<Bool> = if flagASCII {
            Setting(value: true, source: "--ascii")
        } else if let value = settings.ascii {
            Setting(value: value, source: fromFile("ascii"))
        } else {
            Setting(value: !terminal.localeIsUTF8, source: terminal.localeIsUTF8 ? "default (the locale is UTF-8)" : "the locale is not UTF-8")
        }
        let autoplay: Setting<Double> = if let flag {
            Setting(value: flag, source: "--autoplay")
        } else if let seconds = settings.autoplay {
            Setting(value: seconds, source: fromFile("autoplay"))
        } else {
            Setting(value: 3, source: "default")
        }
        let hints = settings.hints.map { Setting(value: $0, source: fromFile("hints")) } ?? Setting(value: true, source: "default")
        let mouse = settings.mouse.map { Setting(value: $0, source: fromFile("mouse")) } ?? Setting(value: false, source: "default")
        return Preferences(theme: theme, ascii: ascii, autoplay: autoplay, hints: hints, mouse: mouse, file: file)
    }
}

/// `backprop config`: the settings in effect and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the settings in effect (theme, ASCII, autoplay, hints, mouse) and where each came from.",
        discussion: """
            The settings file is $XDG_CONFIG_HOME/backprop/config.yaml (by default \
            ~/.config/backprop/config.yaml), for example:

              theme: colour-blind     # default, colour-blind, monochrome
              ascii: false            # draw with ASCII characters only
              autoplay: 3             # seconds per step for 'play' without --autoplay
              hints: true             # key hints on the bottom line
              mouse: false            # a click selects a node, the wheel scrolls the text

            Command-line flags win over the file, NO_COLOR over both. A file with an error \
            is reported (FILE:LINE:COL: error: …) and ignored: backprop starts with the defaults.
            """
    )

    @OptionGroup var look: LookOptions

    func run() throws {
        let preferences = Preferences.resolve(look)
        let exists = FileManager.default.fileExists(atPath: preferences.file.path)
        let value = preferences.autoplay.value
        let seconds = value == value.rounded() ? String(Int(value)) : String(value)
        let rows = [
            ["theme", preferences.theme.value.rawValue, preferences.theme.source],
            ["ascii", String(preferences.ascii.value), preferences.ascii.source],
            ["autoplay", "\(seconds) s", preferences.autoplay.source],
            ["hints", String(preferences.hints.value), preferences.hints.source],
            ["mouse", String(preferences.mouse.value), preferences.mouse.source],
        ]
        Output.print(LessonsTable.render(header: ["SETTING", "VALUE", "FROM"], groups: [("", rows)])
            + "\nSettings file: \(preferences.file.path)\(exists ? "" : " (none)")\n")
    }
}
