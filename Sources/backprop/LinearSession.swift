import Foundation
import Tutor

/// `learn --linear`: the lesson for a screen reader, a braille display or a speech
/// synthesiser (`backprop learn chain-rule --linear | espeak-ng`). Every screen is a few
/// plain sentences (`TutorState.linearLines`); input is read a line at a time: Enter the
/// next step, `b` back, `r` restart, `n` end of the pass, `[` / `]` parts, `q` quit, `?`
/// the commands; while a quiz question waits, a number answers it and `s` shows the answer.
/// Works over a pipe and a dumb terminal: nothing but text lines goes either way.
enum LinearSession {
    static let commands = """
        Commands, each followed by Enter: Enter alone, the next step. b, back. r, restart this part. \
        n, to the end of the pass. e, to the end of the part. f, ten epochs on; F, a hundred (a part \
        that trains). ], the next part. [, the part before. z, quiz mode on or off. q, quit. ?, this \
        list. While a question waits: type the number, or s to show the answer.
        """

    /// The action a line asks for, or nil (the line is a quiz answer or unknown).
    static func action(for line: String, asking: Bool) -> Action? {
        // F alone is case-sensitive (a hundred epochs); the words work too.
        if line == "F" { return .classroom(.fastForward(epochs: 100)) }
        switch line.lowercased() {
        case "", "next": return asking ? nil : .next
        case "b", "back": return .back
        case "r", "restart": return .restart
        case "n": return .finishPhase
        case "e", "end": return .toEnd
        case "f": return .classroom(.fastForward(epochs: 10))
        case "]": return .nextPart
        case "[": return .previousPart
        case "z", "quiz": return .classroom(.toggleQuiz)
        case "q", "quit": return .quit
        case "s" where asking, "show" where asking: return .classroom(.quizReveal)
        default: return nil
        }
    }

    static func run(_ start: TutorState, options: ClassroomOptions) {
        var state = start
        options.prepare(&state, now: 0)
        var saver = options.progress
        say(["backprop, linear mode. \(state.subject.title).", "Enter: the next step. ?: the commands."] + state.linearLines)
        while !state.isLeaving, let raw = readLine() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let asking = state.classroom.quiz.isAsking
            if line == "?" || line.lowercased() == "help" {
                say([commands])
                continue
            }
            if let action = action(for: line, asking: asking) {
                state.apply(action)
            } else if asking, !line.isEmpty {
                for character in line { state.apply(.classroom(.quizType(character))) }
                state.apply(.classroom(.quizSubmit))
            } else {
                say([asking ? "Type your answer, then Enter; s shows the answer." : "Unknown command \(line). ? lists the commands."])
                continue
            }
            // A command a line is slow enough to save after each: Ctrl-C loses nothing.
            saver?.observe(state, interval: .zero)
            if !state.isLeaving { say(state.linearLines) }
        }
        saver?.save()
        if let failure = saver?.failure { Output.errorLine(failure) }
    }

    /// Prints the lines and a blank line after them, at once (a screen reader gets whole
    /// screens).
    static func say(_ lines: [String]) {
        Output.print(lines.map { $0 + "\n" }.joined() + "\n")
    }
}
