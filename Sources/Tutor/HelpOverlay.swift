import Screen

/// The `?` screen: every binding of the active key map, by section (DESIGN §5: all keys
/// appear in the help): one row per binding, or per group of bindings (the four pan
/// directions share a row), under section titles when they fit — every map we ship fits
/// an 80×24 window whole. In a smaller window the list scrolls (↓ ↑), and its last row
/// says which way more lies.
struct HelpOverlay {
    var sections: [(section: KeyBinding.Section, rows: [(keys: String, help: String)])]
    var theme: Theme
    var notation: Notation
    /// Rows scrolled away at the top (clamped to the list).
    var scroll = 0

    /// The widest the box gets.
    static let maxWidth = 76

    /// The overlay for an area of `size` (the box keeps a margin of one cell around it).
    func overlay(for size: Size) -> Overlay {
        let boxWidth = min(Self.maxWidth, max(0, size.width - 2))
        // Border and one blank column on each side.
        let width = max(1, boxWidth - 4)
        let rows = max(0, size.height - 4)
        return Overlay(title: "Keys", content: Paragraph(lines(width: width, rows: rows), wrap: false),
                       theme: theme, maxWidth: Self.maxWidth)
    }

    /// The help as lines at most `width` wide, at most `rows` of them.
    func lines(width: Int, rows: Int) -> [Line] {
        let items = self.items
        let single = column(items, width: width)
        if single.count <= rows { return single }
        // Section titles are the first thing to give up: the order still groups the keys.
        let untitled = column(items.map { Item(title: nil, keys: $0.keys, help: $0.help) }, width: width)
        if untitled.count <= rows || rows < 2 { return Array(untitled.prefix(max(0, rows))) }
        // Still too long: a window of it that scrolls, its last row saying where more lies.
        let top = min(max(0, scroll), Self.maxScroll(lines: untitled.count, rows: rows))
        var window = Array(untitled[top..<min(untitled.count, top + rows - 1)])
        let more = top + rows - 1 < untitled.count
        window.append(Line(notation.text(more ? "↓ more keys (↓ scrolls)" : "↑ more keys above (↑ scrolls back)"),
                           style: theme(.muted)))
        return window
    }

    /// How far a list of `lines` scrolls in `rows` rows (the last row is the note).
    static func maxScroll(lines: Int, rows: Int) -> Int { max(0, lines - (rows - 1)) }

    /// How far the help scrolls at `size` (0 when it fits).
    func maxScroll(for size: Size) -> Int {
        let width = max(1, min(Self.maxWidth, max(0, size.width - 2)) - 4)
        let rows = max(0, size.height - 4)
        let untitled = column(items.map { Item(title: nil, keys: $0.keys, help: $0.help) }, width: width)
        return column(items, width: width).count <= rows || untitled.count <= rows ? 0 : Self.maxScroll(lines: untitled.count, rows: rows)
    }

    /// One row of the help; the first of a section carries the section's title.
    struct Item {
        var title: String?
        var keys: String
        var help: String
    }

    var items: [Item] {
        sections.flatMap { section in
            section.rows.enumerated().map { index, row in
                Item(title: index == 0 ? section.section.rawValue : nil, keys: row.keys, help: notation.text(row.help))
            }
        }
    }

    /// The items as lines `width` wide: keys padded to the widest, help wrapped under itself.
    func column(_ items: [Item], width: Int) -> [Line] {
        let keyWidth = items.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let helpWidth = max(8, width - keyWidth - 2)
        var lines: [Line] = []
        for item in items {
            if let title = item.title { lines.append(Line(title, style: theme(.title))) }
            let wrapped = Paragraph.wrap(Line(item.help), width: helpWidth)
            for (index, part) in wrapped.enumerated() {
                let keys = index == 0 ? item.keys : ""
                let pad = String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(keys)) + 2)
                lines.append(Line([Span(keys, style: theme(.key)), Span(pad)] + part.spans))
            }
        }
        return lines
    }

}
