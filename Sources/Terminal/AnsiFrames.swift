import Screen

/// Frames as the bytes a terminal is sent to show them (ANSI escape sequences), for
/// recordings: the first frame whole, after it only the rows that changed, each row
/// written from its first column with its styles. Replaying the bytes into a terminal of
/// the same size shows each frame exactly. A value; deterministic.
public struct AnsiFrames: Sendable {
    private var previous: Buffer?

    public init() {}

    /// The bytes that turn the screen showing the previous frame into `buffer`.
    public mutating func encode(_ buffer: Buffer) -> String {
        var out = ""
        let whole = previous?.size != buffer.size
        // The first frame (or one of another size) clears the screen and hides the cursor.
        if whole { out += "\u{1B}[?25l\u{1B}[0m\u{1B}[2J" }
        for y in 0..<buffer.height {
            let row = (0..<buffer.width).map { buffer[$0, y] }
            if !whole, let previous, (0..<buffer.width).allSatisfy({ previous[$0, y] == row[$0] }) { continue }
            out += "\u{1B}[\(y + 1);1H"
            var style: Style?
            for cell in row where !cell.isContinuation {
                if cell.style != style {
                    out += Self.sgr(cell.style)
                    style = cell.style
                }
                out += cell.symbol
            }
            out += "\u{1B}[0m"
        }
        previous = buffer
        return out
    }

    /// The Select Graphic Rendition sequence for `style`, from a reset.
    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let code = code(style.foreground, base: 30) { codes.append(code) }
        if let code = code(style.background, base: 40) { codes.append(code) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR code of a colour (`base` 30 for the foreground, 40 for the background);
    /// orange is colour 208 of the 256.
    private static func code(_ color: Color, base: Int) -> String? {
        switch color {
        case .default: nil
        case .orange: "\(base + 8);5;208"
        default: String(base - 1 + color.rawValue)  // black = 1 … white = 8
        }
    }
}
