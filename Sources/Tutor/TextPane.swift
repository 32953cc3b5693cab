import Screen

/// A bordered pane of wrapped text (the inspector, the narration) that says when there is
/// more than fits: `↓ more` in its bottom border, `↑` in its top border when scrolled.
struct TextPane: Widget {
    var title: String
    var lines: [Line]
    var scroll: Int
    var theme: Theme
    /// Written in the bottom border where it fits beside `↓ more`: the Step pane's next
    /// step, where its line had to go (`TutorState.droppedPreview`).
    var footer: String? = nil

    /// The text area inside the border, with a column of padding on each side.
    static func inner(_ area: Rect) -> Rect { area.inset(by: 1).inset(left: 1, right: 1) }

    /// Rows `lines` run past the pane at `area`: how far it can scroll.
    static func overflow(_ lines: [Line], in area: Rect) -> Int {
        overflow(WrapMeasure(lines), in: area)
    }

    /// The same for text already measured, which `Panes.sharingText` asks at many widths.
    static func overflow(_ text: WrapMeasure, in area: Rect) -> Int {
        // A pane left out (`Panes.narrationAlone`, `inspectorAlone`) shows nothing and hides nothing.
        guard !area.isEmpty else { return 0 }
        let inner = inner(area)
        return max(0, text.height(forWidth: inner.width) - inner.height)
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let block = Block(title: title, theme: theme)
        buffer.render(block, in: area)
        let overflow = Self.overflow(lines, in: area)
        let shown = min(scroll, overflow)
        var scrolled = Paragraph(lines)
        scrolled.scroll = shown
        buffer.render(scrolled, in: Self.inner(area))
        let unicode = theme.glyphs.isUnicode
        let more = unicode ? " ↓ more " : " v more "
        if shown < overflow {
            buffer.write(more, at: Point(x: area.maxX - 2 - DisplayWidth.of(more), y: area.maxY - 1), style: theme(.key))
        }
        if let footer {
            let room = area.width - 4 - (shown < overflow ? DisplayWidth.of(more) + 1 : 0)
            if DisplayWidth.of(footer) + 2 <= room {
                buffer.write(" \(footer) ", at: Point(x: area.x + 2, y: area.maxY - 1), style: theme(.muted))
            }
        }
        if shown > 0 {
            let up = unicode ? " ↑ " : " ^ "
            buffer.write(up, at: Point(x: area.maxX - 2 - DisplayWidth.of(up), y: area.y), style: theme(.key))
        }
    }
}
