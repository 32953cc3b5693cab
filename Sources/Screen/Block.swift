/// A bordered box with an optional title in the top border: the frame of every pane.
/// Draw the block, then draw the content into `inner(area)`.
public struct Block: Widget {
    public var title: String?
    public var titleStyle: Style
    public var borderStyle: Style
    public var glyphs: Glyphs
    public var borders: Bool

    public init(title: String? = nil, titleStyle: Style = .plain, borderStyle: Style = .plain,
                glyphs: Glyphs = .unicode, borders: Bool = true) {
        self.title = title
        self.titleStyle = titleStyle
        self.borderStyle = borderStyle
        self.glyphs = glyphs
        self.borders = borders
    }

    /// A block styled from a theme's `.border` and `.title` roles.
    public init(title: String?, theme: Theme) {
        self.init(title: title, titleStyle: theme(.title), borderStyle: theme(.border), glyphs: theme.glyphs)
    }

    /// The area left for content inside the border.
    public func inner(_ area: Rect) -> Rect {
        borders ? area.inset(by: 1) : (title == nil ? area : area.inset(top: 1))
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if borders {
            let g = glyphs
            let h = String(repeating: String(g.horizontal), count: max(0, area.width - 2))
            if area.width >= 2 && area.height >= 2 {
                buffer.write(String(g.topLeft) + h + String(g.topRight), at: area.origin, style: borderStyle, clip: area)
                buffer.write(String(g.bottomLeft) + h + String(g.bottomRight),
                             at: Point(x: area.x, y: area.maxY - 1), style: borderStyle, clip: area)
                for y in (area.y + 1)..<(area.maxY - 1) {
                    buffer.set(g.vertical, at: Point(x: area.x, y: y), style: borderStyle, clip: area)
                    buffer.set(g.vertical, at: Point(x: area.maxX - 1, y: y), style: borderStyle, clip: area)
                }
            }
        }
        if let title, !title.isEmpty {
            let x = borders ? area.x + 1 : area.x
            let room = borders ? area.width - 2 : area.width
            guard room > 0 else { return }
            let text = borders ? " " + title + " " : title
            let shown = DisplayWidth.truncate(text, to: room, ellipsis: glyphs.ellipsis)
            buffer.write(shown, at: Point(x: x, y: area.y), style: titleStyle, clip: area)
        }
    }
}
