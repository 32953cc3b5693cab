/// The small set of terminal colours the screen uses: the eight ANSI colours plus the
/// terminal's own default, so a theme never fights the user's background, and orange for
/// the colour-blind theme (colour 208 where the terminal has 256 colours, else yellow).
public enum Color: Int, Sendable, Hashable, CaseIterable {
    /// Whatever the terminal uses when no colour is set.
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// Blue's partner that colour-blind readers tell apart from it (Okabe–Ito).
    case orange
}
