/// A box centred over whatever is beneath it (the help screen): clears its rectangle,
/// draws a bordered block with a title, and the paragraph inside. The box is as large as
/// the content needs, but never larger than the area minus a margin.
public struct Overlay: Widget {
    public var title: String
    public var content: Paragraph
    public var theme: Theme
    /// Columns the box may take at most (the content wraps within it).
    public var maxWidth: Int

    public init(title: String, content: Paragraph, theme: Theme, maxWidth: Int = 72) {
        self.title = title
        self.content = content
        self.theme = theme
        self.maxWidth = maxWidth
    }

    /// Where the box goes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let widest = content.lines.map(\.width).max() ?? 0
        let titleWidth = DisplayWidth.of(title) + 4
        let w = min(max(widest + 4, titleWidth), maxWidth, max(0, area.width - 2))
        let h = min(content.height(forWidth: max(1, w - 4)) + 2, max(0, area.height - 2))
        return area.centered(width: w, height: h)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = frame(in: area)
        guard box.width >= 3, box.height >= 3 else { return }
        buffer.render(Clear(), in: box)
        let block = Block(title: title, theme: theme)
        buffer.render(block, in: box)
        buffer.render(content, in: block.inner(box).inset(left: 1, right: 1))
    }
}
