/// Styled lines of text, word-wrapped to the area (or cut, when `wrap` is false), with a
/// vertical scroll offset. Explicit lines stay separate; a blank `Line` is an empty row.
public struct Paragraph: Widget {
    public var lines: [Line]
    public var wrap: Bool
    /// Rows of the wrapped text skipped at the top.
    public var scroll: Int
    public var ellipsis: String

    public init(_ lines: [Line], wrap: Bool = true, scroll: Int = 0, ellipsis: String = "…") {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.ellipsis = ellipsis
    }

    public init(_ text: String, style: Style = .plain, wrap: Bool = true) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), style: style) },
                  wrap: wrap)
    }

    /// How many rows the text takes at `width` columns.
    public func height(forWidth width: Int) -> Int { rows(width: width).count }

    /// The rows as drawn at `width` columns.
    public func rows(width: Int) -> [Line] {
        guard wrap else { return lines }
        return lines.flatMap { Paragraph.wrap($0, width: width) }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let all = rows(width: area.width)
        for (i, row) in all.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            let rect = Rect(x: area.x, y: area.y + i, width: area.width, height: 1)
            if !wrap && row.width > area.width {
                buffer.write(Paragraph.cut(row, to: area.width, ellipsis: ellipsis), in: rect)
            } else {
                buffer.write(row, in: rect)
            }
        }
    }

    /// Breaks one line into rows of at most `width` columns at spaces, keeping each
    /// word's styles; leading indentation stays on the first row and, where it takes at
    /// most a quarter of the width (`hangs`), begins every row after it too, so that a
    /// remark indented under a formula reads as one; a word longer than the width is
    /// split across rows. Runs of spaces between words become one space.
    /// A row never breaks right after an `=` (`WordGlue`) where the words it joins fit.
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        if line.width <= width { return [line] }
        // Words as lists of spans (a word may change style midway); spaces separate them.
        var words: [[Span]] = []
        var indent = ""
        var inWord = false
        var seenWord = false
        for span in line.spans {
            for ch in span.text {
                if ch == " " {
                    inWord = false
                    if !seenWord { indent.append(ch) }
                    continue
                }
                if inWord, var last = words.popLast() {
                    if last[last.count - 1].style == span.style {
                        last[last.count - 1].text.append(ch)
                    } else {
                        last.append(Span(String(ch), style: span.style))
                    }
                    words.append(last)
                } else {
                    words.append([Span(String(ch), style: span.style)])
                }
                inWord = true
                seenWord = true
            }
        }
        var rows: [Line] = []
        var row: [Span] = DisplayWidth.of(indent) < width && !indent.isEmpty ? [Span(indent)] : []
        var used = row.first?.width ?? 0
        var rowHasWord = false
        // The rows after the first: as wide as what the hanging indent leaves.
        let hang = hangs(DisplayWidth.of(indent), width: width) ? indent : ""
        var room = width
        func flush() {
            rows.append(Line((rows.isEmpty || hang.isEmpty ? [] : [Span(hang)]) + row, alignment: line.alignment))
            row = []
            used = 0
            rowHasWord = false
            room = width - DisplayWidth.of(hang)
        }
        let widths = words.map { $0.reduce(0) { $0 + $1.width } }
        func place(_ index: Int) {
            let word = words[index], w = widths[index]
            let gap = rowHasWord ? 1 : 0
            if used + gap + w <= room {
                if gap == 1 { row.append(Span(" ")) }
                row += word
                used += gap + w
                rowHasWord = true
                return
            }
            if rowHasWord || used > 0 { flush() }
            // The word alone: split it into width-sized pieces when it is too long.
            for span in word {
                var rest = span.text
                while !rest.isEmpty {
                    if used >= room { flush() }
                    var piece = DisplayWidth.prefix(rest, fitting: room - used)
                    if piece.isEmpty {
                        if used > 0 { flush(); continue }
                        piece = String(rest.prefix(1))  // a wide char in a 1-column row
                    }
                    row.append(Span(piece, style: span.style))
                    used += DisplayWidth.of(piece)
                    rest.removeFirst(piece.count)
                    rowHasWord = true
                }
            }
        }
        let grouping = WordGlue.units(words.map(WordGlue.Word.init))
        for unit in grouping.units {
            // Words joined by an `=` go whole on this row, else whole on the next; where
            // they are wider than a row, word by word as any others. So does a range kept
            // whole that begins here (a substitution, a product of numbers), its units then
            // as any others.
            if WordGlue.opensRow(grouping.wholes[unit.lowerBound] ?? unit, widths: widths, width: room, used: used,
                                 rowHasWord: rowHasWord)
                || WordGlue.opensRow(unit, widths: widths, width: room, used: used, rowHasWord: rowHasWord) { flush() }
            for index in unit { place(index) }
        }
        if !row.isEmpty || rows.isEmpty { flush() }
        return rows
    }

    /// Whether a line's leading `indent` begins its every row at `width` (`wrap`): where it
    /// leaves the rest of the row three quarters of the width at least.
    static func hangs(_ indent: Int, width: Int) -> Bool { indent > 0 && 4 * indent <= width }

    /// A line cut to `width` columns ending in `ellipsis`.
    static func cut(_ line: Line, to width: Int, ellipsis: String) -> Line {
        var out: [Span] = []
        var used = 0
        let room = max(0, width - DisplayWidth.of(ellipsis))
        for span in line.spans {
            let part = DisplayWidth.prefix(span.text, fitting: room - used)
            if !part.isEmpty { out.append(Span(part, style: span.style)) }
            used += DisplayWidth.of(part)
            if part.count < span.text.count { break }
        }
        out.append(Span(DisplayWidth.prefix(ellipsis, fitting: width - used), style: line.spans.last?.style ?? .plain))
        return Line(out, alignment: line.alignment)
    }
}

/// Where a row must not break: right after an `=` (or `+=`, `≈`, `←`), so that no row
/// ends in "=" with its value on the next ("x =" / "−2"); and before one whose value is a
/// number, so that "x = −2" and "∂f/∂w11 = −0.138," read whole. Before an expression a
/// row may break, as typeset mathematics does ("Backward through q" / "= x + y"), which
/// keeps a step's header naming its node on its first row. Nor inside a short
/// parenthesis, "(1 − ŷ)", "∂(L's sum)", which a break would leave as "(1 −" / "ŷ)",
/// nor after a "+", "−", "/" or "^" ("−2 +" / "5"): it breaks before one, "−2" / "+ 5 = 3".
/// Nor inside a product of two numbers, "−4 × 1", nor after a "→": "(1,1)" / "→ 0.".
/// `Paragraph.wrap` and `WrapMeasure` both group words by it.
enum WordGlue {
    /// What the grouping needs of a word, read a character at a time: its first two
    /// characters (is it an `=`?) and whether it is a number as the screen writes one
    /// (`−0.138,`, `9.68e-4`, `(−1)`, `?`). Kept as scalar values: this runs for every
    /// character of every text measured, each frame.
    struct Word {
        private var first: UInt32 = 0, second: UInt32 = 0, count = 0
        private var numeral = true, digit = false, product = false
        /// Its parentheses: how many it opens and closes, the lowest its running count of
        /// opens less closes gets (−1 where it closes one opened before it), and how many it
        /// leaves open at its end (`y)/(1` closes one, then opens one that the words after
        /// it close).
        private(set) var opens = 0, closes = 0, lowest = 0, openAtEnd = 0

        init() {}

        init(_ spans: [Span]) { for span in spans { for ch in span.text { add(ch) } } }

        mutating func add(_ ch: Character) {
            let value = ch.unicodeScalars.first?.value ?? 0
            if count == 0 { first = value } else if count == 1 { second = value }
            count = min(count + 1, 3)
            if value == 0x28 {
                opens += 1
                openAtEnd += 1
            } else if value == 0x29 {
                closes += 1
                lowest = min(lowest, opens - closes)
                openAtEnd = max(0, openAtEnd - 1)
            }
            switch value {
            case 0x30...0x39, 0x3F: digit = true                                  // 0–9, ?
            case 0x2212, 0x2D, 0x2B, 0x2E, 0x65, 0x28, 0x29, 0x2C, 0x3B, 0x3A: break  // − - + . e ( ) , ; :
            case 0xB7, 0xD7, 0x2A, 0x2F: product = true                            // · × * /
            default: numeral = false
            }
        }

        /// "=", "+=", "≈" or "←" (ASCII "~=", "<-").
        var isToken: Bool {
            count == 1 && (first == 0x3D || first == 0x2248 || first == 0x2190)
                || count == 2 && second == 0x3D && (first == 0x2B || first == 0x7E)
                || count == 2 && first == 0x3C && second == 0x2D
        }
        var isNumber: Bool { numeral && digit && !product }
        /// Numbers multiplied or divided without spaces, "0.5·0", "3·(−4)", "1/0.3775", as
        /// an update's "η·∂L/∂w" is written with its values: a term of a substitution,
        /// never a name's value.
        var isNumbersProduct: Bool { numeral && digit && product }
        /// A parenthesised remark's first word, "(it", "(via": not a number's parenthesis.
        var opensRemark: Bool { first == 0x28 && !numeral }
        /// "+", "−" (ASCII "-"), "/" or "^" standing alone: no row ends in one with its
        /// operand on the next. (A row may end in a product's "·", which keeps a long
        /// chain-rule line to two rows: "∂L/∂a += ∂L/∂p ·" / "∂p/∂a = …".)
        var isOperator: Bool {
            count == 1 && (first == 0x2B || first == 0x2212 || first == 0x2D || first == 0x2F || first == 0x5E)
        }
        /// "·", "×" or "*" standing alone: a product's sign.
        var isProduct: Bool { count == 1 && (first == 0xB7 || first == 0xD7 || first == 0x2A) }
        /// "→" (ASCII "->") standing alone: no row ends in one ("(1,1)" / "→ 0.").
        var isArrow: Bool { count == 1 && first == 0x2192 || count == 2 && first == 0x2D && second == 0x3E }
    }

    /// The substitutions (word ranges): an `=` followed by numbers and the signs between
    /// them to the end of the line, "= 0.0053 · 1 = 0.0053", "= −2 + 5 = 3",
    /// "= 0.133 − 0.5·0 = 0.133", with at least one sign (a lone "= −2" stays with its
    /// name), and after a name alone that name. A row breaks before one rather than
    /// inside it where it fits a row, as typeset mathematics does ("∂L/∂a += ∂L/∂p ·
    /// ∂p/∂a" / "= 0.0053 · 1 = 0.0053", not "… = 0.0053 ·" / "1 = 0.0053"); where it
    /// does not, its words keep to the other rules.
    static func substitutions(_ words: [Word], inParenthesis: [Bool]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < words.count {
            guard words[index].isToken, !inParenthesis[index] else { index += 1; continue }
            // After an expression it begins at its `=` ("x + y" / "= −2 + 5 = 3"); after a
            // name alone, at the name: "so far" / "∂L/∂x2 = −3.2e-4 + 0.02 ≈ 0.0196", whose
            // "∂L/∂x2 = −3.2e-4" at a row's end would read as an equation of its own, and in
            // prose "… and" / "∂f/∂y = −4 × 1 = −4." rather than "… ∂f/∂y" / "= −4 × 1 = −4.".
            let afterExpression = index >= 2 && (words[index - 2].isOperator || words[index - 2].isProduct || words[index - 2].isToken)
            let start = afterExpression || index == 0 ? index : index - 1
            var end = index + 1, lastNumber: Int?
            while end < words.count,
                  words[end].isNumber || words[end].isNumbersProduct || words[end].isToken || words[end].isOperator || words[end].isProduct {
                if words[end].isNumber { lastNumber = end }
                end += 1
            }
            // It ends the line, as a formula does, or a remark in parentheses follows it
            // ("= 0.3 − 0.1·9.68e-4 = 0.3 (it moved by …)"): inside prose ("= 0.197. The
            // same") the row it would open early costs a row.
            if let last = lastNumber, last - index >= 3, last == words.count - 1 || words[last + 1].opensRemark {
                found.append(start..<(last + 1))
                index = last + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether `unit` (words joined by an `=`, `widths` by index) goes whole on a new row:
    /// it does not fit after what the row holds (`used` columns) but fits a row of its own.
    /// Where it is wider than a row, its words go one by one as any others.
    static func opensRow(_ unit: Range<Int>, widths: [Int], width: Int, used: Int, rowHasWord: Bool) -> Bool {
        let w = unit.reduce(-1) { $0 + 1 + widths[$1] }
        return unit.count > 1 && w <= width && used + (rowHasWord ? 1 : 0) + w > width && (rowHasWord || used > 0)
    }

    /// The most words a parenthesis holds together: "(log ŷ, 1 − ŷ)". A longer one, a
    /// remark in prose, breaks as any other words.
    static let shortParenthesis = 5

    /// The words (by index) grouped: a word joins the group before it after an `=` (or
    /// `+=`, `≈`, `←`) or an operator, when it is an `=` followed by a number (but not one
    /// that opens a substitution), or inside a parenthesis of at most `shortParenthesis`
    /// words. With the ranges a row keeps whole where they fit one (`wholes`, by the unit
    /// they begin at): the substitutions and the products of numbers.
    static func units(_ words: [Word]) -> (units: [Range<Int>], wholes: [Int: Range<Int>]) {
        var inParenthesis = [Bool](repeating: false, count: words.count)
        var open = 0
        while open < words.count {
            // The innermost parenthesis the word leaves open, to the word that closes it: in
            // "((1 − y)/(1 − ŷ)", "((1 − y)/(1", then from that word "y)/(1 − ŷ)".
            let opened = words[open].openAtEnd
            var depth = opened, end = open, closed = false
            while opened > 0, !closed, end + 1 < words.count, end + 1 - open < shortParenthesis {
                end += 1
                closed = depth + words[end].lowest < opened
                depth += words[end].opens - words[end].closes
            }
            if closed {
                for index in (open + 1)...end { inParenthesis[index] = true }
                open = words[end].openAtEnd > 0 ? end : end + 1
            } else {
                open += 1
            }
        }
        // A product of numbers in prose, "−4 × 1 = −4" (not "−4 ×" / "1 = −4", which reads
        // as an equation of its own), is kept whole as a substitution is, where it fits a
        // row: from the unit of the word before the sign to that of the word after it;
        // where the number before it is the value of an expression, from its `=`, as a
        // substitution after one ("∂L/∂o2 · o1" / "= 10 · 2 = 20", not "o1 = 10 · 2 =
        // 20"). (A product of names may break after its sign: "∂L/∂p ·" / "∂p/∂a". An
        // arrow joins the word after it, as an operator does: "the edge x2" / "→ z:", which
        // costs no row where keeping "x2 → z:" whole would.)
        let signs = words.indices.filter { sign in
            sign > 0 && sign + 1 < words.count && words[sign].isProduct && words[sign - 1].isNumber && words[sign + 1].isNumber
        }
        let valueSigns = signs.compactMap { sign -> Int? in
            let equals = sign - 2
            return equals >= 2 && words[equals].isToken
                && (words[equals - 2].isOperator || words[equals - 2].isProduct || words[equals - 2].isToken) ? equals : nil
        }
        // A row may break before a substitution's `=` (`substitutions`), or before such a
        // value's, which then does not join the word before it.
        let found = substitutions(words, inParenthesis: inParenthesis)
        let opensRange = Set(found.map(\.lowerBound) + valueSigns)
        var units: [Range<Int>] = []
        var start = 0
        for index in words.indices where index > 0 && (opensRange.contains(index) || !words[index - 1].isToken
            && !words[index - 1].isOperator && !words[index - 1].isArrow && !inParenthesis[index]
            && !(words[index].isToken && index + 1 < words.count && words[index + 1].isNumber)) {
            units.append(start..<index)
            start = index
        }
        if !words.isEmpty { units.append(start..<words.count) }
        var unitOf = [Int](repeating: 0, count: words.count)
        for (number, unit) in units.enumerated() { for index in unit { unitOf[index] = number } }
        var joined: [Range<Int>] = []
        for sign in signs {
            let range = units[unitOf[sign - 1]].lowerBound..<units[unitOf[sign + 1]].upperBound
            if let last = joined.last, last.upperBound > range.lowerBound {
                joined[joined.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        let wholes = Dictionary((found + joined).map { ($0.lowerBound, $0) }, uniquingKeysWith: { a, b in a.count >= b.count ? a : b })
        return (units, wholes)
    }
}
