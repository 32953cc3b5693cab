import Testing
import CNcursesw
import Screen
@testable import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Everything the pseudo-terminal's screen side has received so far.
private func drain(_ fd: Int32) -> String {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 200) > 0 else { break }
        let n = read(fd, &chunk, chunk.count)
        guard n > 0 else { break }
        bytes += chunk[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The real curses backend, driven over a pseudo-terminal: what it writes and what it reads.
@Suite(.serialized) struct SessionTests {
    @Test func presentsChangedCellsOnlyAndDecodesKeys() throws {
        // Wide characters need a UTF-8 locale (the program adopts the user's; here, fixed).
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil)
        var master: Int32 = -1, slave: Int32 = -1
        try #require(cn_open_pty(&master, &slave, 6, 20) == 0)
        defer { close(master) }
        let output = try #require(fdopen(slave, "w"))
        let input = try #require(fdopen(dup(slave), "r"))
        defer { fclose(output); fclose(input) }
        let caps = TerminalCapabilities(mode: .interactive, unicode: true, color: false)
        try withTerminal(caps, opening: { cn_newterm_on("xterm", output, input) }) { session in
            #expect(session.size == Size(width: 20, height: 6))
            var frame = Buffer(width: 20, height: 6)
            frame.write("hello ∂f", at: Point(x: 2, y: 1))
            session.present(frame)
            let first = drain(master)
            #expect(first.contains("hello ∂f"))
            // One changed cell: the second frame sends that cell and a cursor move, nothing more.
            frame.write("X", at: Point(x: 10, y: 4))
            session.present(frame)
            let second = drain(master)
            #expect(second.contains("X") && !second.contains("hello"))
            #expect(second.utf8.count < 24, "\(second.utf8.count) bytes: \(second.debugDescription)")
            // An unchanged frame sends nothing at all.
            session.present(frame)
            #expect(drain(master).isEmpty)
            // Keys typed at the terminal (xterm sends ESC O C for → in keypad mode).
            for (bytes, key) in [("\u{1b}OC", Key.right), ("l", .character("l")), (" ", .character(" ")),
                                 ("\r", .enter), ("ξ", .character("ξ"))] {
                _ = bytes.withCString { write(master, $0, strlen($0)) }
                #expect(session.readKey(timeoutMilliseconds: 2000) == key)
            }
            #expect(session.readKey(timeoutMilliseconds: 200) == nil)
            // After a resize the app calls for a whole frame (readKey does this on .resize).
            session.invalidate()
            session.present(frame)
            #expect(drain(master).contains("hello ∂f"))
        }
    }

    @Test func anUnknownTerminalTypeIsAnErrorNotAnExit() throws {
        let caps = TerminalCapabilities(mode: .interactive, unicode: true, color: false)
        var master: Int32 = -1, slave: Int32 = -1
        try #require(cn_open_pty(&master, &slave, 6, 20) == 0)
        defer { close(master) }
        let output = try #require(fdopen(slave, "w"))
        defer { fclose(output) }
        #expect(throws: TerminalError.self) {
            try withTerminal(caps, opening: { cn_newterm_on("no-such-terminal", output, output) }) { _ in }
        }
    }
}
