import CNcursesw
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The facts about the process's terminal that decide how to draw, gathered before
/// curses is touched (`initscr` would exit the process on an unknown TERM, and curses
/// writes escape codes into pipes).
public struct TerminalEnvironment: Sendable, Hashable {
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool
    /// `TERM`, nil when unset.
    public var term: String?
    /// `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public var noColor: Bool
    /// The locale's character set is UTF-8 (else only ASCII renders).
    public var localeIsUTF8: Bool
    /// The terminal on stdout's size, when stdout is one (also a dumb one).
    public var stdoutSize: Size?
    /// `COLUMNS`, when set to a number.
    public var columnsVariable: Int?

    public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?, noColor: Bool, localeIsUTF8: Bool,
                stdoutSize: Size? = nil, columnsVariable: Int? = nil) {
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.term = term
        self.noColor = noColor
        self.localeIsUTF8 = localeIsUTF8
        self.stdoutSize = stdoutSize
        self.columnsVariable = columnsVariable
    }

    /// The width plain frames are printed at: the terminal's when stdout is one (a dumb
    /// terminal too), else `COLUMNS`, else 100; never below `minimum`, never above 1000.
    public func plainWidth(minimum: Int) -> Int {
        let width = stdoutSize?.width ?? columnsVariable ?? 100
        return Swift.min(Swift.max(width, minimum), 1000)
    }

    /// This process's environment. Adopts the user's locale first (`setlocale(LC_ALL, "")`),
    /// which wide-character output needs anyway.
    public static func current() -> TerminalEnvironment {
        cn_adopt_user_locale()
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        var rows: Int32 = 0, columns: Int32 = 0
        let size = cn_stdout_size(&rows, &columns) == 0 ? Size(width: Int(columns), height: Int(rows)) : nil
        return TerminalEnvironment(
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, term: env("TERM"),
            noColor: !(env("NO_COLOR") ?? "").isEmpty, localeIsUTF8: cn_locale_is_utf8() == 1,
            stdoutSize: size, columnsVariable: env("COLUMNS").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil })
    }
}

/// Why the program prints plain text instead of starting the interactive screen.
public enum PlainReason: Sendable, Hashable, CustomStringConvertible {
    /// `--plain` was given.
    case requested
    /// Keys cannot be read (stdin is a pipe, a file or /dev/null).
    case stdinNotATerminal
    /// Output goes to a pipe or a file.
    case stdoutNotATerminal
    /// `TERM` is unset or empty.
    case noTerm
    /// `TERM=dumb`: no cursor addressing.
    case dumbTerminal
    /// curses could not open the terminal (an unknown TERM).
    case terminalUnavailable(String)

    public var description: String {
        switch self {
        case .requested: "plain output requested"
        case .stdinNotATerminal: "standard input is not a terminal"
        case .stdoutNotATerminal: "standard output is not a terminal"
        case .noTerm: "TERM is not set"
        case .dumbTerminal: "TERM is dumb"
        case .terminalUnavailable(let term): "cannot open terminal '\(term)'"
        }
    }
}

/// Interactive screen or plain text.
public enum OutputMode: Sendable, Hashable {
    case interactive
    case plain(PlainReason)
}

/// How to draw on this terminal: the mode, and whether Unicode and colour may be used.
public struct TerminalCapabilities: Sendable, Hashable {
    public var mode: OutputMode
    /// Box drawing, arrows and braille (a UTF-8 locale).
    public var unicode: Bool
    /// Colours (no `NO_COLOR`); the session may still find the terminal has none.
    public var color: Bool
    /// Clicks and the wheel (`mouse: true` in the settings; off by default, as capturing
    /// the mouse stops the terminal's own text selection).
    public var mouse = false

    public init(mode: OutputMode, unicode: Bool, color: Bool) {
        self.mode = mode
        self.unicode = unicode
        self.color = color
    }

    /// The decision, as a pure function of the environment and the `--plain` flag.
    /// Plain text goes to pipes, so it never uses colour.
    public init(environment e: TerminalEnvironment, plain: Bool = false) {
        let term = e.term ?? ""
        let mode: OutputMode
        if plain { mode = .plain(.requested) }
        else if !e.stdoutIsTerminal { mode = .plain(.stdoutNotATerminal) }
        else if !e.stdinIsTerminal { mode = .plain(.stdinNotATerminal) }
        else if term.isEmpty { mode = .plain(.noTerm) }
        else if term == "dumb" { mode = .plain(.dumbTerminal) }
        else { mode = .interactive }
        let interactive = mode == .interactive
        self.init(mode: mode, unicode: e.localeIsUTF8, color: interactive && !e.noColor)
    }

    /// The same capabilities after curses failed to start: plain text.
    public func fallingBack(because reason: PlainReason) -> TerminalCapabilities {
        TerminalCapabilities(mode: .plain(reason), unicode: unicode, color: false)
    }

    /// The glyphs these capabilities allow.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }
}

import Screen

extension Theme {
    /// The theme for these capabilities (colour or monochrome; Unicode or ASCII).
    public static func forCapabilities(_ c: TerminalCapabilities) -> Theme {
        Theme.forTerminal(color: c.color, unicode: c.unicode)
    }
}
