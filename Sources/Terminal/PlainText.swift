import Screen

/// Frames as plain text, for pipes, dumb terminals and handouts: the buffer's picture
/// with trailing blanks trimmed from each row and blank rows dropped from the end.
public enum PlainText {
    /// The text of one frame, each row ending in a newline.
    public static func render(_ buffer: Buffer) -> String {
        var rows = buffer.trimmedLines
        while rows.last == "" { rows.removeLast() }
        return rows.map { $0 + "\n" }.joined()
    }

    /// Prints one frame to standard output.
    public static func write(_ buffer: Buffer) {
        print(render(buffer), terminator: "")
    }
}
