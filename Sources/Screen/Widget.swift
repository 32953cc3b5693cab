/// Something that draws itself into a rectangle of a buffer (ratatui's `render(area, buf)`).
/// Widgets are values; they must stay inside `area` and must not assume it is large.
public protocol Widget {
    func render(in area: Rect, buffer: inout Buffer)
}

extension Buffer {
    /// Draws `widget` into `area`, clipped to the buffer.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area.intersection(self.area), buffer: &self)
    }
}

/// Blanks its area (drawn under overlays so the text beneath does not show through).
public struct Clear: Widget {
    public var style: Style
    public init(style: Style = .plain) { self.style = style }
    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, with: Cell(" ", style: style))
    }
}
