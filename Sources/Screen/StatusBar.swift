/// A one-row bar filled with its style, with text at the left, centre and right. When
/// they collide the left text wins, then the right; the centre is drawn only if it fits.
public struct StatusBar: Widget {
    public var left: String
    public var center: String
    public var right: String
    public var style: Style

    public init(left: String = "", center: String = "", right: String = "", style: Style = .plain) {
        self.left = left
        self.center = center
        self.right = right
        self.style = style
    }

    /// Styled from a theme's `.status` role.
    public init(left: String = "", center: String = "", right: String = "", theme: Theme) {
        self.init(left: left, center: center, right: right, style: theme(.status))
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, with: Cell(" ", style: style))
        let l = DisplayWidth.truncate(" " + left, to: area.width)
        let lw = DisplayWidth.of(l)
        buffer.write(l, at: row.origin, style: style, clip: row)
        let roomRight = area.width - lw - 1
        var rw = 0
        if !right.isEmpty, roomRight > 0 {
            let r = DisplayWidth.truncate(right + " ", to: roomRight)
            rw = DisplayWidth.of(r)
            buffer.write(r, at: Point(x: row.maxX - rw, y: row.y), style: style, clip: row)
        }
        let cw = DisplayWidth.of(center)
        let cx = row.x + (area.width - cw) / 2
        if !center.isEmpty, cx > row.x + lw, cx + cw < row.maxX - rw {
            buffer.write(center, at: Point(x: cx, y: row.y), style: style, clip: row)
        }
    }
}
