import Screen
import Testing
@testable import Tutor

@Suite struct KeyMapTests {
    let keys = KeyMap.standard

    @Test func contractKeys() {
        // DESIGN §5: → / space / l next, ← / h back, q quit, ? help.
        #expect(keys.action(for: .right) == .next)
        #expect(keys.action(for: .character(" ")) == .next)
        #expect(keys.action(for: .character("l")) == .next)
        #expect(keys.action(for: .left) == .back)
        #expect(keys.action(for: .character("h")) == .back)
        #expect(keys.action(for: .character("q")) == .quit)
        #expect(keys.action(for: .character("?")) == .toggleHelp)
    }

    @Test func ourKeys() {
        #expect(keys.action(for: .character("n")) == .finishPhase)
        #expect(keys.action(for: .character("p")) == .rewindPhase)
        #expect(keys.action(for: .character("r")) == .restart)
        #expect(keys.action(for: .home) == .restart)
        #expect(keys.action(for: .end) == .toEnd)
        #expect(keys.action(for: .character("e")) == .toggleEdgeStepping)
        #expect(keys.action(for: .tab) == .selectNext)
        #expect(keys.action(for: .character("j")) == .selectNext)
        #expect(keys.action(for: .backTab) == .selectPrevious)
        #expect(keys.action(for: .character("k")) == .selectPrevious)
        #expect(keys.action(for: .character("H")) == .pan(dx: -4, dy: 0))
        #expect(keys.action(for: .character("L")) == .pan(dx: 4, dy: 0))
        #expect(keys.action(for: .character("K")) == .pan(dx: 0, dy: -2))
        #expect(keys.action(for: .character("J")) == .pan(dx: 0, dy: 2))
        #expect(keys.action(for: .character("A")) == .pan(dx: -4, dy: 0))
        #expect(keys.action(for: .character("D")) == .pan(dx: 4, dy: 0))
        #expect(keys.action(for: .character("W")) == .pan(dx: 0, dy: -2))
        #expect(keys.action(for: .character("S")) == .pan(dx: 0, dy: 2))
        #expect(keys.action(for: .character("c")) == .recenter)
        #expect(keys.action(for: .escape) == .dismiss)
        #expect(keys.action(for: .character("x")) == nil)
        #expect(keys.action(for: .down) == .scrollText(3))
        #expect(keys.action(for: .pageDown) == .scrollText(3))
        #expect(keys.action(for: .up) == .scrollText(-3))
        #expect(keys.action(for: .pageUp) == .scrollText(-3))
        #expect(keys.action(for: .function(1)) == nil)
    }

    @Test func noKeyIsBoundTwice() {
        let all = keys.bindings.flatMap(\.keys)
        #expect(Set(all).count == all.count)
    }

    @Test func hintsComeFromTheTable() {
        let hints = keys.hints(unicode: true).map { "\($0.key) \($0.help)" }
        #expect(hints == ["→ next", "← back", "n end of phase", "r restart", "Tab select", "? help", "q quit"])
        #expect(keys.hints(unicode: false).first == KeyHint(key: "Right", help: "next"))
    }

    @Test func helpListsEveryBinding() {
        let sections = keys.helpSections(unicode: true)
        #expect(sections.map(\.section) == [.stepping, .graph, .general])
        // The four pan directions, next/previous node, scrolling down/up, restart/end,
        // previous/next part, edge steps/mistakes and recentre/view share rows.
        #expect(sections.flatMap(\.rows).count == keys.bindings.count - 9)
        #expect(sections[1].rows[1] == (keys: "H L K J / A D W S", help: "pan the graph left, right, up, down"))
        #expect(sections[0].rows[0].keys == "→ / space / l")
        #expect(sections[0].rows[0].help == "next step")
    }

    @Test func addingBindingsKeepsExistingKeys() {
        let more = keys.adding([
            KeyBinding([.character("q"), .character("o")], .toEnd, help: "go", section: .stepping),
        ])
        #expect(more.action(for: .character("q")) == .quit)
        #expect(more.action(for: .character("o")) == .toEnd)
        #expect(more.bindings.count == keys.bindings.count + 1)
    }
}
