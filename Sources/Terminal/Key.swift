import CNcursesw
import Screen

extension Key {
    /// Decodes what `wget_wch` returned: a curses key code (`isKeyCode`) or a character.
    public static func decode(isKeyCode: Bool, value: UInt32) -> Key {
        if isKeyCode {
            switch Int32(bitPattern: value) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_BTAB: return .backTab
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_RESIZE: return .resize
            case let code where code >= KEY_F0 + 1 && code <= KEY_F0 + 12: return .function(Int(code - KEY_F0))
            default: return .other(Int32(bitPattern: value))
            }
        }
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 3: return .interrupt
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }
}
