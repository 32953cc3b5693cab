import Screen
import Testing
@testable import Tutor

/// The `?` screen lists every binding of the active key map at 80×24 (DESIGN §5).
@Suite struct HelpOverlayTests {
    func helpScreen(_ keyMap: KeyMap, size: Size = Size(width: 80, height: 24), ascii: Bool = false) throws -> [String] {
        let theme: Theme = .monochrome(glyphs: ascii ? .ascii : .unicode)
        var state = try TutorState(subject: .graph(title: "chain-rule.graph", graph(chainRuleText)), theme: theme,
                                   size: size, keyMap: keyMap)
        state.apply(.toggleHelp)
        return view(state).trimmedLines
    }

    /// Every row of the help shows: its keys, then (after the padding) the first words of
    /// its help text; and every key of the map is on one of the rows.
    func expectEveryBinding(_ keyMap: KeyMap, in lines: [String], unicode: Bool = true,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let rows = keyMap.helpSections(unicode: unicode).flatMap(\.rows)
        for row in rows {
            let firstWords = row.help.split(separator: " ").prefix(2).joined(separator: " ")
            let shown = lines.contains { line in
                guard let range = line.range(of: "│ " + row.keys + " ") ?? line.range(of: "| " + row.keys + " ")
                    ?? line.range(of: "   " + row.keys + " ") else { return false }
                return line[range.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix(firstWords)
            }
            #expect(shown, "\(row.keys): \(row.help)", sourceLocation: sourceLocation)
        }
        for binding in keyMap.bindings {
            for key in binding.keys {
                let label = key.label(unicode: unicode)
                #expect(rows.contains { $0.keys.split(separator: " ").map { $0.trimmingCharacters(in: [","]) }.contains(label) }, "\(label)",
                        sourceLocation: sourceLocation)
            }
        }
        #expect(!lines.contains { $0.contains("more keys") }, sourceLocation: sourceLocation)
    }

    @Test func everyKeyMapFitsAt80x24() throws {
        for keyMap in [KeyMap.standard, .classroom, Classroom.playbackKeyMap(.classroom)] {
            expectEveryBinding(keyMap, in: try helpScreen(keyMap))
            expectEveryBinding(keyMap, in: try helpScreen(keyMap, ascii: true), unicode: false)
        }
    }

    /// Below 80×24 the list scrolls, and its last row says which way more lies; section
    /// titles go first.
    @Test func smallWindowsScroll() throws {
        let small = Size(width: 60, height: 16)
        let lines = try helpScreen(.classroom, size: small)
        #expect(lines.contains { $0.contains("│ ↓ more keys (↓ scrolls)") })
        #expect(lines.contains { $0.contains("│ → / space / l        next step") })
        #expect(!lines.contains { $0.contains("Stepping") })
        // ↓ scrolls it to its end, where q is; ↑ back to the top.
        var state = try TutorState(subject: .lesson(chainRuleLesson()), theme: .monochrome(), size: small, keyMap: .classroom)
        state.apply(.toggleHelp)
        for _ in 0..<10 { state.apply(.scrollText(3)) }
        let end = view(state).trimmedLines
        #expect(state.helpVisible)
        #expect(end.contains { $0.contains("│ q                    quit") })
        #expect(end.contains { $0.contains("│ ↑ more keys above (↑ scrolls back)") })
        for _ in 0..<10 { state.apply(.scrollText(-3)) }
        #expect(state.helpScroll == 0)
    }

    /// The classroom's help at 80×24, whole: sections, grouped rows, wrapped texts.
    @Test func classroomHelpAt80x24() throws {
        let lines = try helpScreen(.classroom)
        // The box's inside: from "│ " after the graph pane's left edge, 66 columns.
        let inside = lines[3...20].map { line in
            String(line.dropFirst(8).prefix(64)).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        #expect(lines[2].hasPrefix("│     ┌ Keys ─"))
        #expect(inside == [
            "→ / space / l        next step",
            "← / h                step back",
            "n                    to the end of the pass / update",
            "p                    back to the start of the pass / update",
            "r / Home, End        restart this part / jump to its end",
            "[ ]                  previous / next part",
            "e m                  a step per edge or node / mistakes lab",
            "z                    quiz: predict each number first",
            "f F                  fast-forward 10 / 100 epochs",
            "Tab Shift-Tab / j k  select the next / previous node",
            "H L K J / A D W S    pan the graph left, right, up, down",
            "↓ ↑ / PgDn PgUp      scroll the text down / up",
            "c g                  bring back the step / circuit or flow view",
            "v                    gradient check (until the next step)",
            "t                    decision map and loss chart",
            "?                    show or hide this help",
            "Esc                  close the help, the check, the selection",
            "q                    quit",
        ])
        #expect(lines[21].hasPrefix("│     └───"))  // the overlay's border over the panes
    }
}
