import CNcursesw
import Screen

/// The curses colour pairs in use: one per (foreground, background) combination, made
/// on first use. When the terminal runs out of pairs, further combinations fall back to
/// the default pair (text stays readable, only the colour is lost).
struct ColorPairs {
    private var pairs: [Int: Int16] = [:]
    private let limit: Int
    /// The colours the terminal has (`COLORS`): orange needs 256.
    private let colors: Int

    init(limit: Int, colors: Int = 8) {
        self.limit = limit
        self.colors = colors
    }

    /// The pair number for `style`'s colours (0, the terminal default, for default/default).
    mutating func pair(for style: Style) -> Int16 {
        if style.foreground == .default && style.background == .default { return 0 }
        let key = style.foreground.rawValue * 16 + style.background.rawValue
        if let p = pairs[key] { return p }
        let next = pairs.count + 1
        guard next < limit, next <= Int(Int16.max) else { return 0 }
        let number = Int16(next)
        init_pair(number, curses(style.foreground), curses(style.background))
        pairs[key] = number
        return number
    }

    /// The curses colour number; -1 is the terminal's default (after `use_default_colors`).
    func curses(_ color: Color) -> Int16 {
        switch color {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        case .orange: colors >= 256 ? 208 : Int16(COLOR_YELLOW)
        }
    }
}
