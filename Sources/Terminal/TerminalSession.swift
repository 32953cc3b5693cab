import CNcursesw
import Screen

/// Why the interactive screen could not start; the caller falls back to plain text.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// curses could not open the terminal named by TERM.
    case unavailable(term: String)

    /// The same words as the plain-output reason it becomes.
    public var description: String { plainReason.description }

    /// The plain-output reason that goes with this error.
    public var plainReason: PlainReason {
        switch self {
        case .unavailable(let term): .terminalUnavailable(term)
        }
    }
}

/// The interactive terminal while it is up: read keys, present frames. Only
/// `withTerminal` makes one, and it always restores the terminal afterwards.
///
/// `present` writes only the cells that changed since the previous frame (the whole
/// screen after a resize or on the first frame), so stepping redraws a handful of cells.
public struct TerminalSession {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Buffer?
    private var colorPairs: ColorPairs?
    /// True when colours are in use (asked for, and the terminal has them).
    public let usesColor: Bool

    /// Starts curses on the terminal `open` returns (the process's own by default; a
    /// pseudo-terminal in tests).
    fileprivate init(capabilities: TerminalCapabilities,
                     open: () -> OpaquePointer? = { cn_newterm() }) throws(TerminalError) {
        InterruptSignal.install()
        guard let screen = open() else {
            InterruptSignal.uninstall()
            throw .unavailable(term: TerminalEnvironment.current().term ?? "")
        }
        guard let window = cn_stdscr() else {
            endwin()
            delscreen(screen)
            InterruptSignal.uninstall()
            throw .unavailable(term: TerminalEnvironment.current().term ?? "")
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)  // a lone Escape arrives promptly, arrows still decode
        wtimeout(window, Self.pollMilliseconds)
        if capabilities.mouse { cn_enable_mouse() }
        if capabilities.color && cn_has_colors() == 1 {
            start_color()
            use_default_colors()
            colorPairs = ColorPairs(limit: Int(cn_pair_count()), colors: Int(cn_color_count()))
            usesColor = true
        } else {
            usesColor = false
        }
    }

    /// How long one wait for input lasts before the interrupt flag is checked again.
    static let pollMilliseconds: Int32 = 100

    fileprivate func stop() {
        let restores = cn_restores_screen() == 1
        endwin()
        // The last frame stays on a terminal without an alternate screen: start the
        // shell's next output on a line of its own, not over the frame's last row.
        if !restores { cn_fresh_line() }
        delscreen(screen)
        InterruptSignal.uninstall()
    }

    /// The window's size now (it changes after `Key.resize`).
    public var size: Size { Size(width: Int(cn_columns(window)), height: Int(cn_rows(window))) }

    /// Shows `buffer`, sending only the cells that differ from the last frame. A buffer
    /// larger than the window is cut at its edges; draw at `size` to avoid that.
    public mutating func present(_ buffer: Buffer) {
        let updates: [CellUpdate]
        if let previous, previous.size == buffer.size {
            updates = buffer.diff(from: previous)
        } else {
            werase(window)
            updates = buffer.diff(from: Buffer(width: 0, height: 0))
        }
        var text: [wchar_t] = []
        for u in updates where !u.cell.isContinuation {
            cn_attr_set(window, attributes(u.cell.style), pair(u.cell.style))
            text.removeAll(keepingCapacity: true)
            for scalar in u.cell.symbol.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
            text.append(0)
            _ = cn_put(window, Int32(u.y), Int32(u.x), text, Int32(text.count - 1))
        }
        cn_attr_set(window, cn_a_normal(), 0)
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Forgets the last frame, so the next `present` redraws the whole screen.
    public mutating func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// The next key, waiting at most `timeoutMilliseconds` (nil: until a key comes).
    /// Returns nil on timeout. Ctrl-C arrives as `.interrupt`; a resize as `.resize`,
    /// after which the next `present` redraws everything.
    public mutating func readKey(timeoutMilliseconds: Int? = nil) -> Key? {
        var waited = 0
        while true {
            if InterruptSignal.isPending { return .interrupt }
            var ch: wint_t = 0
            let status = wget_wch(window, &ch)
            if status == cn_key_code_yes(), Int32(bitPattern: UInt32(ch)) == cn_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0
                guard cn_read_mouse(&x, &y, &kind) == 1 else { continue }
                switch kind {
                case 1: return .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
                case 2: return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
                case 3: return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
                default: continue
                }
            }
            if status == OK || status == cn_key_code_yes() {
                let key = Key.decode(isKeyCode: status == cn_key_code_yes(), value: UInt32(ch))
                if key == .resize { invalidate() }
                if key == .interrupt || InterruptSignal.isPending { return .interrupt }
                return key
            }
            waited += Int(Self.pollMilliseconds)
            if let limit = timeoutMilliseconds, waited >= limit { return InterruptSignal.isPending ? .interrupt : nil }
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = cn_a_normal()
        if style.bold { a |= cn_a_bold() }
        if style.dim { a |= cn_a_dim() }
        if style.reverse { a |= cn_a_reverse() }
        if style.underline { a |= cn_a_underline() }
        return a
    }

    private mutating func pair(_ style: Style) -> Int16 {
        guard usesColor, var pairs = colorPairs else { return 0 }
        let p = pairs.pair(for: style)
        colorPairs = pairs
        return p
    }
}

/// Runs `body` with the interactive terminal up and restores the terminal afterwards —
/// on return, on a thrown error and before the caller acts on `.interrupt` — so there is
/// no way out that leaves it in raw mode.
///
/// Decide with `TerminalCapabilities` first: call this only for `.interactive`. If curses
/// cannot open the terminal it throws `TerminalError.unavailable` before anything was
/// drawn, and the caller prints plain text instead.
///
///     let result = try withTerminal(capabilities) { session in
///         var buffer = view(state)
///         session.present(buffer)
///         while let key = session.readKey() { if key == .interrupt { return .interrupted } … }
///     }
///     if let status = InterruptSignal.exitStatus { exit(status) }   // 130 after Ctrl-C
public func withTerminal<T>(_ capabilities: TerminalCapabilities,
                            _ body: (inout TerminalSession) throws -> T) throws -> T {
    try withTerminal(capabilities, opening: { cn_newterm() }, body)
}

/// `withTerminal` on a terminal of the caller's choosing (tests use a pseudo-terminal).
func withTerminal<T>(_ capabilities: TerminalCapabilities, opening open: () -> OpaquePointer?,
                     _ body: (inout TerminalSession) throws -> T) throws -> T {
    var session = try TerminalSession(capabilities: capabilities, open: open)
    defer { session.stop() }
    return try body(&session)
}
