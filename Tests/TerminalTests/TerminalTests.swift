import Testing
import Screen
import Terminal

private func env(stdin: Bool = true, stdout: Bool = true, term: String? = "xterm-256color",
                 noColor: Bool = false, utf8: Bool = true) -> TerminalEnvironment {
    TerminalEnvironment(stdinIsTerminal: stdin, stdoutIsTerminal: stdout, term: term, noColor: noColor, localeIsUTF8: utf8)
}

@Suite struct CapabilityTests {
    @Test func aRealTerminalIsInteractiveWithColourAndUnicode() {
        #expect(TerminalCapabilities(environment: env()) == TerminalCapabilities(mode: .interactive, unicode: true, color: true))
    }

    @Test func plainTextWheneverCursesCannotOrShouldNotRun() {
        #expect(TerminalCapabilities(environment: env(), plain: true).mode == .plain(.requested))
        #expect(TerminalCapabilities(environment: env(stdout: false)).mode == .plain(.stdoutNotATerminal))
        #expect(TerminalCapabilities(environment: env(stdin: false)).mode == .plain(.stdinNotATerminal))
        #expect(TerminalCapabilities(environment: env(term: nil)).mode == .plain(.noTerm))
        #expect(TerminalCapabilities(environment: env(term: "")).mode == .plain(.noTerm))
        #expect(TerminalCapabilities(environment: env(term: "dumb")).mode == .plain(.dumbTerminal))
        // Plain text goes to pipes: never colour.
        #expect(TerminalCapabilities(environment: env(stdout: false)).color == false)
    }

    @Test func noColorAndNonUTF8LocalesChangeTheTheme() {
        let mono = TerminalCapabilities(environment: env(noColor: true, utf8: false))
        #expect(mono == TerminalCapabilities(mode: .interactive, unicode: false, color: false))
        #expect(Theme.forCapabilities(mono) == Theme.monochrome(glyphs: .ascii))
        #expect(mono.glyphs == .ascii)
        let failed = TerminalCapabilities(environment: env()).fallingBack(because: .terminalUnavailable("vt999"))
        #expect(failed.mode == .plain(.terminalUnavailable("vt999")) && !failed.color)
        #expect(PlainReason.terminalUnavailable("vt999").description == "cannot open terminal 'vt999'")
    }
}

@Suite struct KeyTests {
    @Test func charactersAndControlKeys() {
        #expect(Key.decode(isKeyCode: false, value: 0x6C) == .character("l"))
        #expect(Key.decode(isKeyCode: false, value: 0x20) == .character(" "))
        #expect(Key.decode(isKeyCode: false, value: 0x3BE) == .character("ξ"))
        #expect(Key.decode(isKeyCode: false, value: 13) == .enter)
        #expect(Key.decode(isKeyCode: false, value: 10) == .enter)
        #expect(Key.decode(isKeyCode: false, value: 27) == .escape)
        #expect(Key.decode(isKeyCode: false, value: 127) == .backspace)
        #expect(Key.decode(isKeyCode: false, value: 9) == .tab)
        #expect(Key.decode(isKeyCode: false, value: 3) == .interrupt)
        #expect(Key.decode(isKeyCode: false, value: 0xD800) == .other(0xD800))  // a lone surrogate is no character
    }

    @Test func cursesKeyCodes() {
        // Codes from ncurses.h (octal): KEY_DOWN 0402, KEY_UP 0403, KEY_LEFT 0404,
        // KEY_RIGHT 0405, KEY_F(1) 0411, KEY_RESIZE 0632.
        #expect(Key.decode(isKeyCode: true, value: 0o402) == .down)
        #expect(Key.decode(isKeyCode: true, value: 0o403) == .up)
        #expect(Key.decode(isKeyCode: true, value: 0o404) == .left)
        #expect(Key.decode(isKeyCode: true, value: 0o405) == .right)
        #expect(Key.decode(isKeyCode: true, value: 0o411) == .function(1))
        #expect(Key.decode(isKeyCode: true, value: 0o632) == .resize)
        #expect(Key.decode(isKeyCode: true, value: 0o777) == .other(0o777))
    }
}

@Suite struct PlainTextTests {
    @Test func trailingBlanksAndBlankRowsAreTrimmed() {
        var b = Buffer(width: 12, height: 4)
        b.write("f = -12", at: Point(x: 2, y: 0), style: Style(foreground: .green))
        b.write("│ q │", at: Point(x: 0, y: 1))
        #expect(PlainText.render(b) == "  f = -12\n│ q │\n")
        #expect(PlainText.render(Buffer(width: 3, height: 2)) == "")
    }
}
