import Testing
import Screen

@Suite struct BufferTests {
    @Test func writeIsClippedToTheRectAndTheBuffer() {
        var b = Buffer(width: 10, height: 3)
        let end = b.write("hello world", at: Point(x: 2, y: 1), clip: Rect(x: 0, y: 0, width: 7, height: 3))
        b.write("edge", at: Point(x: 8, y: 0))
        b.write("off", at: Point(x: -2, y: 2))
        b.write("below", at: Point(x: 0, y: 3))
        #expect(end == 7)  // the column after the last one written
        #expect(b.lines == [
            "        ed",
            "  hello   ",
            "f         ",
        ])
    }

    @Test func picturesRoundTrip() {
        let b = Buffer(lines: ["┌─┐", "│x│", "└─┘"])
        #expect(b.size == Size(width: 3, height: 3))
        #expect(b[1, 1].symbol == "x")
        #expect(b[5, 5] == .blank)
        #expect(Buffer(lines: b.lines) == b)
        #expect(b.picture == "┌─┐\n│x│\n└─┘" && "\(b)" == b.picture)
    }

    @Test func wideCharactersTakeTwoColumnsAndNeverSplit() {
        var b = Buffer(width: 6, height: 2)
        b.write("日本x", at: .zero)
        b.write("日本", at: Point(x: 0, y: 1), clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(b.lines == ["日本x ", "日    "])  // 本 did not fit in the 1 column left
        #expect(b[1, 0].isContinuation)
        // Overwriting the right half of a wide character blanks its left half.
        b.write("-", at: Point(x: 1, y: 0))
        #expect(b.lines[0] == " -本x ")
        #expect(DisplayWidth.of("a日b") == 4)
        #expect(DisplayWidth.of("∂f/∂x ξ₁ ─│▶✓") == 13)
    }

    @Test func controlCharactersBecomeSpaces() {
        var b = Buffer(width: 6, height: 1)
        b.write("a\tb\nc", at: .zero)
        #expect(b.lines == ["a b c "])
    }

    @Test func diffReportsOnlyChangedCells() {
        let before = Buffer(lines: ["abc", "def"])
        var after = before
        after.write("X", at: Point(x: 1, y: 1))
        after.patchStyle(Style(bold: true), in: Rect(x: 2, y: 0, width: 1, height: 1))
        #expect(after.diff(from: before) == [
            CellUpdate(x: 2, y: 0, cell: Cell("c", style: Style(bold: true))),
            CellUpdate(x: 1, y: 1, cell: Cell("X")),
        ])
        #expect(after.diff(from: after).isEmpty)
        // A different size means everything must be redrawn.
        #expect(after.diff(from: Buffer(width: 2, height: 2)).count == 6)
    }

    @Test func maskShowsWhereAStyleWasApplied() {
        var b = Buffer(width: 5, height: 2)
        b.write("ab", at: Point(x: 1, y: 0), style: Style(foreground: .green))
        b.fill(Rect(x: 3, y: 1, width: 9, height: 9), with: Cell("#", style: Style(foreground: .green)))
        #expect(b.mask { $0.style.foreground == .green } == [".##..", "...##"])
    }

    @Test func blitCopiesWithinTheClip() {
        var b = Buffer(width: 5, height: 3)
        b.blit(Buffer(lines: ["123", "456"]), at: Point(x: 3, y: 1), clip: Rect(x: 0, y: 0, width: 5, height: 2))
        #expect(b.trimmedLines == ["", "   12", ""])
    }

    @Test func splitTilesTheRect() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = r.split(.vertical, [.length(1), .fill(2), .fill(1), .length(1)])
        #expect(rows.map(\.height) == [1, 14, 8, 1])
        #expect(rows.map(\.y) == [0, 1, 15, 23])
        let cols = r.split(.horizontal, [.percentage(25), .fill(1)])
        #expect(cols.map(\.width) == [20, 60])
        // Too little room: fixed parts shrink, nothing goes negative.
        #expect(Rect(x: 0, y: 0, width: 3, height: 2).split(.vertical, [.length(5), .fill(1)]).map(\.height) == [2, 0])
        #expect(r.centered(width: 20, height: 4) == Rect(x: 30, y: 10, width: 20, height: 4))
        #expect(r.inset(by: 30).isEmpty)
    }
}
