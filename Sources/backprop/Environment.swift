import Foundation

/// What the process was started with, read once: whether stdin/stdout are terminals, the
/// terminal type, whether the locale can show Unicode, and `NO_COLOR`.
struct Environment {
    var stdinIsTTY: Bool
    var stdoutIsTTY: Bool
    var term: String
    var unicode: Bool
    var noColor: Bool

    static var current: Environment {
        setlocale(LC_ALL, "")
        let env = ProcessInfo.processInfo.environment
        let codeset = nl_langinfo(Int32(CODESET)).map { String(cString: $0) } ?? ""
        return Environment(
            stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1, term: env["TERM"] ?? "",
            unicode: codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8",
            noColor: !(env["NO_COLOR"] ?? "").isEmpty)
    }

    /// Whether to draw interactively; otherwise print plain frames (never start curses).
    var isInteractive: Bool { stdinIsTTY && stdoutIsTTY && !term.isEmpty && term != "dumb" }
}
