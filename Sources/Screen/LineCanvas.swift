/// Collects orthogonal lines, then draws them with glyphs that join: where lines of one
/// net (edges from the same source) meet, the junction shows every direction (┬ ┼ ├ …);
/// where lines of different nets cross at right angles, the horizontal passes over the
/// vertical (`Glyphs.crossing`, ┿), so a crossing never looks like a junction, and the
/// horizontal run, which carries a weight into its arrowhead, never looks cut.
public struct LineCanvas {
    /// The screen rectangle the canvas covers; everything outside is dropped.
    public let area: Rect
    private var sides: [Sides]
    private var owner: [Int]
    private var styles: [Style]
    /// The sides drawn by nets other than the cell's first (`owner`), and the style of
    /// the last such net to pass straight across it (a crossing shows the horizontal over
    /// the vertical, `Glyphs.crossing`).
    private var otherSides: [Sides]
    private var otherStyles: [Style]
    private var heads: [(point: Point, glyph: Character, style: Style)] = []

    public init(area: Rect) {
        self.area = area
        let n = area.width * area.height
        sides = Array(repeating: [], count: n)
        owner = Array(repeating: -1, count: n)
        styles = Array(repeating: .plain, count: n)
        otherSides = Array(repeating: [], count: n)
        otherStyles = Array(repeating: .plain, count: n)
    }

    /// Adds a polyline (consecutive points share a row or a column) belonging to `net`.
    /// `leadIn` extends the first cell towards a neighbour (the source box); `head`, when
    /// given, is drawn on the last point (an arrowhead into the target).
    public mutating func addPolyline(_ points: [Point], net: Int, style: Style,
                                     leadIn: Sides = [], leadOut: Sides = [], head: Character? = nil) {
        guard let first = points.first else { return }
        mark(first, leadIn, net: net, style: style)
        for (a, b) in zip(points, points.dropFirst()) { addSegment(from: a, to: b, net: net, style: style) }
        if points.count == 1 { mark(first, [], net: net, style: style) }
        if let last = points.last, !leadOut.isEmpty { mark(last, leadOut, net: net, style: style) }
        if let head, let last = points.last, area.contains(last) { heads.append((last, head, style)) }
    }

    private mutating func addSegment(from a: Point, to b: Point, net: Int, style: Style) {
        if a.y == b.y {
            let lo = min(a.x, b.x), hi = max(a.x, b.x)
            guard a.y >= area.y, a.y < area.maxY else { return }
            let from = max(lo, area.x), to = min(hi, area.maxX - 1)
            guard from <= to else { return }
            for x in from...to {
                var s: Sides = []
                if x > lo { s.insert(.left) }
                if x < hi { s.insert(.right) }
                mark(Point(x: x, y: a.y), s, net: net, style: style)
            }
        } else if a.x == b.x {
            let lo = min(a.y, b.y), hi = max(a.y, b.y)
            guard a.x >= area.x, a.x < area.maxX else { return }
            let from = max(lo, area.y), to = min(hi, area.maxY - 1)
            guard from <= to else { return }
            for y in from...to {
                var s: Sides = []
                if y > lo { s.insert(.up) }
                if y < hi { s.insert(.down) }
                mark(Point(x: a.x, y: y), s, net: net, style: style)
            }
        }
        // A diagonal pair is not an orthogonal segment: nothing sensible to draw.
    }

    private mutating func mark(_ p: Point, _ s: Sides, net: Int, style: Style) {
        guard area.contains(p) else { return }
        let i = (p.y - area.y) * area.width + (p.x - area.x)
        if owner[i] == -1 || owner[i] == net {
            owner[i] = net
            sides[i].formUnion(s)
            styles[i] = style
        } else {
            otherSides[i].formUnion(s)
            if s == LineCanvas.horizontal { otherStyles[i] = style }
        }
    }

    private static let horizontal: Sides = [.left, .right], vertical: Sides = [.up, .down]

    /// Only lines of two nets that both pass straight through a cell, one across the
    /// other, cross there. One that ends on another (inputs converging into one gate,
    /// └─▶+ with ┐ above) joins it, ┤; so do two that leave the cell the same way (arrows
    /// coming together at one arrowhead).
    private func isCrossing(_ i: Int) -> Bool {
        let (a, b) = (sides[i], otherSides[i])
        return (a == Self.horizontal && b == Self.vertical) || (a == Self.vertical && b == Self.horizontal)
    }

    /// Writes the lines, then the heads, into `buffer`.
    public func render(into buffer: inout Buffer, glyphs: Glyphs) {
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let i = (y - area.y) * area.width + (x - area.x)
                let all = sides[i].union(otherSides[i])
                guard !all.isEmpty else { continue }
                if isCrossing(i) {
                    buffer.set(glyphs.crossing, at: Point(x: x, y: y), style: sides[i] == Self.horizontal ? styles[i] : otherStyles[i])
                } else {
                    buffer.set(glyphs.junction(all), at: Point(x: x, y: y), style: styles[i])
                }
            }
        }
        for h in heads { buffer.set(h.glyph, at: h.point, style: h.style) }
    }
}
