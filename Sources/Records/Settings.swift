import Foundation
import Lessons
import Screen
import Yams

/// What a user may set once for every session, in `$XDG_CONFIG_HOME/backprop/config.yaml`
/// (by default `~/.config/backprop/config.yaml`):
///
///     theme: colour-blind     # default, colour-blind (or color-blind), monochrome
///     ascii: false            # box drawing and symbols in ASCII
///     autoplay: 3             # seconds per step for 'play' without --autoplay (0.05 to 3600)
///     hints: true             # the key hints on the bottom line
///     mouse: false            # a click selects a node, the wheel scrolls the text
///
/// Every field is optional; a field left out keeps its default. Command-line flags win
/// over the file; `NO_COLOR` wins over both.
public struct Settings: Sendable, Equatable {
    public var theme: ThemeName?
    public var ascii: Bool?
    public var autoplay: Double?
    public var hints: Bool?
    public var mouse: Bool?
    /// Where each field was set in the file (`config.yaml:2`), by field name.
    public var places: [String: String] = [:]

    public init(theme: ThemeName? = nil, ascii: Bool? = nil, autoplay: Double? = nil, hints: Bool? = nil) {
        self.theme = theme
        self.ascii = ascii
        self.autoplay = autoplay
        self.hints = hints
    }

    /// The interval `play --autoplay` accepts.
    public static let autoplayRange = 0.05...3600.0

    /// `$XDG_CONFIG_HOME/backprop/config.yaml`, or `~/.config/backprop/config.yaml` (a
    /// relative `XDG_CONFIG_HOME` is ignored, as the XDG specification says).
    public static func file(environment: [String: String]) -> URL {
        BaseDirectory.backprop("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
            .appendingPathComponent("config.yaml")
    }

    /// The settings in `text` (the file `file`), and every problem as a diagnostic at its
    /// line and column. A file with errors gives no settings at all: the program starts
    /// with the defaults rather than with half of what was meant.
    public static func read(_ text: String, file: String) -> (settings: Settings, diagnostics: [Diagnostic]) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return (Settings(), []) }  // empty: all defaults
            root = node
        } catch {
            return (Settings(), [LessonLoader.yamlDiagnostic(error, file: file, text: text)])
        }
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(root, file: file, what: "the settings", diagnostics: &diagnostics) else {
            return (Settings(), diagnostics)
        }
        var settings = Settings()
        func place(_ key: String, _ node: Node) {
            settings.places[key] = "\(file):\(YAMLFields.location(of: node).line)"
        }
        if let node = fields.value("theme"), let text = fields.text(node, "theme", &diagnostics) {
            if let name = ThemeName(spelling: text) {
                settings.theme = name
                place("theme", node)
            } else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: node),
                    "unknown theme '\(text)'; the themes are: \(ThemeName.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        for key in ["ascii", "hints", "mouse"] {
            guard let node = fields.value(key) else { continue }
            guard let value = flag(node) else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(key)' must be true or false"))
                continue
            }
            switch key {
            case "ascii": settings.ascii = value
            case "hints": settings.hints = value
            default: settings.mouse = value
            }
            place(key, node)
        }
        if let node = fields.value("autoplay"), let seconds = fields.number(node, "autoplay", &diagnostics) {
            if autoplayRange.contains(seconds) {
                settings.autoplay = seconds
                place("autoplay", node)
            } else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'autoplay' takes seconds from 0.05 to 3600"))
            }
        }
        fields.reportUnknown(&diagnostics)
        return diagnostics.contains(where: \.isError) ? (Settings(), diagnostics) : (settings, diagnostics)
    }

    /// Reads the settings file in `environment`: none is no settings; a file that cannot
    /// be read or has errors gives the defaults and the diagnostics to print.
    public static func load(environment: [String: String]) -> (settings: Settings, file: URL, diagnostics: [Diagnostic]) {
        let url = file(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else { return (Settings(), url, []) }
        switch SourceFile.read(path: url.path) {
        case .success(let text):
            let (settings, diagnostics) = read(text, file: url.path)
            return (settings, url, diagnostics)
        case .failure(let diagnostic):
            return (Settings(), url, [diagnostic])
        }
    }

    /// `true`/`false` (and YAML's `yes`/`no`, `on`/`off`).
    private static func flag(_ node: Node) -> Bool? {
        guard let text = YAMLFields.scalarText(node)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
