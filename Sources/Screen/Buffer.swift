/// A screen as a plain value: a `width`×`height` grid of cells, row by row.
///
/// Widgets draw into a Buffer; the terminal backend presents it (only the cells that
/// changed, see `diff(from:)`); tests compare it with a picture (`lines`, `init(lines:)`).
/// Every write is clipped to the buffer and to an optional rectangle, so drawing code
/// never needs bounds checks of its own and can never trap on a small screen.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A buffer filled with `fill` (blank by default).
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: Size, fill: Cell = .blank) {
        self.init(width: size.width, height: size.height, fill: fill)
    }

    /// A buffer holding a text picture in the plain style: one row per line, as wide as
    /// the widest line (or `width`), shorter lines padded with blanks. For snapshot tests.
    public init(lines: [String], width: Int? = nil) {
        let w = width ?? lines.map { DisplayWidth.of($0) }.max() ?? 0
        self.init(width: w, height: lines.count)
        for (y, line) in lines.enumerated() { write(line, at: Point(x: 0, y: y)) }
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    public var size: Size { Size(width: width, height: height) }

    /// The cell at (x, y); a blank for positions outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(Point(x: x, y: y)) ? cells[y * width + x] : .blank }
        set { put(newValue, x: x, y: y) }
    }

    /// Stores a cell, repairing any wide character it cuts in half.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1].symbol = " " }
        if !cells[i].isContinuation, x + 1 < width, cells[i + 1].isContinuation, DisplayWidth.of(cells[i].symbol) == 2 {
            cells[i + 1].symbol = " "
        }
        cells[i] = cell
    }

    /// Writes `text` from `point` to the right in one style, clipped to `clip` (and the
    /// buffer). Control characters become spaces; a wide character that does not fit
    /// before the clip edge becomes a space. Returns the column after the last one used.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        var x = point.x
        let y = point.y
        guard y >= bounds.y, y < bounds.maxY else { return x + DisplayWidth.of(text) }
        for ch in text {
            var w = DisplayWidth.of(ch)
            var symbol = String(ch)
            if w == 0 {
                guard ch.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? false else { continue }
                symbol = " "  // a tab or newline inside a line: keep the columns honest
                w = 1
            }
            if x >= bounds.maxX { break }
            if x >= bounds.x {
                if w == 2 && x + 1 >= bounds.maxX {
                    put(Cell(" ", style: style), x: x, y: y)
                } else {
                    put(Cell(symbol, style: style), x: x, y: y)
                    if w == 2 { put(Cell("", style: style), x: x + 1, y: y) }
                }
            } else if w == 2 && x + 1 == bounds.x {
                put(Cell(" ", style: style), x: x + 1, y: y)  // right half of a cut wide char
            }
            x += w
        }
        return x
    }

    /// Writes styled spans one after another; returns the column after the last one.
    @discardableResult
    public mutating func write(_ spans: [Span], at point: Point, clip: Rect? = nil) -> Int {
        var x = point.x
        for span in spans { x = write(span.text, at: Point(x: x, y: point.y), style: span.style, clip: clip) }
        return x
    }

    /// Writes a line aligned within `rect`'s first row (clipped to `rect`).
    public mutating func write(_ line: Line, in rect: Rect) {
        let w = line.width
        let dx: Int
        switch line.alignment {
        case .left: dx = 0
        case .center: dx = max(0, (rect.width - w) / 2)
        case .right: dx = max(0, rect.width - w)
        }
        write(line.spans, at: Point(x: rect.x + dx, y: rect.y), clip: rect)
    }

    /// Sets one cell's symbol (a single grapheme) and style, if inside `clip` and the buffer.
    public mutating func set(_ symbol: Character, at point: Point, style: Style = .plain, clip: Rect? = nil) {
        write(String(symbol), at: point, style: style, clip: clip)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { put(cell, x: x, y: y) } }
    }

    /// Replaces the style of every cell in `rect`, keeping the symbols.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].style = style } }
    }

    /// Lays `style` over the style of every cell in `rect` (see `Style.patched(by:)`).
    public mutating func patchStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x].style = cells[y * width + x].style.patched(by: style) }
        }
    }

    /// Copies `source`'s cells so that its (0, 0) lands on `origin`, clipped to `clip`.
    public mutating func blit(_ source: Buffer, at origin: Point, clip: Rect? = nil) {
        let bounds = (clip.map { $0.intersection(area) } ?? area)
            .intersection(Rect(origin: origin, size: source.size))
        guard !bounds.isEmpty else { return }
        for y in bounds.y..<bounds.maxY {
            for x in bounds.x..<bounds.maxX { put(source[x - origin.x, y - origin.y], x: x, y: y) }
        }
    }

    /// The text picture: one string per row, symbols only, trailing blanks kept.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].symbol }
            return s
        }
    }

    /// The rows of `lines` with trailing blanks removed, for plain-text output.
    public var trimmedLines: [String] {
        lines.map { line in
            var s = Substring(line)
            while s.last == " " { s.removeLast() }
            return String(s)
        }
    }

    /// `trimmedLines` joined with newlines: the snapshot a test compares with a
    /// multi-line string literal (styles are checked separately, e.g. with `mask`).
    public var picture: String { trimmedLines.joined(separator: "\n") }

    /// A picture of where cells satisfy `predicate`: `mark` there, the symbol's absence
    /// (`.`) elsewhere. Lets tests assert where a style was applied without escape codes.
    public func mask(mark: Character = "#", where predicate: (Cell) -> Bool) -> [String] {
        (0..<height).map { y in
            String((0..<width).map { x in predicate(cells[y * width + x]) ? mark : "." })
        }
    }

    /// The cells that differ from `previous`, in row-major order. When the sizes differ,
    /// every cell (the backend must redraw everything anyway).
    public func diff(from previous: Buffer) -> [CellUpdate] {
        var updates: [CellUpdate] = []
        let sameSize = previous.width == width && previous.height == height
        for i in cells.indices where !sameSize || previous.cells[i] != cells[i] {
            updates.append(CellUpdate(x: i % width, y: i / width, cell: cells[i]))
        }
        return updates
    }
}

extension Buffer: CustomStringConvertible {
    /// The picture, so a failed comparison shows what was on screen.
    public var description: String { picture }
}

/// One changed cell, as reported by `Buffer.diff(from:)`.
public struct CellUpdate: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    public init(x: Int, y: Int, cell: Cell) { self.x = x; self.y = y; self.cell = cell }
}
