import Testing
@testable import Screen

/// `WrapMeasure` counts the rows `Paragraph` wraps text into, at every width, for text
/// with indentation, runs of blanks, words longer than the row, wide characters and styles
/// changing inside a word.
@Suite struct WrapMeasureTests {
    static let lines: [Line] = [
        Line(""),
        Line("Backward through ξ3 = (v1·h1) + (v2·h2) + b3"),
        Line("  ∂loss/∂(v1·h1) = ∂loss/∂ξ3 · ∂ξ3/∂(v1·h1) = 0.266 · 1 = 0.266"),
        Line([Span("Rule: "), Span("sum", style: Style(bold: true)), Span("hands the gradient on   unchanged")]),
        Line("New weights: w11 = −0.507, w12 = −0.864, b1 = −0.145, w21 = −3.219, w22 = −3.373"),
        Line("averyveryverylongwordwithoutanyspaceatallthatneedssplitting and then more"),
        Line("日本語のテキスト 日本語 a 日本"),
        Line("      "),
        Line(" x"),
    ]

    @Test func agreesWithTheParagraphAtEveryWidth() {
        for width in 0...90 {
            for line in Self.lines {
                #expect(WrapMeasure([line]).height(forWidth: width) == Paragraph([line]).height(forWidth: width),
                        "\"\(line.text)\" at \(width)")
            }
            #expect(WrapMeasure(Self.lines).height(forWidth: width) == Paragraph(Self.lines).height(forWidth: width))
        }
    }
}
