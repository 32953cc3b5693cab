import Screen

/// A text pane's lines with those it can do without where it is short of rows: the next
/// step's preview (the next → shows that step anyway; first its long form, which a short
/// one stands in for), then what is said elsewhere in
/// other words (an op's rule, met at every such step; the passes' order, which the Lesson
/// pane opens with), then the flow diagram's sentence (the step in the slides' words,
/// which the drawing shows), last an op's rule where the pass meets it first. Dropping
/// them gives a shorter text, not a cut one: the formulas with their numbers stay, and
/// `↓ more` stays for what cannot go. A line may also stand in for others
/// (`append(_:inPlaceOf:)`): the end's gradients as one paragraph, where their column is
/// short of rows.
struct PaneText {
    /// Every line, stand-ins included (`lines` is the text as a whole).
    private var stored: [Line]
    /// The whole text: every line but those that only stand in for others.
    var lines: [Line] { expendable.contains(where: \.standIn) ? leavingOut([]).stored : stored }
    /// The lines that may go: an index into `stored` and a rank (the lowest goes first);
    /// `standIn`: a line shown only where the lines of its rank go, in their place.
    private var expendable: [(index: Int, rank: Int, standIn: Bool)] = []

    /// The ranks the inspector gives: first (nothing is lost) a column gathers into a
    /// paragraph, and a step's later flows leave out the chain the first spelt out; then
    /// the next step's preview gives way to its short form (`Next: backward through z`,
    /// one line where the whole wraps); then the header's word on how the circuit draws
    /// the node (", drawn (×)"); then what is said again (an op's rule met before); then
    /// the short preview; then the flow diagram's sentence; last an op's rule where the
    /// pass meets it first.
    /// (`listedWeights`: the weights listed by name where the diagram writes them on its
    /// edges as numbers, which go with the chain: the numbers stay on the graph.)
    static let column = -2, repeatedChain = -1, listedWeights = -1, nextStep = 0, drawnName = 1, restated = 2,
               briefNextStep = 3, diagramWords = 4, newRule = 5

    init(_ lines: [Line] = []) { stored = lines }

    /// Adds a line; with a rank, one that may go.
    mutating func append(_ line: Line, expendable rank: Int? = nil) {
        if let rank { expendable.append((stored.count, rank, false)) }
        stored.append(line)
    }

    /// Adds a line shown only in place of the lines of `rank` (which go where rows are short).
    mutating func append(_ line: Line, inPlaceOf rank: Int) {
        expendable.append((stored.count, rank, true))
        stored.append(line)
    }

    /// Adds a line shown only in place of the lines of `rank`, which itself may go at `own`.
    mutating func append(_ line: Line, inPlaceOf rank: Int, expendable own: Int) {
        expendable.append((stored.count, own, false))
        append(line, inPlaceOf: rank)
    }

    mutating func append(contentsOf more: [Line]) { stored += more }

    /// Appends `more`, its lines that may go keeping their ranks.
    mutating func append(contentsOf more: PaneText) {
        expendable += more.expendable.map { ($0.index + stored.count, $0.rank, $0.standIn) }
        stored += more.stored
    }

    /// Without its first line (a step's header, which the caller places itself).
    var droppingFirst: PaneText {
        guard !stored.isEmpty else { return self }
        var text = PaneText(Array(stored.dropFirst()))
        text.expendable = expendable.filter { $0.index > 0 }.map { ($0.index - 1, $0.rank, $0.standIn) }
        return text
    }

    /// The lines that may go at `rank` (not those that stand in for others).
    func lines(ofRank rank: Int) -> [Line] {
        expendable.filter { $0.rank == rank && !$0.standIn }.map { stored[$0.index] }
    }

    /// The lines that never go (nor stand in for others).
    var essentials: [Line] {
        stored.indices.filter { index in !expendable.contains { $0.index == index } }.map { stored[$0] }
    }

    /// The same text with `others` above it.
    func below(_ others: [Line]) -> PaneText {
        var text = PaneText(others + stored)
        text.expendable = expendable.map { ($0.index + others.count, $0.rank, $0.standIn) }
        return text
    }

    /// The text as it may be shown, from the whole (without stand-ins) down: each leaves
    /// out the lines of some ranks, in the order of what it costs, where leaving out a
    /// rank costs more than leaving out all the lower ones together. So a column gathers
    /// first, then the next step's preview goes, and the diagram's sentence last; but where
    /// leaving out the sentence alone makes the text fit, the preview stays.
    /// A version the same as one before it (leaving out a short form whose whole is
    /// still shown changes nothing) is not given twice: each costs a measuring.
    var versions: [PaneText] {
        let ranks = Array(Set(expendable.map(\.rank))).sorted()
        var seen = Set<Set<Int>>()
        return (0..<(1 << ranks.count)).compactMap { mask in
            let out = Set(ranks.indices.filter { mask & (1 << $0) != 0 }.map { ranks[$0] })
            let gone = gone(leavingOut: out)
            guard seen.insert(gone).inserted else { return nil }
            return without(gone)
        }
    }

    /// The lines `leavingOut(ranks)` leaves out.
    private func gone(leavingOut ranks: Set<Int>) -> Set<Int> {
        Set(expendable.filter { ranks.contains($0.rank) != $0.standIn }.map(\.index))
    }

    /// Without the lines of `ranks`, with the lines standing in for them (and without the
    /// stand-ins of the ranks kept).
    func leavingOut(_ ranks: Set<Int>) -> PaneText { without(gone(leavingOut: ranks)) }

    /// Without the stored lines at `gone`.
    private func without(_ gone: Set<Int>) -> PaneText {
        var text = PaneText(stored.indices.filter { !gone.contains($0) }.map { stored[$0] })
        var newIndex = 0, map: [Int: Int] = [:]
        for index in stored.indices where !gone.contains(index) { map[index] = newIndex; newIndex += 1 }
        // A stand-in shown is a line like any other now: its rank has gone.
        text.expendable = expendable.compactMap { entry in
            entry.standIn ? nil : map[entry.index].map { ($0, entry.rank, false) }
        }
        return text
    }
}
