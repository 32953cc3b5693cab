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
        /// The course's heading the lesson is listed under ("The chain rule"), if any.
        public var group: String?
        /// The lessons to take first.
        public var needs: [String]
        /// How far the student got ("part 2 of 4, step 14 · quiz 3/4", "✓ finished");
        /// nil: not started.
        public var progress: String?
        public init(name: String, title: String, summary: String, group: String? = nil, needs: [String] = [],
                    progress: String? = nil) {
            self.name = name
            self.title = title
            self.summary = summary
            self.group = group
            self.needs = needs
            self.progress = progress
        }

        /// "needs chains · " before the summary, or nothing.
        var needsPrefix: String { needs.isEmpty ? "" : "needs \(needs.joined(separator: ", ")) · " }
    }

    /// Whether entry `index` starts a group (its heading is drawn above it).
    func startsGroup(_ index: Int) -> Bool {
        guard let group = entries[index].group else { return false }
        return index == 0 || entries[index - 1].group != group
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

    /// What the progress column says of a lesson not opened before.
    static let notStarted = "not started"
    /// The narrowest list that shows the progress column.
    static let widthForProgress = 64

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

    /// The menu at `size`: a title, one block of three rows per lesson — its group's
    /// heading where a group starts (else blank), name and title (the selected one marked
    /// and highlighted), what it needs first and its summary — and the key hints.
    public func view(size: Size, theme: Theme) -> Buffer {
        var buffer = Buffer(size: size)
        // Every text as the locale can show it: in ASCII, −2 stays -2 and σ becomes sig.
        let text = Notation(unicode: theme.glyphs.isUnicode).text
        let rows = buffer.area.split(.vertical, [.length(2), .fill(1), .length(1)])
        buffer.write(Line(text("backprop — choose a lesson"), style: theme(.title)), in: rows[0])
        let list = rows[1]
        // Keep the selected entry in view on a short screen.
        let perEntry = 3
        // The progress column (and two blanks before it) where the list is wide enough.
        let widest = entries.map { DisplayWidth.of(text($0.progress ?? Self.notStarted)) }.max() ?? 0
        let progressColumn = list.width >= Self.widthForProgress ? widest + 2 : 0
        let visible = max(1, list.height / perEntry)
        let first = max(0, min(selected - visible + 1, entries.count - visible))
        for (offset, entry) in entries.enumerated().dropFirst(first).prefix(visible) {
            let y = list.y + (offset - first) * perEntry
            let isSelected = offset == selected
            let marker = isSelected ? String(theme.glyphs.active) : " "
            let titleStyle = isSelected ? theme(.active) : theme(.text)
            if startsGroup(offset), let group = entry.group {
                buffer.write(Line(text(group), style: theme(.title).bolded()), in: Rect(x: list.x, y: y, width: list.width, height: 1))
            }
            let row = Rect(x: list.x, y: y + 1, width: list.width, height: 1)
            // The progress at the right of the row, in a column of its own on a wide screen.
            let nameWidth = DisplayWidth.of(marker) + 3 + DisplayWidth.of(entry.name)
            if progressColumn > 0 {
                let progress = text(entry.progress ?? Self.notStarted)
                buffer.write(Line(progress, style: theme(entry.progress == nil ? .muted : .done)),
                             in: Rect(x: row.maxX - DisplayWidth.of(progress), y: row.y, width: DisplayWidth.of(progress), height: 1))
            }
            let titleWidth = max(0, row.width - nameWidth - progressColumn)
            buffer.write(Line([Span(marker + " "), Span(entry.name, style: theme(.key)), Span("  "),
                               Span(DisplayWidth.truncate(text(entry.title), to: titleWidth, ellipsis: theme.glyphs.ellipsis),
                                    style: titleStyle)]), in: row)
            let summary = Rect(x: list.x + 4, y: y + 2, width: max(0, list.width - 4), height: 1)
            buffer.write(Line(DisplayWidth.truncate(text(entry.needsPrefix + entry.summary), to: summary.width,
                                                    ellipsis: theme.glyphs.ellipsis),
                              style: theme(.muted)), in: summary)
        }
        let hints = Self.bindings.map { KeyHint(key: $0.keys[0].label(unicode: theme.glyphs.isUnicode), help: $0.help) }
        buffer.render(KeyHintLine(hints, theme: theme), in: rows[2])
        return buffer
    }

    /// The list for a pipe: each group's heading, then per lesson its name and title, and
    /// under them what it needs first and its summary.
    public var plainList: String {
        let width = entries.map(\.name.count).max() ?? 0
        return entries.indices.map { index in
            let entry = entries[index]
            let heading = startsGroup(index) ? (index == 0 ? "" : "\n") + (entry.group ?? "") + "\n" : ""
            return heading + entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.title + "\n"
                + String(repeating: " ", count: width + 2) + entry.needsPrefix + entry.summary + "\n"
        }.joined()
    }
}
