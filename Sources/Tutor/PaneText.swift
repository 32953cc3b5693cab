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

    /// The text as it may be shown, from the whole down: each leaves out the lines of some
    /// ranks, in the order of what it costs, where leaving out a rank costs more than
    /// leaving out all the lower ones together. So the next step's preview goes first, and
    /// the diagram's sentence last; but where leaving out the sentence alone makes the text
    /// fit, the preview stays.
    var versions: [PaneText] {
        let ranks = Array(Set(expendable.map(\.rank))).sorted()
        return (0..<(1 << ranks.count)).map { mask in
            let out = Set(ranks.indices.filter { mask & (1 << $0) != 0 }.map { ranks[$0] })
            return leavingOut(out)
        }
    }

    /// Without the lines of `ranks`.
    func leavingOut(_ ranks: Set<Int>) -> PaneText {
        let gone = Set(expendable.filter { ranks.contains($0.rank) }.map(\.index))
        var text = PaneText(lines.indices.filter { !gone.contains($0) }.map { lines[$0] })
        var newIndex = 0, map: [Int: Int] = [:]
        for index in lines.indices where !gone.contains(index) { map[index] = newIndex; newIndex += 1 }
        text.expendable = expendable.compactMap { entry in map[entry.index].map { ($0, entry.rank) } }
        return text
    }
}
