import Foundation

/// One line of a chart: values at x = 0, 1, 2, … in one style; a dotted line lights
/// every other dot, so it stays apart from a solid one without colour (NO_COLOR, ASCII,
/// plain text).
public struct ChartSeries: Sendable, Hashable {
    public var values: [Double]
    public var style: Style
    public var dotted: Bool
    public init(_ values: [Double], style: Style = .plain, dotted: Bool = false) {
        self.values = values
        self.style = style
        self.dotted = dotted
    }
}

/// A line chart of one or more series (a loss curve): braille dots (2×4 per cell) with
/// Unicode glyphs, `' - .` marks (1×3 per cell) in ASCII. The y axis is labelled with the
/// top and bottom of its range, the x axis with the first and last index. Non-finite
/// values leave a gap in the line. Draws nothing when the area is too small to read.
public struct LineChart: Widget {
    public var series: [ChartSeries]
    /// The y range; nil: from the finite values (a flat series gets a ±1 band).
    public var yRange: ClosedRange<Double>?
    /// Shown under the x axis, between the index labels (e.g. "epoch").
    public var xTitle: String
    /// Shorter titles in its place, the first that fits, where `xTitle` does not.
    public var shorterXTitles: [String]
    public var axisStyle: Style
    public var labelStyle: Style
    public var glyphs: Glyphs
    /// How the y axis writes its two numbers, so they read as the rest of the screen does.
    public var yLabel: @Sendable (Double) -> String

    public init(series: [ChartSeries], yRange: ClosedRange<Double>? = nil, xTitle: String = "", shorterXTitles: [String] = [],
                axisStyle: Style = .plain, labelStyle: Style = .plain, glyphs: Glyphs = .unicode,
                yLabel: @escaping @Sendable (Double) -> String = LineChart.label) {
        self.series = series
        self.yRange = yRange
        self.xTitle = xTitle
        self.shorterXTitles = shorterXTitles
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
        self.glyphs = glyphs
        self.yLabel = yLabel
    }

    /// The label text for an axis value: three significant digits.
    public static func label(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == 0 { return "0" }
        return String(format: "%.3g", v)
    }

    /// The y range actually drawn.
    public var effectiveRange: ClosedRange<Double> {
        if let yRange, yRange.lowerBound.isFinite, yRange.upperBound.isFinite, yRange.upperBound > yRange.lowerBound {
            return yRange
        }
        let finite = series.flatMap(\.values).filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
        return lo < hi ? lo...hi : (lo - 1)...(hi + 1)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let range = effectiveRange
        let top = yLabel(range.upperBound), bottom = yLabel(range.lowerBound)
        let labelWidth = max(DisplayWidth.of(top), DisplayWidth.of(bottom))
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 2)
        guard plot.width >= 2, plot.height >= 1 else { return }
        // Axes and labels.
        buffer.write(top, at: Point(x: area.x + labelWidth - DisplayWidth.of(top), y: plot.y), style: labelStyle, clip: area)
        buffer.write(bottom, at: Point(x: area.x + labelWidth - DisplayWidth.of(bottom), y: plot.maxY - 1),
                     style: labelStyle, clip: area)
        for y in plot.y..<plot.maxY { buffer.set(glyphs.vertical, at: Point(x: plot.x - 1, y: y), style: axisStyle, clip: area) }
        buffer.set(glyphs.bottomLeft, at: Point(x: plot.x - 1, y: plot.maxY), style: axisStyle, clip: area)
        buffer.write(String(repeating: String(glyphs.horizontal), count: plot.width),
                     at: Point(x: plot.x, y: plot.maxY), style: axisStyle, clip: area)
        let count = series.map(\.values.count).max() ?? 0
        let labelRow = plot.maxY + 1
        buffer.write("0", at: Point(x: plot.x, y: labelRow), style: labelStyle, clip: area)
        let last = count > 1 ? String(count - 1) : ""
        if !last.isEmpty {
            buffer.write(last, at: Point(x: plot.maxX - DisplayWidth.of(last), y: labelRow), style: labelStyle, clip: area)
        }
        // The title between the two indices, a blank from each (`0 epoch 200`, never
        // `epoch200`): centred where that leaves the blanks, else as near it as it does.
        let from = plot.x + 2, to = plot.maxX - (last.isEmpty ? 0 : DisplayWidth.of(last) + 1)
        if let title = ([xTitle] + shorterXTitles).first(where: { !$0.isEmpty && DisplayWidth.of($0) <= to - from }) {
            let w = DisplayWidth.of(title)
            let x = min(max(plot.x + (plot.width - w) / 2, from), to - w)
            buffer.write(title, at: Point(x: x, y: labelRow), style: labelStyle, clip: area)
        }
        // The dots.
        let (dx, dy) = glyphs.isUnicode ? (2, 4) : (1, 3)
        var dots = DotGrid(columns: plot.width * dx, rows: plot.height * dy, cells: plot.size, cellDots: (dx, dy))
        let span = range.upperBound - range.lowerBound
        for (k, s) in series.enumerated() {
            var previous: (Int, Int)?
            for (i, v) in s.values.enumerated() {
                guard v.isFinite else { previous = nil; continue }
                let fx = count > 1 ? Double(i) / Double(count - 1) : 0
                let fy = min(max((range.upperBound - v) / span, 0), 1)
                let p = (Int((fx * Double(dots.columns - 1)).rounded()), Int((fy * Double(dots.rows - 1)).rounded()))
                if let previous { dots.line(from: previous, to: p, series: k, dotted: s.dotted) } else { dots.set(p.0, p.1, series: k) }
                previous = p
            }
        }
        for cy in 0..<plot.height {
            for cx in 0..<plot.width {
                guard let (glyph, k) = dots.glyph(cellX: cx, cellY: cy, unicode: glyphs.isUnicode) else { continue }
                buffer.set(glyph, at: Point(x: plot.x + cx, y: plot.y + cy), style: series[k].style, clip: area)
            }
        }
    }
}

/// Sub-cell dots for charts: which dots are lit, and by which series (the last wins).
struct DotGrid {
    let columns: Int
    let rows: Int
    let cells: Size
    let cellDots: (Int, Int)
    private var owner: [Int]

    init(columns: Int, rows: Int, cells: Size, cellDots: (Int, Int)) {
        self.columns = columns
        self.rows = rows
        self.cells = cells
        self.cellDots = cellDots
        owner = Array(repeating: -1, count: columns * rows)
    }

    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, y >= 0, x < columns, y < rows else { return }
        owner[y * columns + x] = series
    }

    /// Bresenham's line between two dots; `dotted` lights only the dots in every other
    /// column pair (by absolute column, so joined segments keep one rhythm).
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int, dotted: Bool = false) {
        var x = a.0, y = a.1
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var err = dx + dy
        while true {
            if !dotted || (x / cellDots.0) % 2 == 0 { set(x, y, series: series) }
            if x == b.0 && y == b.1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// The glyph for one cell and the series that owns it, or nil when no dot is lit.
    func glyph(cellX: Int, cellY: Int, unicode: Bool) -> (Character, Int)? {
        let (w, h) = cellDots
        var lit: [(Int, Int)] = []
        var series = -1
        for j in 0..<h {
            for i in 0..<w {
                let o = owner[(cellY * h + j) * columns + cellX * w + i]
                if o >= 0 { lit.append((i, j)); series = max(series, o) }
            }
        }
        guard !lit.isEmpty else { return nil }
        if unicode {
            let bit: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            let code = lit.reduce(UInt32(0x2800)) { $0 | bit[$1.0][$1.1] }
            return (Character(Unicode.Scalar(code) ?? "*"), series)
        }
        if lit.count > 1 { return (":", series) }
        return (["'", "-", "."][min(2, lit[0].1)], series)
    }
}
