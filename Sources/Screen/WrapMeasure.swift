/// How many rows lines take when `Paragraph` wraps them, at any width, without building
/// the rows: each line's words are read once as their characters' widths, then a width
/// costs one pass over those numbers. For choosing a width among many (where the Step and
/// Lesson panes divide), where wrapping the styled text at every candidate would cost a
/// frame's budget. Agrees with `Paragraph.wrap` row for row.
public struct WrapMeasure: Sendable {
    /// One line: its whole width (a line that fits is one row as it is), its leading
    /// blanks, each word's width and its characters' widths (for splitting a long word).
    struct Measured: Sendable {
        var width: Int
        var indent: Int
        var words: [[Int]]
        var wordWidths: [Int]
        /// The words grouped as `WordGlue` joins them, and the ranges it keeps whole where
        /// they fit a row by the unit they begin at.
        var units: [Range<Int>]
        var wholes: [Int: Range<Int>]
    }

    let lines: [Measured]

    public init(_ lines: [Line]) {
        self.lines = lines.map { line in
            var words: [[Int]] = [], indent = 0, inWord = false, seenWord = false
            var glue: [WordGlue.Word] = []
            for span in line.spans {
                for ch in span.text {
                    if ch == " " {
                        inWord = false
                        if !seenWord { indent += 1 }
                        continue
                    }
                    if inWord {
                        words[words.count - 1].append(DisplayWidth.of(ch))
                        glue[glue.count - 1].add(ch)
                    } else {
                        words.append([DisplayWidth.of(ch)])
                        var word = WordGlue.Word()
                        word.add(ch)
                        glue.append(word)
                    }
                    inWord = true
                    seenWord = true
                }
            }
            let grouping = WordGlue.units(glue)
            return Measured(width: line.width, indent: indent, words: words, wordWidths: words.map { $0.reduce(0, +) },
                            units: grouping.units, wholes: grouping.wholes)
        }
    }

    /// Rows at `width` columns: `Paragraph(lines).height(forWidth: width)`.
    public func height(forWidth width: Int) -> Int {
        guard width > 0 else { return 0 }
        return lines.reduce(0) { $0 + Self.rows($1, width: width) }
    }

    /// `Paragraph.wrap`'s rows of one line, counted: words fill a row while they fit
    /// (words joined by an `=` whole where they fit a row), a word too long for any row
    /// is split across rows at characters.
    static func rows(_ line: Measured, width: Int) -> Int {
        if line.width <= width { return 1 }
        var rows = 0
        var used = line.indent > 0 && line.indent < width ? line.indent : 0
        var rowHasWord = false, rowHasSpans = used > 0
        // The rows after the first: as wide as what the hanging indent leaves.
        let hang = Paragraph.hangs(line.indent, width: width) ? line.indent : 0
        var room = width
        func flush() {
            rows += 1
            used = 0
            rowHasWord = false
            rowHasSpans = false
            room = width - hang
        }
        func place(_ index: Int) {
            let w = line.wordWidths[index]
            let gap = rowHasWord ? 1 : 0
            if used + gap + w <= room {
                used += gap + w
                rowHasWord = true
                rowHasSpans = true
                return
            }
            if rowHasWord || used > 0 { flush() }
            for character in line.words[index] {
                if used + character > room, used > 0 { flush() }
                used += character
                rowHasWord = true
                rowHasSpans = true
            }
        }
        for unit in line.units {
            if WordGlue.opensRow(line.wholes[unit.lowerBound] ?? unit, widths: line.wordWidths, width: room, used: used,
                                 rowHasWord: rowHasWord)
                || WordGlue.opensRow(unit, widths: line.wordWidths, width: room, used: used, rowHasWord: rowHasWord) { flush() }
            for index in unit { place(index) }
        }
        if rowHasSpans || rows == 0 { flush() }
        return rows
    }
}
