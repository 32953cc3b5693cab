import Screen

/// The `?` screen: every binding of the active key map, by section (all keys appear in
/// the help): one row per binding, or per group of bindings (the four pan
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

    /// The text width and rows the box holds in a window of `size`: a margin of one cell
    /// around the box, its border and a blank column on each side inside.
    static func content(for size: Size) -> (width: Int, rows: Int) {
        (max(1, min(maxWidth, max(0, size.width - 2)) - 4), max(0, size.height - 4))
    }

    /// The overlay for an area of `size`.
    func overlay(for size: Size) -> Overlay {
        let (width, rows) = Self.content(for: size)
        return Overlay(title: "Keys", content: Paragraph(lines(width: width, rows: rows), wrap: false),
                       theme: theme, maxWidth: Self.maxWidth)
    }

    /// The help as lines at most `width` wide, at most `rows` of them.
    func lines(width: Int, rows: Int) -> [Line] {
        guard let scrolling = scrollingLines(width: width, rows: rows) else {
            let single = column(items, width: width)
            return single.count <= rows ? single : untitled(width: width)
        }
        guard rows >= 2 else { return Array(scrolling.prefix(max(0, rows))) }
        // A window of the list, its last row saying where more lies.
        let top = min(max(0, scroll), scrolling.count - (rows - 1))
        var window = Array(scrolling[top..<min(scrolling.count, top + rows - 1)])
        let more = top + rows - 1 < scrolling.count
        window.append(Line(notation.text(more ? "↓ more keys (↓ scrolls)" : "↑ more keys above (↑ scrolls back)"),
                           style: theme(.muted)))
        return window
    }

    /// The list without section titles (the first thing to give up: the order still
    /// groups the keys).
    func untitled(width: Int) -> [Line] {
        column(items.map { Item(title: nil, keys: $0.keys, help: $0.help) }, width: width)
    }

    /// The lines that scroll, when even the list without titles does not fit; `nil` when
    /// it fits.
    func scrollingLines(width: Int, rows: Int) -> [Line]? {
        guard column(items, width: width).count > rows else { return nil }
        let lines = untitled(width: width)
        return lines.count > rows ? lines : nil
    }

    /// How far the help scrolls at `size` (0 when it fits).
    func maxScroll(for size: Size) -> Int {
        let (width, rows) = Self.content(for: size)
        guard rows >= 2, let lines = scrollingLines(width: width, rows: rows) else { return 0 }
        return lines.count - (rows - 1)
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
