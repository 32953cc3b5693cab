/// Splits one line of UTF-8 bytes into tokens. Works on bytes rather than Characters so a
/// 1,000,000-line file lexes quickly; columns are still counted in Characters (through
/// `ColumnMap`) so that `ξ1` is two columns, as an editor shows it.
struct LineLexer {
    /// The whole text; valid only during the parse that made this lexer.
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let columns: ColumnMap

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, line: Int, columnOffset: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.columns = ColumnMap(bytes: bytes, start: start, end: end, line: line, columnOffset: columnOffset)
    }

    /// A problem on this line, at a position.
    struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    /// Fills `tokens` with the line's tokens, ending with `.end`.
    func tokenize(into tokens: inout [Token]) throws(Failure) {
        tokens.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            case UInt8(ascii: "#"):
                tokens.append(Token(kind: .end, location: columns.location(at: i), start: i, end: i))
                return
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
                i = try number(at: i, into: &tokens)
            default:
                if var kind = Self.punctuation(byte) {
                    var length = 1
                    // `**` is the same operator as `^`.
                    if kind == .star, i + 1 < end, bytes[i + 1] == UInt8(ascii: "*") {
                        length = 2
                        kind = .caret
                    }
                    tokens.append(Token(kind: kind, location: columns.location(at: i), start: i, end: i + length))
                    i += length
                } else {
                    let (scalar, length) = scalar(at: i)
                    guard Self.startsName(scalar) else {
                        throw Failure(location: columns.location(at: i), message: unexpected(scalar, at: i))
                    }
                    i = name(at: i, firstLength: length, into: &tokens)
                }
            }
        }
        tokens.append(Token(kind: .end, location: columns.location(at: end), start: end, end: end))
    }

    private static func punctuation(_ byte: UInt8) -> Token.Kind? {
        switch byte {
        case UInt8(ascii: "+"): .plus
        case UInt8(ascii: "-"): .minus
        case UInt8(ascii: "*"): .star
        case UInt8(ascii: "/"): .slash
        case UInt8(ascii: "^"): .caret
        case UInt8(ascii: "("): .leftParen
        case UInt8(ascii: ")"): .rightParen
        case UInt8(ascii: ","): .comma
        case UInt8(ascii: "="): .equals
        default: nil
        }
    }

    // MARK: Numbers

    /// `3`, `2.5`, `.5`, `1e-3`. A number running into letters (`2x`, `1e`) is one
    /// malformed token rather than a number and a name, which would only confuse.
    private func number(at first: Int, into tokens: inout [Token]) throws(Failure) -> Int {
        var i = first
        var digits = 0
        while i < end, isDigit(bytes[i]) { i += 1; digits += 1 }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, isDigit(bytes[i]) { i += 1; digits += 1 }
        }
        if digits > 0, i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < end, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j < end, isDigit(bytes[j]) {
                while j < end, isDigit(bytes[j]) { j += 1 }
                i = j
            }
        }
        // Swallow whatever letters, digits or dots follow, to show the whole bad token.
        var tail = i
        while tail < end {
            let (scalar, length) = scalar(at: tail)
            guard Self.continuesName(scalar) || scalar == "." else { break }
            tail += length
        }
        let text = String(decoding: bytes[first..<tail], as: UTF8.self)
        let location = columns.location(at: first)
        guard tail == i, digits > 0, let value = Double(text) else {
            throw Failure(location: location, message: "malformed number '\(text)'")
        }
        guard value.isFinite else {
            throw Failure(location: location, message: "the number '\(text)' is too large for a Double")
        }
        tokens.append(Token(kind: .number, location: location, start: first, end: i, value: value))
        return i
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: Names

    private func name(at first: Int, firstLength: Int, into tokens: inout [Token]) -> Int {
        var i = first + firstLength
        while i < end {
            let (scalar, length) = scalar(at: i)
            guard Self.continuesName(scalar) else { break }
            i += length
        }
        tokens.append(Token(kind: .name, location: columns.location(at: first), start: first, end: i))
        return i
    }

    /// Letters of any script (`x`, `ξ`, `η`) and `_` start a name.
    static func startsName(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "_" || isASCIILetter(scalar) }
        return scalar.properties.isAlphabetic
    }

    // The Unicode property lookup is slow; almost every name is ASCII.
    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// After the first letter: letters, digits (also subscripts such as `₁`), `_`, and
    /// combining marks.
    static func continuesName(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || isASCIILetter(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    private func unexpected(_ scalar: Unicode.Scalar, at i: Int) -> String {
        // Show the whole Character (a letter with its accents), not a lone scalar.
        let rest = String(decoding: bytes[i..<end], as: UTF8.self)
        let character = rest.first.map(String.init) ?? String(scalar)
        return "unexpected character '\(character)'"
    }

    /// The scalar starting at byte `i` and its length in bytes. The bytes came from a
    /// Swift String, so they are valid UTF-8.
    private func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length where i + k < end {
            value = value << 6 | UInt32(bytes[i + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// Byte offset → Character column on one line. ASCII lines (almost all) need no table.
struct ColumnMap {
    let line: Int
    let start: Int
    let columnOffset: Int
    /// For a line with non-ASCII text: the column of each byte offset from `start`.
    private let table: [Int]?

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, line: Int, columnOffset: Int) {
        self.line = line
        self.start = start
        self.columnOffset = columnOffset
        guard bytes[start..<end].contains(where: { $0 >= 0x80 }) else {
            table = nil
            return
        }
        var table = [Int](repeating: 0, count: end - start + 1)
        var offset = 0
        var column = 1
        for character in String(decoding: bytes[start..<end], as: UTF8.self) {
            let length = character.utf8.count
            for k in 0..<length { table[offset + k] = column }
            offset += length
            column += 1
        }
        table[end - start] = column
        self.table = table
    }

    func location(at byte: Int) -> SourceLocation {
        let column = table.map { $0[byte - start] } ?? (byte - start + 1)
        return SourceLocation(line: line, column: column + columnOffset)
    }
}
