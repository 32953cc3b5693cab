/// One key binding as shown to the user: the key's label and what it does.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var help: String
    public init(key: String, help: String) { self.key = key; self.help = help }
}

/// A one-row line of key hints ("→ next · ← back · ? help"). Hints that do not fit are
/// dropped whole from the end, so a narrow screen never shows half a hint.
public struct KeyHintLine: Widget {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var helpStyle: Style
    public var separator: String

    public init(_ hints: [KeyHint], keyStyle: Style = .plain, helpStyle: Style = .plain, separator: String = " · ") {
        self.hints = hints
        self.keyStyle = keyStyle
        self.helpStyle = helpStyle
        self.separator = separator
    }

    /// Styled from a theme's `.key` and `.keyHint` roles and its separator glyph.
    public init(_ hints: [KeyHint], theme: Theme) {
        self.init(hints, keyStyle: theme(.key), helpStyle: theme(.keyHint), separator: theme.glyphs.separator)
    }

    /// The spans of the hints that fit in `width` columns.
    public func spans(width: Int) -> [Span] {
        var out: [Span] = []
        var used = 0
        for hint in hints {
            let sep = out.isEmpty ? "" : separator
            let piece = [Span(sep, style: helpStyle), Span(hint.key, style: keyStyle), Span(" " + hint.help, style: helpStyle)]
            let w = piece.reduce(0) { $0 + $1.width }
            if used + w > width { break }
            out += piece.filter { !$0.text.isEmpty }
            used += w
        }
        return out
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.write(spans(width: area.width), at: area.origin, clip: area)
    }
}
