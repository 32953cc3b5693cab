import Screen

/// The menu `backprop` opens in a terminal: the bundled lessons with their titles and
/// one-line summaries; ↑/↓ (or k/j) choose, Enter opens, q quits. A value with a pure
/// `update` and `view`, like the tutor itself.
public struct LessonPicker: Sendable, Equatable {
    /// One lesson in the menu.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var title: String
        public var summary: String
        public init(name: String, title: String, summary: String) {
            self.name = name
            self.title = title
            self.summary = summary
        }
    }

    /// What a key asks of the picker.
    public enum Action: Sendable, Equatable {
        case up, down, open, quit
    }

    /// What the run loop does after an action.
    public enum Outcome: Sendable, Equatable {
        case stay
        case open(String)
        case quit
    }

    public let entries: [Entry]
    public private(set) var selected = 0

    public init(entries: [Entry], selected: Int = 0) {
        self.entries = entries
        self.selected = entries.isEmpty ? 0 : min(max(selected, 0), entries.count - 1)
    }

    /// The picker's keys, with their help: the hint line is drawn from this table.
    public static let bindings: [(keys: [Key], action: Action, help: String)] = [
        ([.up, .character("k")], .up, "previous"),
        ([.down, .character("j")], .down, "next"),
        ([.enter, .right, .character("l")], .open, "open"),
        // Esc is "back" inside a lesson; in the menu, where there is nothing to go back to,
        // it does nothing rather than end the program.
        ([.character("q")], .quit, "quit"),
    ]

    /// The action for a key, `nil` for a key the picker ignores.
    public static func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public mutating func update(_ action: Action) -> Outcome {
        switch action {
        case .up:
            selected = max(0, selected - 1)
        case .down:
            selected = min(max(0, entries.count - 1), selected + 1)
        case .open:
            return entries.isEmpty ? .stay : .open(entries[selected].name)
        case .quit:
            return .quit
        }
        return .stay
    }

    /// The menu at `size`: a title, one block of two rows per lesson (the selected one
    /// marked and highlighted), and the key hints at the bottom.
    public func view(size: Size, theme: Theme) -> Buffer {
        var buffer = Buffer(size: size)
        // Every text as the locale can show it: in ASCII, −2 stays -2 and σ becomes sig.
        let text = Notation(unicode: theme.glyphs.isUnicode).text
        let rows = buffer.area.split(.vertical, [.length(2), .fill(1), .length(1)])
        buffer.write(Line(text("backprop — choose a lesson"), style: theme(.title)), in: rows[0])
        let list = rows[1]
        // Keep the selected entry in view on a short screen.
        let perEntry = 3
        let visible = max(1, list.height / perEntry)
        let first = max(0, min(selected - visible + 1, entries.count - visible))
        for (offset, entry) in entries.enumerated().dropFirst(first).prefix(visible) {
            let y = list.y + (offset - first) * perEntry
            let isSelected = offset == selected
            let marker = isSelected ? String(theme.glyphs.active) : " "
            let titleStyle = isSelected ? theme(.active) : theme(.text)
            let row = Rect(x: list.x, y: y, width: list.width, height: 1)
            buffer.write(Line([Span(marker + " "), Span(entry.name, style: theme(.key)), Span("  "),
                               Span(text(entry.title), style: titleStyle)]), in: row)
            let summary = Rect(x: list.x + 4, y: y + 1, width: max(0, list.width - 4), height: 1)
            buffer.write(Line(DisplayWidth.truncate(text(entry.summary), to: summary.width, ellipsis: theme.glyphs.ellipsis),
                              style: theme(.muted)), in: summary)
        }
        let hints = Self.bindings.map { KeyHint(key: $0.keys[0].label(unicode: theme.glyphs.isUnicode), help: $0.help) }
        buffer.render(KeyHintLine(hints, theme: theme), in: rows[2])
        return buffer
    }

    /// The list for a pipe: one lesson a line, name, title and summary.
    public var plainList: String {
        let width = entries.map(\.name.count).max() ?? 0
        return entries.map { entry in
            entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.title + "\n"
                + String(repeating: " ", count: width + 2) + entry.summary + "\n"
        }.joined()
    }
}
