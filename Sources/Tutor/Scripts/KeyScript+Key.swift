import Screen

extension KeyScript {
    /// The key a canonical name stands for (`right` → →, `space` → " ", `q` → q).
    public static func key(named name: String) -> Key? {
        switch name {
        case "right": return .right
        case "left": return .left
        case "up": return .up
        case "down": return .down
        case "enter": return .enter
        case "escape": return .escape
        case "tab": return .tab
        case "backspace": return .backspace
        case "space": return .character(" ")
        case "home": return .home
        case "end": return .end
        case "pageup": return .pageUp
        case "pagedown": return .pageDown
        default: return name.count == 1 ? name.first.map(Key.character) : nil
        }
    }
}
