/// How a cell is drawn: colours and attributes. A value; combine with `patched(by:)`.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// No colour, no attributes.
    public static let plain = Style()

    /// This style with `other` laid on top: `other`'s non-default colours replace ours and
    /// its attributes are added (so highlighting a coloured span keeps its colour).
    public func patched(by other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            bold: bold || other.bold, dim: dim || other.dim,
            reverse: reverse || other.reverse, underline: underline || other.underline)
    }

    public func bolded() -> Style { var s = self; s.bold = true; return s }
    public func underlined() -> Style { var s = self; s.underline = true; return s }
}
