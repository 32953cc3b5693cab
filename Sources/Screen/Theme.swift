/// What a piece of the screen means, so drawing code asks for a role and the theme
/// decides how it looks.
public enum Role: Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case text
    /// A node's forward value (green, the CS231n convention).
    case value
    /// A gradient (red, the CS231n convention).
    case gradient
    /// The node or edge the current step is about.
    case active
    /// Nodes whose step is done.
    case done
    /// Nodes still waiting for their step.
    case pending
    /// Graph edges at rest.
    case edge
    /// The edge the current step explains.
    case activeEdge
    /// Secondary text: units, hints, labels.
    case muted
    /// Titles of panes.
    case title
    /// Borders of panes.
    case border
    /// The key in a key hint.
    case key
    /// The description in a key hint.
    case keyHint
    /// The status bar.
    case status
    /// Error and warning text.
    case error
    /// Marked data points in plots.
    case marker
}

/// Styles for roles plus the glyph set: the one place the look of the tutor is decided.
/// `colored` follows CS231n (values green, gradients red); `monochrome` honours `NO_COLOR`
/// with attributes only, and relies on the status glyphs (▶ ✓ ·) to tell steps apart.
public struct Theme: Sendable, Hashable {
    public var glyphs: Glyphs
    /// False for the monochrome theme: callers may then add glyphs where colour spoke.
    public var usesColor: Bool
    private var styles: [Role: Style]

    public init(glyphs: Glyphs, usesColor: Bool, styles: [Role: Style]) {
        self.glyphs = glyphs
        self.usesColor = usesColor
        self.styles = styles
    }

    /// The style for a role (plain when the theme does not set one).
    public func style(_ role: Role) -> Style { styles[role] ?? .plain }

    /// Shorthand for `style(_:)`: `theme(.value)`.
    public func callAsFunction(_ role: Role) -> Style { style(role) }

    /// A copy with one role restyled.
    public func with(_ role: Role, _ style: Style) -> Theme {
        var t = self
        t.styles[role] = style
        return t
    }

    /// Colours on a default background.
    public static func colored(glyphs: Glyphs = .unicode) -> Theme {
        Theme(glyphs: glyphs, usesColor: true, styles: [
            .text: .plain,
            .value: Style(foreground: .green),
            .gradient: Style(foreground: .red),
            .active: Style(foreground: .yellow, bold: true),
            .done: Style(foreground: .cyan),
            .pending: Style(dim: true),
            .edge: Style(foreground: .blue),
            .activeEdge: Style(foreground: .yellow, bold: true),
            .muted: Style(dim: true),
            .title: Style(bold: true),
            .border: Style(foreground: .blue),
            .key: Style(foreground: .cyan, bold: true),
            .keyHint: Style(dim: true),
            .status: Style(foreground: .black, background: .cyan),
            .error: Style(foreground: .red, bold: true),
            .marker: Style(foreground: .yellow, bold: true),
        ])
    }

    /// No colours at all (`NO_COLOR`): bold, reverse, underline and dim carry the meaning.
    public static func monochrome(glyphs: Glyphs = .unicode) -> Theme {
        Theme(glyphs: glyphs, usesColor: false, styles: [
            .text: .plain,
            .value: .plain,
            .gradient: Style(underline: true),
            .active: Style(bold: true, reverse: true),
            .done: .plain,
            .pending: Style(dim: true),
            .edge: .plain,
            .activeEdge: Style(bold: true),
            .muted: Style(dim: true),
            .title: Style(bold: true),
            .border: .plain,
            .key: Style(bold: true),
            .keyHint: .plain,
            .status: Style(reverse: true),
            .error: Style(bold: true),
            .marker: Style(bold: true),
        ])
    }

    /// For readers who cannot tell red from green: values blue, gradients orange (a pair
    /// every common colour-vision deficiency keeps apart), the step marked by reverse video
    /// rather than by a third colour; the ✓ ▶ · marks are the same as in every theme.
    public static func colourBlind(glyphs: Glyphs = .unicode) -> Theme {
        Theme(glyphs: glyphs, usesColor: true, styles: [
            .text: .plain,
            .value: Style(foreground: .blue),
            .gradient: Style(foreground: .orange),
            .active: Style(bold: true, reverse: true),
            .done: .plain,
            .pending: Style(dim: true),
            .edge: .plain,
            .activeEdge: Style(bold: true),
            .muted: Style(dim: true),
            .title: Style(bold: true),
            .border: .plain,
            .key: Style(bold: true),
            .keyHint: Style(dim: true),
            .status: Style(reverse: true),
            .error: Style(bold: true, underline: true),
            .marker: Style(foreground: .orange, bold: true),
        ])
    }

    /// The theme for a terminal: colour unless `color` is false, Unicode unless `unicode` is false.
    public static func forTerminal(color: Bool, unicode: Bool) -> Theme {
        named(.default, color: color, unicode: unicode)
    }

    /// The theme `name` for a terminal; without colour (`NO_COLOR`, or none to show) every
    /// theme is the monochrome one.
    public static func named(_ name: ThemeName, color: Bool, unicode: Bool) -> Theme {
        let glyphs: Glyphs = unicode ? .unicode : .ascii
        guard color else { return .monochrome(glyphs: glyphs) }
        switch name {
        case .default: return .colored(glyphs: glyphs)
        case .colourBlind: return .colourBlind(glyphs: glyphs)
        case .monochrome: return .monochrome(glyphs: glyphs)
        }
    }
}

/// The themes a user can choose (`--theme`, `theme:` in the config file).
public enum ThemeName: String, Sendable, CaseIterable {
    /// Values green, gradients red, as the CS231n figures colour them.
    case `default`
    /// Values blue, gradients orange.
    case colourBlind = "colour-blind"
    /// No colour: attributes and marks only.
    case monochrome

    /// The name as written, accepting the American spelling `color-blind` too.
    public init?(spelling: String) {
        self.init(rawValue: spelling == "color-blind" ? "colour-blind" : spelling)
    }
}
