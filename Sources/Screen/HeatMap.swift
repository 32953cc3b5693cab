/// A data point drawn on a `HeatMap`, in the map's own coordinates.
public struct MarkedPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var glyph: Character
    public var style: Style
    public init(x: Double, y: Double, glyph: Character, style: Style = .plain) {
        self.x = x
        self.y = y
        self.glyph = glyph
        self.style = style
    }
}

/// A 2-D region shaded from values on a grid (a classifier's output over the plane),
/// with data points marked on top. Values in, cells out: the caller samples its
/// function with `HeatMap.sample`, usually at the pane's size.
public struct HeatMap: Widget {
    /// Grid values row-major, row 0 at the top (largest y).
    public var values: [Double]
    public var columns: Int
    public var rows: Int
    /// The plane shown: x left to right, y bottom to top.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Values mapped onto the shade ramp (lightest to darkest).
    public var valueRange: ClosedRange<Double>
    /// Values at or above it use `highStyle`, below it `lowStyle` (two decision regions).
    public var threshold: Double
    public var lowStyle: Style
    public var highStyle: Style
    public var points: [MarkedPoint]
    public var glyphs: Glyphs

    public init(values: [Double], columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                valueRange: ClosedRange<Double> = 0...1, threshold: Double = 0.5,
                lowStyle: Style = .plain, highStyle: Style = .plain, points: [MarkedPoint] = [],
                glyphs: Glyphs = .unicode) {
        self.values = values
        self.columns = columns
        self.rows = rows
        self.xRange = xRange
        self.yRange = yRange
        self.valueRange = valueRange
        self.threshold = threshold
        self.lowStyle = lowStyle
        self.highStyle = highStyle
        self.points = points
        self.glyphs = glyphs
    }

    /// `f` at the centre of every cell of a `columns`×`rows` grid over the plane, row 0 at the top.
    public static func sample(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                              _ f: (Double, Double) -> Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(max(0, columns * rows))
        for r in 0..<max(0, rows) {
            let y = yRange.upperBound - (Double(r) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
            for c in 0..<max(0, columns) {
                let x = xRange.lowerBound + (Double(c) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound)
                out.append(f(x, y))
            }
        }
        return out
    }

    /// The cell of the area where a point of the plane falls (nil outside the plane).
    public func cell(x: Double, y: Double, in area: Rect) -> Point? {
        let xs = xRange.upperBound - xRange.lowerBound, ys = yRange.upperBound - yRange.lowerBound
        guard xs > 0, ys > 0, x.isFinite, y.isFinite, xRange.contains(x), yRange.contains(y) else { return nil }
        let c = min(area.width - 1, Int((x - xRange.lowerBound) / xs * Double(area.width)))
        let r = min(area.height - 1, Int((yRange.upperBound - y) / ys * Double(area.height)))
        return Point(x: area.x + c, y: area.y + r)
    }

    /// The shade a finite value is drawn with: its place in `range`, lightest to darkest
    /// (a legend names the shade of each class with it).
    public static func shade(of value: Double, in range: ClosedRange<Double>, shades: [Character]) -> Character {
        guard !shades.isEmpty else { return " " }
        let span = range.upperBound - range.lowerBound
        let t = span > 0 && value.isFinite ? min(max((value - range.lowerBound) / span, 0), 1) : 0
        // (t is in 0...1, so the level is an index of `shades`.)
        return shades[Int((t * Double(shades.count - 1)).rounded())]
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty, columns > 0, rows > 0, values.count >= columns * rows else { return }
        let shades = glyphs.shades
        for cy in 0..<area.height {
            for cx in 0..<area.width {
                // Nearest grid cell, so a grid sampled at another size still fills the area.
                let v = values[(cy * rows / area.height) * columns + cx * columns / area.width]
                guard v.isFinite else { buffer.set("?", at: Point(x: area.x + cx, y: area.y + cy), clip: area); continue }
                buffer.set(Self.shade(of: v, in: valueRange, shades: shades), at: Point(x: area.x + cx, y: area.y + cy),
                           style: v >= threshold ? highStyle : lowStyle, clip: area)
            }
        }
        for p in points {
            guard let c = cell(x: p.x, y: p.y, in: area) else { continue }
            buffer.set(p.glyph, at: c, style: p.style, clip: area)
        }
    }
}
