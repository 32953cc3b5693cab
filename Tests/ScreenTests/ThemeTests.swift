import Testing
import Screen

@Suite struct ThemeTests {
    @Test func colouredThemeFollowsCS231n() {
        let t = Theme.colored()
        #expect(t(.value).foreground == .green)
        #expect(t(.gradient).foreground == .red)
        #expect(t.usesColor)
    }

    @Test func monochromeThemeUsesNoColourYetKeepsStatesApart() {
        let t = Theme.monochrome()
        for role in Role.allCases {
            #expect(t(role).foreground == .default && t(role).background == .default, "\(role)")
        }
        let states = [t(.active), t(.done), t(.pending)]
        #expect(Set(states).count == 3)
        #expect(Set([t.glyphs.active, t.glyphs.done, t.glyphs.pending]) == ["▶", "✓", "·"])
        #expect(t.with(.value, Style(bold: true))(.value) == Style(bold: true))
    }

    @Test func terminalThemeChoice() {
        #expect(Theme.forTerminal(color: false, unicode: false).glyphs == .ascii)
        #expect(Theme.forTerminal(color: true, unicode: true) == .colored(glyphs: .unicode))
        #expect(Theme.forTerminal(color: false, unicode: true).usesColor == false)
    }

    @Test func asciiGlyphsAreSevenBit() {
        let g = Glyphs.ascii
        let all = [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.arrowRight,
                   g.arrowLeft, g.arrowUp, g.arrowDown, g.active, g.done, g.pending] + g.shades
        #expect(all.allSatisfy { $0.isASCII })
        #expect((g.ellipsis + g.separator).allSatisfy { $0.isASCII })
    }

    @Test func junctionsJoin() {
        let u = Glyphs.unicode, a = Glyphs.ascii
        #expect(u.junction([.left, .right, .down]) == "┬")
        #expect(u.junction([.up, .down, .left, .right]) == "┼")
        #expect(u.junction([.up, .down, .right]) == "├")
        #expect(u.junction([.up, .left]) == "┘")
        #expect(a.junction([.left, .right]) == "-" && a.junction([.up]) == "|" && a.junction([.up, .right]) == "+")
    }

    @Test func crossingNetsHopInsteadOfJoining() {
        var canvas = LineCanvas(area: Rect(x: 0, y: 0, width: 5, height: 3))
        canvas.addPolyline([Point(x: 0, y: 1), Point(x: 4, y: 1)], net: 1, style: .plain)
        canvas.addPolyline([Point(x: 2, y: 0), Point(x: 2, y: 2)], net: 2, style: .plain)
        canvas.addPolyline([Point(x: 0, y: 2), Point(x: 2, y: 2)], net: 2, style: .plain)
        var b = Buffer(width: 5, height: 3)
        canvas.render(into: &b, glyphs: .unicode)
        #expect(picture(b) == """
              │
            ──│──
            ──┘
            """)
    }
}

@Suite struct KeyLabelTests {
    @Test func labelsForHints() {
        #expect(Key.right.label() == "→" && Key.right.label(unicode: false) == "Right")
        #expect(Key.character(" ").label() == "space")
        #expect(Key.character("?").label() == "?")
        #expect(Key.function(5).label() == "F5" && Key.interrupt.label() == "Ctrl-C")
    }
}
