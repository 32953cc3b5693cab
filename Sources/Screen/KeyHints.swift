/// One key binding as shown to the user: the key's label and what it does.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var help: String
    /// A pinned hint (help, quit) stays on the line however narrow it is.
    public var pinned: Bool
    public init(key: String, help: String, pinned: Bool = false) {
        self.key = key
        self.help = help
        self.pinned = pinned
    }
}

/// A one-row line of key hints ("→ next · ← back · ? help · q quit"), after a message
/// when there is one ("Already at the start."). Room goes first to the pinned hints, then
/// to the message, then to the other hints in order; hints that do not fit are dropped
/// whole, so a narrow screen never shows half a hint and never loses help and quit. But a
/// message too long to stand beside the pinned hints has the line to itself (cut with an
/// ellipsis only where it is wider than the line): it says what a key just did, and the
/// hints come back with the next key.
public struct KeyHintLine: Widget {
    public var hints: [KeyHint]
    public var message: String?
    public var keyStyle: Style
    public var helpStyle: Style
    public var messageStyle: Style
    public var separator: String
    public var ellipsis: String

    public init(_ hints: [KeyHint], message: String? = nil, keyStyle: Style = .plain, helpStyle: Style = .plain,
                messageStyle: Style = .plain, separator: String = " · ", ellipsis: String = "…") {
        self.hints = hints
        self.message = message
        self.keyStyle = keyStyle
        self.helpStyle = helpStyle
        self.messageStyle = messageStyle
        self.separator = separator
        self.ellipsis = ellipsis
    }

    /// Styled from a theme's `.key`, `.keyHint` and `.title` roles and its glyphs.
    public init(_ hints: [KeyHint], message: String? = nil, theme: Theme) {
        self.init(hints, message: message, keyStyle: theme(.key), helpStyle: theme(.keyHint), messageStyle: theme(.title),
                  separator: theme.glyphs.separator, ellipsis: theme.glyphs.ellipsis)
    }

    private func width(_ hint: KeyHint) -> Int { DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.help) }

    /// The spans that fit in `width` columns.
    public func spans(width: Int) -> [Span] {
        let sep = DisplayWidth.of(separator)
        let pinnedWidth = hints.filter(\.pinned).reduce(0) { $0 + self.width($1) + sep }
        if let message, !message.isEmpty, DisplayWidth.of(message) > width - pinnedWidth - sep {
            return [Span(DisplayWidth.truncate(message, to: width, ellipsis: ellipsis), style: messageStyle)]
        }
        let pinned = hints.filter(\.pinned)
        var budget = width - pinnedWidth
        var pieces: [[Span]] = []
        if let message, !message.isEmpty, budget > sep + 1 {
            let text = DisplayWidth.truncate(message, to: budget - sep, ellipsis: ellipsis)
            pieces.append([Span(text, style: messageStyle)])
            budget -= DisplayWidth.of(text) + sep
        }
        var kept: [KeyHint] = []
        for hint in hints where !hint.pinned {
            guard budget >= self.width(hint) + sep else { break }
            kept.append(hint)
            budget -= self.width(hint) + sep
        }
        for hint in kept + pinned {
            pieces.append([Span(hint.key, style: keyStyle), Span(" " + hint.help, style: helpStyle)])
        }
        var out: [Span] = []
        var used = 0
        for piece in pieces {
            let w = piece.reduce(0) { $0 + $1.width } + (out.isEmpty ? 0 : sep)
            // Below the pinned hints' own width nothing fits whole: keep what does.
            guard used + w <= width else { break }
            if !out.isEmpty { out.append(Span(separator, style: helpStyle)) }
            out += piece
            used += w
        }
        return out
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.write(spans(width: area.width), at: area.origin, clip: area)
    }
}
