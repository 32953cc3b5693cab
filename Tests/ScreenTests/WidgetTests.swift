import Testing
import Screen

@Suite struct WidgetTests {
    @Test func blockDrawsBorderAndTitle() {
        let block = Block(title: "Inspector")
        var b = rendered(block, width: 16, height: 4)
        b.render(Paragraph("q = x + y"), in: block.inner(b.area))
        #expect(picture(b) == """
            ┌ Inspector ───┐
            │q = x + y     │
            │              │
            └──────────────┘
            """)
        #expect(block.inner(b.area) == Rect(x: 1, y: 1, width: 14, height: 2))
    }

    @Test func blockInASCIIWithALongTitle() {
        let b = rendered(Block(title: "Narration pane", glyphs: .ascii), width: 10, height: 3)
        #expect(picture(b) == """
            + Narrat~+
            |        |
            +--------+
            """)
    }

    @Test func paragraphWrapsWordsAndKeepsStyles() {
        let green = Style(foreground: .green), red = Style(foreground: .red)
        let p = Paragraph([
            Line([Span("the value "), Span("3", style: green), Span(" flows on, its gradient "), Span("-4", style: red),
                  Span(" flows back")]),
            Line(""),
            Line("supercalifragilistic"),
        ])
        let b = rendered(p, width: 12, height: 8)
        #expect(picture(b) == """
            the value 3
            flows on,
            its gradient
            -4 flows
            back

            supercalifra
            gilistic
            """)
        #expect(b.mask { $0.style == green } == [
            "..........#.", "............", "............", "............",
            "............", "............", "............", "............",
        ])
        #expect(b[0, 3].style == red && b[1, 3].style == red && b[2, 3].style == .plain)
        #expect(p.height(forWidth: 12) == 8)
    }

    @Test func wrappingKeepsIndentationAndSplitsLongWords() {
        // An indent of at most a quarter of the width begins every row (a remark indented
        // under a formula stays one); a wider one only the first.
        let line = Line([Span("  ∂f/∂x = "), Span("∂f/∂q·∂q/∂x", style: Style(bold: true))])
        let rows = Paragraph.wrap(line, width: 8)
        #expect(rows.map(\.text) == ["  ∂f/∂x", "  =", "  ∂f/∂q·", "  ∂q/∂x"])
        #expect(rows[2].spans == [Span("  "), Span("∂f/∂q·", style: Style(bold: true))])
        #expect(Paragraph.wrap(line, width: 7).map(\.text) == ["  ∂f/∂x", "=", "∂f/∂q·∂", "q/∂x"])
        for width in 1...24 { #expect(WrapMeasure([line]).height(forWidth: width) == Paragraph.wrap(line, width: width).count) }
        #expect(Paragraph.wrap(Line("日本語のテキスト"), width: 5).map(\.text) == ["日本", "語の", "テキ", "スト"])
        #expect(Paragraph.wrap(Line("abc"), width: 0).isEmpty)
        #expect(DisplayWidth.truncate("gradient", to: 5) == "grad…")
        #expect(DisplayWidth.truncate("gradient", to: 5, ellipsis: "~") == "grad~")
        // At a word's end where one ends late enough, without trailing punctuation.
        let title = "Learning XOR with sigmoids and SGD"
        #expect(DisplayWidth.truncateAtWord(title, to: 32) == "Learning XOR with sigmoids and…")
        #expect(DisplayWidth.truncateAtWord(title, to: 29) == "Learning XOR with sigmoids…")
        #expect(DisplayWidth.truncateAtWord(title, to: 99) == title)
        #expect(DisplayWidth.truncateAtWord("A sigmoid neuron, gate by gate", to: 19) == "A sigmoid neuron…")
        #expect(DisplayWidth.truncateAtWord("Backpropagation", to: 8) == "Backpro…")  // no word ends: a hard cut
    }

    @Test func paragraphCutsWithAnEllipsisWhenNotWrapping() {
        let b = rendered(Paragraph([Line("∂f/∂x = -4 (via q)")], wrap: false), width: 10, height: 1)
        #expect(picture(b) == "∂f/∂x = -…")
    }

    @Test func paragraphScrollsAndAligns() {
        let p = Paragraph([Line("one"), Line("two", alignment: .right), Line("three", alignment: .center)], scroll: 1)
        #expect(picture(rendered(p, width: 9, height: 3)) == "      two\n  three\n")
    }

    @Test func keyHintsDropWholeHintsThatDoNotFit() {
        let hints = [KeyHint(key: "→", help: "next"), KeyHint(key: "←", help: "back"), KeyHint(key: "?", help: "help"),
                     KeyHint(key: "q", help: "quit")]
        let line = KeyHintLine(hints, keyStyle: Style(bold: true))
        let b = rendered(line, width: 30, height: 1)
        #expect(picture(b) == "→ next · ← back · ? help")
        #expect(b.mask { $0.style.bold } == ["#........#........#..........."])
        #expect(picture(rendered(KeyHintLine(hints, theme: .monochrome(glyphs: .ascii)), width: 40, height: 1))
                == "→ next  ← back  ? help  q quit")
    }

    /// A message that fits beside the pinned hints comes first, the hints after it; one
    /// that does not has the line to itself, whole where the line holds it.
    @Test func aLongMessageHasTheLineToItself() {
        let hints = [KeyHint(key: "→", help: "next"), KeyHint(key: "?", help: "help", pinned: true),
                     KeyHint(key: "q", help: "quit", pinned: true)]
        #expect(picture(rendered(KeyHintLine(hints, message: "Already at the start."), width: 51, height: 1))
                == "Already at the start. · → next · ? help · q quit")
        let long = "This graph has no neurons for the flow view to draw."  // 52 columns
        #expect(picture(rendered(KeyHintLine(hints, message: long), width: 60, height: 1)) == long)
        #expect(picture(rendered(KeyHintLine(hints, message: long), width: 30, height: 1)) == "This graph has no neurons for…")
    }

    @Test func statusBarFillsTheRowAndPlacesThreeTexts() {
        let bar = StatusBar(left: "cs231n", center: "forward", right: "step 3/9", style: Style(reverse: true))
        let b = rendered(bar, width: 32, height: 1)
        #expect(b.lines == [" cs231n     forward    step 3/9 "])
        #expect(b.mask { $0.style.reverse } == [String(repeating: "#", count: 32)])
        // Narrow: the centre gives way first.
        #expect(rendered(bar, width: 20, height: 1).lines == [" cs231n    step 3/9 "])
    }

    @Test func overlayIsCentredAndClearsBeneath() {
        var b = Buffer(lines: Array(repeating: String(repeating: "x", count: 24), count: 7))
        let overlay = Overlay(title: "Help", content: Paragraph([Line("l  next"), Line("h  back")]), theme: .colored())
        b.render(overlay, in: b.area)
        #expect(picture(b) == """
            xxxxxxxxxxxxxxxxxxxxxxxx
            xxxxxx┌ Help ───┐xxxxxxx
            xxxxxx│ l  next │xxxxxxx
            xxxxxx│ h  back │xxxxxxx
            xxxxxx└─────────┘xxxxxxx
            xxxxxxxxxxxxxxxxxxxxxxxx
            xxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }
}
