/// One screen cell: the grapheme drawn there and its style.
///
/// A wide character (two columns) is stored in its first cell; the cell to its right holds
/// the empty string, marking it as covered, so the grid stays one `Cell` per column.
public struct Cell: Sendable, Hashable {
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A blank cell in the default style.
    public static let blank = Cell()

    /// True for the right half of a wide character.
    public var isContinuation: Bool { symbol.isEmpty }
}
