/// A key as the tutor sees it, independent of any terminal library: the run loop turns
/// whatever the terminal reports into one of these, and the `KeyMap` turns it into an
/// `Action`. Keeping it here (not in Terminal) lets `update` and the key map be tested as
/// plain values.
public enum Keystroke: Hashable, Sendable {
    /// A printable character, e.g. `l`, `?`, `H`, or a space.
    case char(Character)
    case left, right, up, down
    /// Arrows with Shift held (used for panning, so they never clash with stepping).
    case shiftLeft, shiftRight, shiftUp, shiftDown
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace

    /// The label shown in hints and help: `→`, `space`, `Shift+←` (ASCII spellings when
    /// the terminal cannot draw arrows).
    public func label(unicode: Bool) -> String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .left: unicode ? "←" : "Left"
        case .right: unicode ? "→" : "Right"
        case .up: unicode ? "↑" : "Up"
        case .down: unicode ? "↓" : "Down"
        case .shiftLeft: unicode ? "Shift+←" : "S-Left"
        case .shiftRight: unicode ? "Shift+→" : "S-Right"
        case .shiftUp: unicode ? "Shift+↑" : "S-Up"
        case .shiftDown: unicode ? "Shift+↓" : "S-Down"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift+Tab"
        case .backspace: "Backspace"
        }
    }
}
