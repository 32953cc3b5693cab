/// One token of a line of the graph language.
///
/// A plain value with no strings inside: a million-line file makes millions of tokens,
/// and the text of a name is only turned into a String where the parser needs it
/// (`GraphBuilder.text(of:)`).
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case number, name
        case plus, minus, star, slash, caret
        case leftParen, rightParen, comma, equals
        /// The end of the statement: the end of the line or the start of a `#` comment.
        case end
    }

    var kind: Kind
    var location: SourceLocation
    /// The token's bytes in the parsed text are `start ..< end` (`**` and `^` are the
    /// same kind; the bytes tell them apart in messages).
    var start: Int
    var end: Int
    /// The value of a number.
    var value: Double = 0
}
