/// A position in a source file: 1-based line and column, where the column counts
/// Characters (so each letter of `ξ1` is one column), as editors expect.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of a problem with the whole file (it cannot be read, say) rather than
    /// with a place in it; a diagnostic there is written without a line and column.
    public static let wholeFile = SourceLocation(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }
}

/// A problem found in a file, reported the way compilers do so that editors can jump to it:
/// `FILE:LINE:COL: error: MESSAGE`. Problems with the whole file (a missing file) have no
/// position and read `FILE: error: MESSAGE`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether the problem stops the file from being used.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, file: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    public static func error(file: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, at: location, message)
    }

    public static func warning(file: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, at: location, message)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        let file = Diagnostic.printable(self.file), message = Diagnostic.printable(self.message)
        if location == .wholeFile { return "\(file): \(severity.rawValue): \(message)" }
        return "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    /// Text quoted from the input as a terminal can print it: control characters (a NUL, a
    /// backspace, ESC) as `\u{1B}`, never raw, so a message can neither hide its quotes
    /// nor send the terminal a command.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls and DEL; a tab and a newline count as controls too in a
    /// one-line message.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
