/// A key press (or a terminal event) as the app sees it. It lives here, not in Terminal,
/// so that keymaps (in Tutor) can name keys without depending on the terminal backend;
/// Terminal produces them (`Key.decode`).
public enum Key: Sendable, Hashable {
    /// A printable character, e.g. `l`, `?`, ` ` (space).
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab, delete
    case home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
    /// The window changed size: redraw at the new `TerminalSession.size`.
    case resize
    /// Ctrl-C (or SIGTERM): restore the terminal and exit with `InterruptSignal.exitStatus`.
    case interrupt
    /// A key curses reports that the app does not name (its curses code).
    case other(Int32)
    /// A click or a turn of the wheel at a cell (with `mouse: true` in the settings).
    case mouse(MouseEvent)
}

/// What the mouse did, and where (column `x`, row `y` from the top left).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

extension Key {
    /// How the key is named in hints and help: arrows as `→ ← ↑ ↓` (words in ASCII),
    /// space as `space`, other characters as themselves.
    public func label(unicode: Bool = true) -> String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: unicode ? "↑" : "Up"
        case .down: unicode ? "↓" : "Down"
        case .left: unicode ? "←" : "Left"
        case .right: unicode ? "→" : "Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .delete: "Delete"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .interrupt: "Ctrl-C"
        case .other(let code): "key \(code)"
        case .mouse: "mouse"
        }
    }
}
