import Autograd
import Screen
import Testing
@testable import Tutor

/// The whole screen compared with pictures of it, and the styles of a few cells.
@Suite struct SnapshotTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let step: Int
        let size: Size
        let unicode: Bool
        let picture: String
        var testDescription: String { "step \(step) at \(size) \(unicode ? "Unicode" : "ASCII")" }
    }

    static let cases: [Case] = [
        Case(step: 0, size: Size(width: 100, height: 30), unicode: true, picture: Pictures.unicodeStart100x30),
        Case(step: 1, size: Size(width: 100, height: 30), unicode: true, picture: Pictures.unicodeMidForward100x30),
        Case(step: 5, size: Size(width: 100, height: 30), unicode: true, picture: Pictures.unicodeMidBackward100x30),
        Case(step: 8, size: Size(width: 100, height: 30), unicode: true, picture: Pictures.unicodeEnd100x30),
        Case(step: 0, size: Size(width: 80, height: 24), unicode: true, picture: Pictures.unicodeStart80x24),
        Case(step: 1, size: Size(width: 80, height: 24), unicode: true, picture: Pictures.unicodeMidForward80x24),
        Case(step: 5, size: Size(width: 80, height: 24), unicode: true, picture: Pictures.unicodeMidBackward80x24),
        Case(step: 8, size: Size(width: 80, height: 24), unicode: true, picture: Pictures.unicodeEnd80x24),
        Case(step: 0, size: Size(width: 100, height: 30), unicode: false, picture: Pictures.asciiStart100x30),
        Case(step: 1, size: Size(width: 100, height: 30), unicode: false, picture: Pictures.asciiMidForward100x30),
        Case(step: 5, size: Size(width: 100, height: 30), unicode: false, picture: Pictures.asciiMidBackward100x30),
        Case(step: 8, size: Size(width: 100, height: 30), unicode: false, picture: Pictures.asciiEnd100x30),
        Case(step: 0, size: Size(width: 80, height: 24), unicode: false, picture: Pictures.asciiStart80x24),
        Case(step: 1, size: Size(width: 80, height: 24), unicode: false, picture: Pictures.asciiMidForward80x24),
        Case(step: 5, size: Size(width: 80, height: 24), unicode: false, picture: Pictures.asciiMidBackward80x24),
        Case(step: 8, size: Size(width: 80, height: 24), unicode: false, picture: Pictures.asciiEnd80x24),
    ]

    @Test(arguments: cases)
    func colourTheme(_ c: Case) throws {
        let glyphs: Glyphs = c.unicode ? .unicode : .ascii
        let screen = frame(try state(theme: .colored(glyphs: glyphs), size: c.size), step: c.step)
        #expect(picture(screen) == c.picture)
    }

    @Test(arguments: cases)
    func noColourTheme(_ c: Case) throws {
        let glyphs: Glyphs = c.unicode ? .unicode : .ascii
        let screen = frame(try state(theme: .monochrome(glyphs: glyphs), size: c.size), step: c.step)
        #expect(picture(screen) == c.picture)
        #expect(screen.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        if !c.unicode {
            #expect(screen.cells.allSatisfy { $0.symbol.unicodeScalars.allSatisfy(\.isASCII) })
        }
    }

    @Test func valuesGreenGradientsRedActiveHighlighted() throws {
        let screen = frame(try state(theme: .colored()), step: 5)  // after backward q
        // q's box: "val 3" green, "grad −4" red, the whole box highlighted as active.
        let title = try #require(cell(of: "▶ q (+)", in: screen))
        let value = try #require(cell(of: "val 3", in: screen))
        let grad = try #require(cell(of: "grad −4", in: screen, after: Point(x: 0, y: value.y)))
        #expect(screen[value.x + 4, value.y].style.foreground == .green)
        #expect(screen[grad.x + 5, grad.y].style.foreground == .red)
        #expect(screen[title.x + 2, title.y].style.foreground == .yellow)
        #expect(screen[title.x + 2, title.y].style.bold)
        #expect(screen[title.x - 2, title.y].style.foreground == .yellow)  // its border
        let f = try #require(cell(of: "✓ f (×)", in: screen))
        #expect(screen[f.x - 2, f.y].style.foreground == .blue)  // other borders as usual
        // The edge x → q carries its label in the gradient colour: ×1=−4.
        let label = try #require(cell(of: "×1=−4", in: screen))
        #expect(screen[label.x, label.y].style.foreground == .red)
        // In the inspector the upstream and the product are gradients.
        let formula = try #require(cell(of: "∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4", in: screen))
        #expect(screen[formula.x + 24, formula.y].style.foreground == .red)  // "(−4)"
        #expect(screen[formula.x + 35, formula.y].style.foreground == .red)  // the product "−4"
        // Status bar.
        #expect(screen[0, 0].style.background == .cyan)
    }

    @Test func noColourMarksTheActiveNodeWithReverseVideo() throws {
        let screen = frame(try state(theme: .monochrome()), step: 5)
        let title = try #require(cell(of: "▶ q (+)", in: screen))
        #expect(screen[title.x, title.y].style.reverse)
        let grad = try #require(cell(of: "grad −4", in: screen))
        #expect(screen[grad.x + 5, grad.y].style.underline)  // gradients underlined without colour
    }
}
