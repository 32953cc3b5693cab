import Testing
import Autograd
import Screen
@testable import Tutor

@Suite struct GradientCheckPanelTests {
    @Test func chainRuleGradientAgreesWithFiniteDifferences() throws {
        let part = try LessonFixtures.lesson("chain-rule").parts[0]
        let x = try #require(part.graph.id(named: "x"))
        let panel = try #require(GradientCheckPanel(graph: part.graph, node: x, outputName: "f", nodeName: "x"))
        #expect(panel.check.backprop == -4)
        #expect(abs(panel.check.numerical - -4) < 1e-6)
        #expect(panel.check.passed)
        let text = panel.lines(theme: .monochrome()).map(\.text)
        #expect(text[0] == "Gradient check: ∂f/∂x")
        #expect(text[1] == "backprop   −4")
        #expect(text[2].hasPrefix("numerical  −4  = (f(x+h) − f(x−h)) / 2h, h = 1e-6"))
        #expect(text[3].hasPrefix("rel. error "))
        #expect(text[3].hasSuffix("✓ they agree"))
    }

    @Test func asciiSpelling() throws {
        var graph = Graph()
        let a = graph.addLeaf(.input, name: "a", value: 3)
        graph.addOp(.mul, [a, a], name: "L")
        let panel = try #require(GradientCheckPanel(graph: graph, node: a, outputName: "L", nodeName: "a"))
        #expect(panel.check.backprop == 6)
        #expect(panel.lines(theme: .monochrome(glyphs: .ascii)).map(\.text)[0] == "Gradient check: dL/da")
        // Gradients handed in (the mistakes lab's wrong ones) are what is checked.
        var wrong = graph.grads
        wrong[a.index] = 3
        let flagged = try #require(GradientCheckPanel(graph: graph, node: a, outputName: "L", nodeName: "a", backprop: wrong))
        #expect(flagged.check.backprop == 3 && !flagged.check.passed && abs(flagged.check.numerical - 6) < 1e-6)
    }
}

@Suite struct LessonPickerTests {
    let entries = [
        LessonPicker.Entry(name: "chain-rule", title: "The chain rule", summary: "f = (x + y)·z"),
        LessonPicker.Entry(name: "xor", title: "XOR", summary: "Two layers learn XOR, one neuron cannot."),
    ]

    @Test func keysMoveOpenAndQuit() {
        var picker = LessonPicker(entries: entries)
        #expect(LessonPicker.action(for: .down) == .down)
        #expect(LessonPicker.action(for: .character("j")) == .down)
        #expect(LessonPicker.action(for: .enter) == .open)
        #expect(LessonPicker.action(for: .character("q")) == .quit)
        #expect(LessonPicker.action(for: .character("z")) == nil)
        #expect(picker.update(.up) == .stay)
        #expect(picker.selected == 0)
        #expect(picker.update(.down) == .stay)
        #expect(picker.update(.down) == .stay)
        #expect(picker.selected == 1)
        #expect(picker.update(.open) == .open("xor"))
        #expect(picker.update(.quit) == .quit)
        // Esc is "back" in a lesson; in the menu it does nothing rather than end the program.
        #expect(LessonPicker.action(for: .escape) == nil)
    }

    /// With LANG=C the menu spells its texts out as the lesson screens do (it deleted them:
    /// "x =  2", "frog  1.7").
    @Test func asciiMenuSpellsItsTextsOut() {
        let picker = LessonPicker(entries: [.init(name: "softmax", title: "Softmax", summary: "cat 3.2, frog −1.7; σ(x) · 2")])
        let buffer = picker.view(size: Size(width: 50, height: 6), theme: .monochrome(glyphs: .ascii))
        #expect(picture(buffer).contains("    cat 3.2, frog -1.7; sig(x) * 2"))
        #expect(picture(buffer).contains("backprop - choose a lesson"))
    }

    @Test func viewMarksTheSelection() {
        var picker = LessonPicker(entries: entries)
        _ = picker.update(.down)
        let buffer = picker.view(size: Size(width: 50, height: 9), theme: .monochrome())
        #expect(picture(buffer) == """
            backprop — choose a lesson


              chain-rule  The chain rule
                f = (x + y)·z

            ▶ xor  XOR
                Two layers learn XOR, one neuron cannot.
            ↑ previous · ↓ next · Enter open · q quit
            """)
    }

    /// From 64 columns each lesson's progress stands in a column at the right.
    @Test func theProgressColumn() {
        let picker = LessonPicker(entries: [
            .init(name: "chain-rule", title: "The chain rule", summary: "f = (x + y)·z", progress: "✓ finished · quiz 3/4"),
            .init(name: "xor", title: "XOR, two layers, and why the unit step cannot learn", summary: "Two layers learn XOR.",
                  progress: "part 2 of 2, step 14"),
            .init(name: "softmax", title: "Softmax", summary: "cat, car, frog"),
        ])
        let lines = picture(picker.view(size: Size(width: 64, height: 12), theme: .monochrome())).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3] == "▶ chain-rule  The chain rule               ✓ finished · quiz 3/4")
        #expect(lines[6] == "  xor  XOR, two layers, and why the unit…   part 2 of 2, step 14")
        #expect(lines[9] == "  softmax  Softmax                                   not started")
        let narrow = picture(picker.view(size: Size(width: 63, height: 12), theme: .monochrome()))
        #expect(!narrow.contains("not started") && !narrow.contains("finished"))
    }

    /// The course's groups head their lessons, and each lesson says what it needs first.
    @Test func theCourseInGroups() {
        var picker = LessonPicker(entries: [
            .init(name: "chain-rule", title: "The chain rule", summary: "f = (x + y)·z", group: "The chain rule"),
            .init(name: "partials", title: "Partials", summary: "f = log x1", group: "The chain rule", needs: ["chain-rule"]),
            .init(name: "xor", title: "XOR, two layers, and why the unit step cannot learn", summary: "Two layers learn XOR.",
                  group: "Networks", needs: ["partials", "chain-rule"]),
        ])
        _ = picker.update(.down)
        _ = picker.update(.down)
        #expect(picture(picker.view(size: Size(width: 50, height: 12), theme: .monochrome())) == """
            backprop — choose a lesson

            The chain rule
              chain-rule  The chain rule
                f = (x + y)·z

              partials  Partials
                needs chain-rule · f = log x1
            Networks
            ▶ xor  XOR, two layers, and why the unit step can…
                needs partials, chain-rule · Two layers learn…
            ↑ previous · ↓ next · Enter open · q quit
            """)
        #expect(picker.plainList == """
            The chain rule
            chain-rule  The chain rule
                        f = (x + y)·z
            partials    Partials
                        needs chain-rule · f = log x1

            Networks
            xor         XOR, two layers, and why the unit step cannot learn
                        needs partials, chain-rule · Two layers learn XOR.

            """)
    }

    @Test func plainList() {
        #expect(LessonPicker(entries: entries).plainList == """
            chain-rule  The chain rule
                        f = (x + y)·z
            xor         XOR
                        Two layers learn XOR, one neuron cannot.

            """)
    }
}
