/// One token of a line of the graph language.
struct Token: Sendable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case name(String)
        case plus, minus, star, slash, caret
        case leftParen, rightParen, comma, equals
        /// The end of the statement: the end of the line or the start of a `#` comment.
        case end
    }

    var kind: Kind
    var location: SourceLocation
    /// The text as written, for messages (`**` and `^` are the same kind).
    var text: String

    /// How messages name the token: `'x'`, `'+'`, or `end of line`.
    var quoted: String {
        kind == .end ? "end of line" : "'\(text)'"
    }

    var name: String? {
        if case .name(let name) = kind { return name }
        return nil
    }
}
