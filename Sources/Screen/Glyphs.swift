/// The characters the screen draws with: box drawing, arrows, status marks and shades.
/// `unicode` for UTF-8 terminals, `ascii` when the locale cannot show anything else
/// (under `LC_ALL=C` every non-ASCII glyph would render blank).
public struct Glyphs: Sendable, Hashable {
    /// True when braille dots and other non-ASCII glyphs may be used.
    public var isUnicode: Bool
    public var horizontal: Character
    public var vertical: Character
    /// Where two lines that do not meet cross: the horizontal heavier, passing over the
    /// vertical, so that neither reads as ending there nor as joining the other (`┼` is a
    /// junction of one net's lines). ASCII, which has no heavier line, keeps the horizontal
    /// (`+` is every junction and corner there).
    public var crossing: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Arrowheads pointing into a target.
    public var arrowRight: Character
    public var arrowLeft: Character
    public var arrowUp: Character
    public var arrowDown: Character
    /// Status marks: the step being shown, steps already done, steps still to come.
    public var active: Character
    public var done: Character
    public var pending: Character
    public var ellipsis: String
    /// Light to dark, for heat maps; the first is blank.
    public var shades: [Character]
    /// Separator between key hints.
    public var separator: String

    /// Box drawing and arrows from Unicode.
    public static let unicode = Glyphs(
        isUnicode: true, horizontal: "─", vertical: "│", crossing: "┿", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", arrowRight: "▶", arrowLeft: "◀", arrowUp: "▲", arrowDown: "▼",
        active: "▶", done: "✓", pending: "·", ellipsis: "…", shades: [" ", "░", "▒", "▓", "█"],
        separator: " · ")

    /// Seven-bit fallback.
    public static let ascii = Glyphs(
        isUnicode: false, horizontal: "-", vertical: "|", crossing: "-", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", arrowRight: ">", arrowLeft: "<", arrowUp: "^", arrowDown: "v",
        active: ">", done: "#", pending: ".", ellipsis: "~", shades: [" ", ".", ":", "+", "#"],
        separator: "  ")

    /// The glyph for a point where lines meet, given which neighbours they reach.
    /// Unicode joins properly (`┬ ┼ ├` …); ASCII uses `+` wherever lines turn or meet.
    public func junction(_ sides: Sides) -> Character {
        guard isUnicode else {
            if sides.isEmpty { return " " }
            if sides.isSubset(of: [.left, .right]) { return horizontal }
            if sides.isSubset(of: [.up, .down]) { return vertical }
            return "+"
        }
        switch sides {
        case [.left], [.right], [.left, .right]: return "─"
        case [.up], [.down], [.up, .down]: return "│"
        case [.down, .right]: return "┌"
        case [.down, .left]: return "┐"
        case [.up, .right]: return "└"
        case [.up, .left]: return "┘"
        case [.up, .down, .right]: return "├"
        case [.up, .down, .left]: return "┤"
        case [.left, .right, .down]: return "┬"
        case [.left, .right, .up]: return "┴"
        case [.up, .down, .left, .right]: return "┼"
        default: return " "
        }
    }
}

/// Which of a cell's four neighbours a line continues to.
public struct Sides: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let up = Sides(rawValue: 1)
    public static let down = Sides(rawValue: 2)
    public static let left = Sides(rawValue: 4)
    public static let right = Sides(rawValue: 8)
}
