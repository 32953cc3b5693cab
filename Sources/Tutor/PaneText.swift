import Screen

/// A text pane's lines with those it can do without where it is short of rows: the next
/// step's preview (the next → shows that step anyway), then what is said elsewhere in
/// other words (an op's rule, met at every such step; the passes' order, which the Lesson
/// pane opens with), last the flow diagram's sentence (the step in the slides' words,
/// which the drawing shows). Dropping them gives a shorter text, not a cut one: the
/// formulas with their numbers stay, and `↓ more` stays for what cannot go.
struct PaneText {
    var lines: [Line]
    /// The lines that may go: an index into `lines` and a rank (the lowest goes first).
    private var expendable: [(index: Int, rank: Int)] = []

    /// The ranks the inspector gives: the next step's preview goes first.
    static let nextStep = 0, restated = 1, diagramWords = 2

    init(_ lines: [Line] = []) { self.lines = lines }

    /// Adds a line; with a rank, one that may go.
    mutating func append(_ line: Line, expendable rank: Int? = nil) {
        if let rank { expendable.append((lines.count, rank)) }
        lines.append(line)
    }

    mutating func append(contentsOf more: [Line]) { lines += more }

    /// Appends `more`, its lines that may go keeping their ranks.
    mutating func append(contentsOf more: PaneText) {
        expendable += more.expendable.map { ($0.index + lines.count, $0.rank) }
        lines += more.lines
    }

    /// Without its first line (a step's header, which the caller places itself).
    var droppingFirst: PaneText {
        guard !lines.isEmpty else { return self }
        var text = PaneText(Array(lines.dropFirst()))
        text.expendable = expendable.filter { $0.index > 0 }.map { ($0.index - 1, $0.rank) }
        return text
    }

    /// The lines that never go.
    var essentials: [Line] {
        lines.indices.filter { index in !expendable.contains { $0.index == index } }.map { lines[$0] }
    }

    /// The same text with `others` above it.
    func below(_ others: [Line]) -> PaneText {
        var text = PaneText(others + lines)
        text.expendable = expendable.map { ($0.index + others.count, $0.rank) }
        return text
    }

    /// Without the first line to go; `nil` when none may.
    func shortened() -> PaneText? {
        guard let first = expendable.min(by: { ($0.rank, $0.index) < ($1.rank, $1.index) })?.index else { return nil }
        var text = PaneText(lines)
        text.lines.remove(at: first)
        text.expendable = expendable.filter { $0.index != first }.map { ($0.index > first ? $0.index - 1 : $0.index, $0.rank) }
        return text
    }
}
