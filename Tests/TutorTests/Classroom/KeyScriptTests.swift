import Testing
import Screen
@testable import Tutor

@Suite struct KeyScriptTests {
    @Test func namesRepeatsAndPauses() throws {
        let script = try KeyScript.parse("→ ×5, pause 2, b").get()
        #expect(script.events == Array(repeating: .key("right"), count: 5) + [.pause(2), .key("b")])
    }

    @Test func gluedRepeatsAndAliases() throws {
        let script = try KeyScript.parse("l*3 ←×2 next space Enter esc ? q").get()
        #expect(script.keys == ["l", "l", "l", "left", "left", "right", "space", "enter", "escape", "?", "q"])
    }

    @Test func aRepeatWordXFollowsItsKey() throws {
        #expect(try KeyScript.parse("h x3").get().keys == ["h", "h", "h"])
        // A lone x is the key x.
        #expect(try KeyScript.parse("x").get().keys == ["x"])
    }

    @Test func typeSpellsItsText() throws {
        let script = try KeyScript.parse("type -0.5, enter wait 1.5").get()
        #expect(script.events == [.key("-"), .key("0"), .key("."), .key("5"), .key("enter"), .pause(1.5)])
    }

    @Test func errorsNameTheWord() {
        #expect(KeyScript.parse("right jump") == .failure(KeyScriptError(word: 2, text: "jump", reason:
            "unknown key 'jump'; use a key name (right, left, up, down, space, enter, esc, tab, backspace, home, end, pgup, pgdn), a single character, 'pause SECONDS' or 'type TEXT'")))
        #expect(KeyScript.parse("pause")
            == .failure(KeyScriptError(word: 1, text: "pause", reason: "'pause' needs a number of seconds after it, e.g. 'pause 2'")))
        #expect(KeyScript.parse("pause soon")
            == .failure(KeyScriptError(word: 2, text: "soon", reason: "expected seconds between 0 and 3600 after 'pause'")))
        #expect(KeyScript.parse("×3")
            == .failure(KeyScriptError(word: 1, text: "×3", reason: "a repeat such as '×5' must follow a key")))
        #expect(KeyScript.parse("→×0")
            == .failure(KeyScriptError(word: 1, text: "→×0", reason: "a repeat count must be at least 1")))
        guard case .failure(let error) = KeyScript.parse("→ ×999999999") else {
            Issue.record("a huge repeat must be refused")
            return
        }
        #expect(error.description == "--keys: word 2 ('×999999999'): the script would have more than 100000 keys")
        // A count past Int's range is a count too large, not an unknown key (nor a trap).
        for script in ["→ ×99999999999999999999", "→×99999999999999999999", "→ ×9223372036854775807"] {
            guard case .failure(let error) = KeyScript.parse(script) else {
                Issue.record("\(script) must be refused")
                continue
            }
            #expect(error.description.hasSuffix("the script would have more than 100000 keys"), "\(script)")
        }
    }

    @Test func namesBecomeKeys() throws {
        #expect(KeyScript.key(named: "right") == .right)
        #expect(KeyScript.key(named: "space") == .character(" "))
        #expect(KeyScript.key(named: "escape") == .escape)
        #expect(KeyScript.key(named: "q") == .character("q"))
        #expect(try KeyScript.parse("End pgup").get().keys.compactMap(KeyScript.key(named:)) == [.end, .pageUp])
        #expect(KeyScript.key(named: "nonsense") == nil)
    }

    @Test func playerSpacesKeysAndHonoursPauses() throws {
        var player = KeyScriptPlayer(script: try KeyScript.parse("a b pause 3 c").get(), gap: 1, now: 100)
        #expect(keys(&player, 100.5) == [])
        #expect(player.timeout(now: 100.5) == 0.5)
        #expect(keys(&player, 101) == ["a"])
        #expect(keys(&player, 102) == ["b"])
        // The pause pushes c three seconds past its slot.
        #expect(keys(&player, 103) == [])
        #expect(keys(&player, 105.9) == [])
        #expect(keys(&player, 106) == ["c"])
        #expect(player.isFinished)
        #expect(player.timeout(now: 107) == nil)
    }

    @Test func aLatePollDeliversEverythingDueInOrder() throws {
        var player = KeyScriptPlayer(script: try KeyScript.parse("a b c").get(), gap: 0.5, now: 0)
        #expect(keys(&player, 1.2) == ["a", "b"])
        #expect(keys(&player, 1.5) == ["c"])
    }
}

func keys(_ player: inout KeyScriptPlayer, _ now: Double) -> [String] { player.poll(now: now) }
