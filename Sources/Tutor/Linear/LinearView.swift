import Screen

// The linear mode's View: the same state as the screen, as a few plain sentences in words
// (Speech) for a screen reader, a braille display, a speech synthesiser or a dumb
// terminal: no box drawing, no cursor addressing, no colour. `render --step N --linear`
// prints exactly these lines, and `learn --linear` prints them after every command.
extension TutorState {
    /// What linear mode says for this state: where the student is, any message, the quiz,
    /// then the screen's text — a page of the lesson alone, else the Step pane and the
    /// lesson's words for the step.
    public var linearLines: [String] {
        var lines = [placeSentence]
        if let message { lines.append(message) }
        // The quiz and the gradient check as the Step pane shows them, without the typing
        // cursor (a linear reader types on a line of its own).
        lines += classroomLines().map(\.text).filter { !$0.hasPrefix("> ") }
        let narration = Narrator(state: self).lines().map(\.text)
        if isOnPage {
            lines += narration
        } else {
            let step = Inspector(state: self).lines().map(\.text)
            lines += step + narration.filter { !step.contains($0) }
        }
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { Self.sentence(Speech.words(Self.linearKeys($0))) }
    }

    /// The screen's key names in a sentence, as linear mode's commands (a line each).
    static func linearKeys(_ text: String) -> String {
        [("← steps back", "b steps back"), ("→ opens", "Enter opens"), ("Press → (or space)", "Press Enter"),
         ("→ takes", "Enter takes"), ("any other key goes back to it", "any other command goes back to it")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// "Step 3 of 8, backward pass." (at a part's start with its number and title).
    var placeSentence: String {
        let phase = stepper.lastStep.map { phaseName($0.phase) } ?? "start"
        var place = stepper.isAtStart ? "Start, step 0 of \(stepper.count)" : "Step \(stepper.position) of \(stepper.count), \(phase)"
        if stepper.isAtEnd { place += ", the end" }
        if isOnPage { place += ", a page of the lesson" }
        if stepper.isAtStart, subject.partCount > 1 {
            place = "Part \(part + 1) of \(subject.partCount)" + (subject.partTitle(part).map { ": \($0)" } ?? "") + ". " + place
        }
        return place
    }

    /// A line as a sentence: ends in a full stop unless it ends in punctuation already.
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?:;,—".contains(last) else { return text }
        return text + "."
    }
}
