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
        Line("Leaves: x1 = 1, x2 = 2, y_cat = 1, w ← w − η·∂L/∂w, ∂f/∂x += 3 ≈ 2.9 and a = b = c = d = e = f = g"),
        Line("= at the start, and at the end ="),
        Line("averyveryverylongwordwithoutanyspace = anotherveryverylongwordwithoutanyspace"),
        Line("ŷ is used twice (log ŷ, 1 − ŷ), so its gradient sums (a remark of more than five words) here"),
        Line("unbalanced (a b c and) d) e (f g"),
        Line("q = x + y = −2 + 5 = 3 · 4 × 2 / 1 − 0.462 - 1 * 2"),
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

    /// A row never ends in an `=` with its value on the next (it may begin with one, as
    /// typeset mathematics breaks); where the `=` and its value do not fit a row, word by
    /// word as before.
    @Test func noRowEndsInAnEquals() {
        let line = Line("the gradient at x = −2 is ∂f/∂x2 = 0, and w ← w − η·g with a = b = c")
        for width in 11...40 {  // the widest group, "∂f/∂x2 = 0,", is 11
            for row in Paragraph.wrap(line, width: width).map(\.text) {
                #expect(!["=", "←"].contains(row.split(separator: " ").last.map(String.init) ?? ""), "\(width): \(row)")
            }
        }
        #expect(Paragraph.wrap(Line("Backward through q = x + y"), width: 18).map(\.text) == ["Backward through q", "= x + y"])
        // "(1−y)" is an expression, not a number: the node's name keeps its row.
        #expect(Paragraph.wrap(Line("Backward through ((1−y)·log(1−ŷ)) = (1−y) · (log(1−ŷ))"), width: 36).map(\.text)
                == ["Backward through ((1−y)·log(1−ŷ))", "= (1−y) · (log(1−ŷ))"])
        #expect(Paragraph.wrap(Line("ab = cd = ef"), width: 6).map(\.text) == ["ab", "= cd", "= ef"])
        // A value stays with its name: "w11 = −0.138," is one piece.
        #expect(Paragraph.wrap(Line("∂f/∂w1 = 2, ∂f/∂w11 = −0.138, b = (−1)"), width: 20).map(\.text)
                == ["∂f/∂w1 = 2,", "∂f/∂w11 = −0.138,", "b = (−1)"])
    }

    /// A short parenthesis is not broken ("(1 −" / "ŷ)"): it goes whole on the next row
    /// where it fits one. A longer one, a remark in prose, breaks as other words do, and so
    /// does a short one wider than the row.
    @Test func aShortParenthesisStaysWhole() {
        #expect(Paragraph.wrap(Line("so ŷ's gradient is (1 − ŷ) here"), width: 24).map(\.text)
                == ["so ŷ's gradient is", "(1 − ŷ) here"])
        #expect(Paragraph.wrap(Line("used twice (log ŷ, 1 − ŷ), so"), width: 20).map(\.text)
                == ["used twice", "(log ŷ, 1 − ŷ), so"])
        #expect(Paragraph.wrap(Line("a remark (of more than five words here) ends"), width: 20).map(\.text)
                == ["a remark (of more", "than five words", "here) ends"])
        #expect(Paragraph.wrap(Line("(1 − ŷ)"), width: 4).map(\.text) == ["(1 −", "ŷ)"])
        // One that opens inside a word that closes another: bce's end page read
        // "((1 − y)/(1" / "− ŷ) − y/ŷ)".
        let quotient = "By the chain rule: ∂ℓ/∂w11 = ((1 − y)/(1 − ŷ) − y/ŷ)·ŷ(1 − ŷ)·x1 = (ŷ − y)·x1."
        #expect(Paragraph.wrap(Line(quotient), width: 40).map(\.text)
                == ["By the chain rule:", "∂ℓ/∂w11 = ((1 − y)/(1 − ŷ)", "− y/ŷ)·ŷ(1 − ŷ)·x1 = (ŷ − y)·x1."])
        for width in 4...40 {
            #expect(WrapMeasure([Line(quotient)]).height(forWidth: width) == Paragraph.wrap(Line(quotient), width: width).count)
        }
    }

    /// Lines with substitutions, the width each is wrapped at, and the rows it takes.
    static let substitutions: [(text: String, width: Int, rows: [String])] = [
        ("q = x + y = −2 + 5 = 3", 14, ["q = x + y", "= −2 + 5 = 3"]),
        ("∂L/∂e += ∂L/∂Z · ∂Z/∂e = 0.0053 · 1 = 0.0053", 26, ["∂L/∂e += ∂L/∂Z · ∂Z/∂e", "= 0.0053 · 1 = 0.0053"]),
        ("Leaves: x1 = 0, x2 = −1, y = 0", 18, ["Leaves: x1 = 0,", "x2 = −1, y = 0"]),
        // An update's substitution too.
        ("w11 ← w11 − η·∂L/∂w11 = 0.133 − 0.5 · 0 = 0.133", 26, ["w11 ← w11 − η·∂L/∂w11", "= 0.133 − 0.5 · 0 = 0.133"]),
        // With its product written without spaces, as the Step pane writes η·∂L/∂w's values
        // (xor part 2 at 80×24 read "… = 0.133" / "− 0.5·0 = 0.133"), and in prose that
        // ends with one.
        ("w11 ← w11 − η·∂loss/∂w11 = 0.133 − 0.5·0 = 0.133", 38, ["w11 ← w11 − η·∂loss/∂w11", "= 0.133 − 0.5·0 = 0.133"]),
        ("z = w11·x1 + w12·x2 = 0.5·1 + (−0.5)·2 = −0.5.", 32, ["z = w11·x1 + w12·x2", "= 0.5·1 + (−0.5)·2 = −0.5."]),
        // After a name alone, the name goes with it: a running sum's first row would read
        // as an equation of its own ("so far ∂L/∂x2 = −3.2e-4" / "+ 0.02 ≈ 0.0196"), and
        // in prose each equation keeps its row.
        ("so far ∂L/∂x2 = −3.2e-4 + 0.02 ≈ 0.0196", 36, ["so far", "∂L/∂x2 = −3.2e-4 + 0.02 ≈ 0.0196"]),
        ("∂f/∂x = −4 × 1 = −4 and ∂f/∂y = −4 × 1 = −4.", 32, ["∂f/∂x = −4 × 1 = −4 and", "∂f/∂y = −4 × 1 = −4."]),
        // A quotient of numbers is a term too.
        ("∂ℓ/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ = 0 − 1/0.3775 = −2.649.", 40,
         ["∂ℓ/∂ŷ = (1 − y)/(1 − ŷ) − y/ŷ", "= 0 − 1/0.3775 = −2.649."]),
        // A product of numbers is no value of its own: "= 0.5·0" alone keeps to the rules
        // for an expression.
        ("so the step is η·g = 0.5·0", 20, ["so the step is η·g", "= 0.5·0"]),
        // Or where a remark in parentheses follows it (softmax part 2 read "… = 0.3" /
        // "− 0.1·9.68e-4 = 0.3 (it moved by …").
        ("w ← w − η·∂L/∂w = 0.3 − 0.1·9.68e-4 = 0.3 (it moved by −9.68e-5)", 34,
         ["w ← w − η·∂L/∂w", "= 0.3 − 0.1·9.68e-4 = 0.3", "(it moved by −9.68e-5)"]),
        // Inside prose, where it does not end the line, it breaks as before: the early row
        // would cost one.
        ("σ(1 − σ) = 0.731 + 0.5 = 1.231. The same", 26, ["σ(1 − σ) = 0.731", "+ 0.5 = 1.231. The same"]),
        // After a name alone, in prose, the "=" keeps its name.
        ("Upstream −4, so ∂f/∂x = −4 × 1 = −4 and", 24, ["Upstream −4, so", "∂f/∂x = −4 × 1 = −4 and"]),
        // Wider than a row, it breaks as any other words.
        ("f = 1 + 2 + 3 + 4 = 10", 9, ["f = 1 + 2", "+ 3", "+ 4 = 10"]),
    ]

    /// A substitution, "= numbers and signs", is one group: a row breaks before its "="
    /// rather than inside it, as typeset mathematics does; a lone "= −2" stays with its name.
    /// WrapMeasure counts the same rows at every width from 4 to 30.
    @Test(arguments: substitutions) func aSubstitutionStaysWhole(_ line: (text: String, width: Int, rows: [String])) {
        wrapsAsExpected(line, measuredUpTo: 30)
    }

    /// `line` wraps into its rows at its width, and WrapMeasure counts the rows Paragraph
    /// wraps it into at every width from 4 to `widest`.
    func wrapsAsExpected(_ line: (text: String, width: Int, rows: [String]), measuredUpTo widest: Int) {
        #expect(Paragraph.wrap(Line(line.text), width: line.width).map(\.text) == line.rows)
        for width in 4...widest {
            #expect(WrapMeasure([Line(line.text)]).height(forWidth: width) == Paragraph.wrap(Line(line.text), width: width).count,
                    "at \(width)")
        }
    }

    /// Lines with a product of numbers or an arrow in prose, the width, and the rows.
    static let products: [(text: String, width: Int, rows: [String])] = [
        // Chain-rule part 1 at 100×30 read "so ∂f/∂x = −4 ×" / "1 = −4 and …", a false
        // equation at the start of a row.
        ("Upstream ∂f/∂q = −4, so ∂f/∂x = −4 × 1 = −4 and ∂f/∂y = −4 × 1 = −4.", 40,
         ["Upstream ∂f/∂q = −4, so", "∂f/∂x = −4 × 1 = −4 and", "∂f/∂y = −4 × 1 = −4."]),
        ("w_cat_1 ← 1.2 − 0.1 × (−0.87) × 1 = 1.287.", 30, ["w_cat_1 ← 1.2", "− 0.1 × (−0.87) × 1 = 1.287."]),
        // A product keeps its row even inside prose, where that costs one: "(1 − 0.731)
        // = 0.197" at a row's start would read as an equation of its own.
        ("σ(1 − σ) = 0.731 × (1 − 0.731) = 0.197. The same", 30, ["σ(1 − σ)", "= 0.731 × (1 − 0.731) = 0.197.", "The same"]),
        // After an expression, from its "=" (chains part 1 read "∂L/∂o2 · o1 = 10 ·" / "2 = 20").
        ("∂L/∂w2 = ∂L/∂o2 · o1 = 10 · 2 = 20: the slide's", 32, ["∂L/∂w2 = ∂L/∂o2 · o1", "= 10 · 2 = 20: the slide's"]),
        ("∂ℓ/∂w12 = ∂ℓ/∂ξ1·x2 = −1 × 2 = −2. The first layer", 32, ["∂ℓ/∂w12 = ∂ℓ/∂ξ1·x2", "= −1 × 2 = −2. The first layer"]),
        // An arrow goes with the word after it, as an operator does: no row ends in one.
        ("Chain rule along the edge x2 → z: the gradient", 28, ["Chain rule along the edge x2", "→ z: the gradient"]),
        ("(0,0) → 0, (0,1) → 1, (1,0) → 1, (1,1) → 0.", 38, ["(0,0) → 0, (0,1) → 1, (1,0) → 1, (1,1)", "→ 0."]),
        // A product of names may still end a row, and a product wider than a row breaks
        // as any other words.
        ("∂L/∂a += ∂L/∂p · ∂p/∂a", 16, ["∂L/∂a += ∂L/∂p ·", "∂p/∂a"]),
        ("1 × 2 × 3 × 4", 6, ["1 × 2", "× 3 ×", "4"]),
    ]

    /// A product of numbers in prose ("−4 × 1 = −4") goes whole on a row where it fits one,
    /// and no row ends in an arrow ("x2" / "→ z"); WrapMeasure counts the same rows.
    @Test(arguments: products) func aProductOfNumbersStaysWholeAndAnArrowLeadsItsRow(_ line: (text: String, width: Int, rows: [String])) {
        wrapsAsExpected(line, measuredUpTo: 40)
    }

    /// No row ends in a "+", "−" or "/" with its operand on the next: it breaks before one.
    @Test func noRowEndsInAnOperator() {
        #expect(Paragraph.wrap(Line("x + y = −2 + 5 = 3 or 4"), width: 12).map(\.text) == ["x + y = −2", "+ 5 = 3 or 4"])
        #expect(Paragraph.wrap(Line("a − 2 + 5 − 4"), width: 8).map(\.text) == ["a − 2", "+ 5 − 4"])
        #expect(Paragraph.wrap(Line("exp_cat / Z and 0.462 − 1"), width: 8).map(\.text) == ["exp_cat", "/ Z and", "0.462", "− 1"])
        #expect(Paragraph.wrap(Line("a * b - c"), width: 6).map(\.text) == ["a * b", "- c"])
        // A product may end a row.
        #expect(Paragraph.wrap(Line("∂L/∂a += ∂L/∂p · ∂p/∂a = 2"), width: 16).map(\.text) == ["∂L/∂a += ∂L/∂p ·", "∂p/∂a = 2"])
    }
}
