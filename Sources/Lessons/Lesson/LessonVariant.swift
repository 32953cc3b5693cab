import Autograd
import Foundation

/// A lesson with numbers of a student's own (`--variant N`): each part's leaves — the
/// inputs and params the data does not set, except those at 0 — drawn anew, reproducibly
/// from N, the lesson's name and the part's number (the same N gives the same numbers on
/// every machine). A leaf is drawn from the range `variants:` gives it in the lesson file
/// (`fixed` keeps it; inputs at ±1, labels and Booleans, are kept unless given a range),
/// else from half to one and a half times the slide's value (the sign kept; a value in
/// (0, 1) stays there), rounded to as many decimals as the slide's value has (at least
/// one). A draw is kept only when the part's forward pass stays clear of every kink and
/// singularity (relu, step, sign and abs near 0, max and min near a tie, division by about
/// 0, log and sqrt near 0) and finite for every data row, and it tells the slide's story
/// (`VariantStory`: truth tables, gradient signs, the output's size); after 100 rejected
/// draws the part keeps the slide's values.
///
/// What quotes the slide's numbers cannot hold for a variant: its expected values are
/// dropped, quiz questions with a number for an answer give way to the questions the
/// tutor derives from the steps, and the narration of steps gives way to generated
/// sentences; pages stay (with the tutor saying the numbers are the slide's).
extension Lesson {
    /// The variants a student may ask for.
    public static let variants = 1...1_000_000

    public func variant(_ number: Int) -> Lesson {
        var lesson = self
        lesson.variant = number
        lesson.parts = parts.indices.map { parts[$0].variant(seed: Self.seed(lesson: name, part: $0, variant: number)) }
        return lesson
    }

    /// FNV-1a over the name, mixed with the part and the variant: Swift's own hashing is
    /// seeded per process, this is the same everywhere.
    static func seed(lesson: String, part: Int, variant: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lesson.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash ^ (UInt64(truncatingIfNeeded: part) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: variant) &* 0xBF58_476D_1CE4_E5B9
    }
}

extension LessonPart {
    /// The leaves a variant draws anew: inputs and params not set by the data, not 0, not
    /// a label (`y = 1`: a label stays a label), not `fixed` in `variants:`.
    public var variableLeaves: [NodeID] {
        let columns = Set(data?.columns ?? [])
        return graph.ids.filter { id in
            let kind = graph.kind(of: id)
            guard kind == .input || kind == .param, graph.value(of: id) != 0 else { return false }
            guard let name = graph.name(of: id) else { return true }
            if let range = variantRanges[name] { return range != nil }
            // An input at ±1 is a label or a Boolean (y = 1, x1 = 1 of a truth table).
            return !columns.contains(name) && !(kind == .input && abs(graph.value(of: id)) == 1)
        }
    }

    /// The range a leaf's variants come from: the lesson file's, else the default.
    public func variantRange(of id: NodeID) -> ClosedRange<Double> {
        if let name = graph.name(of: id), let range = variantRanges[name] ?? nil { return range }
        let value = graph.value(of: id)
        // A value between 0 and 1 (a probability) stays between them.
        if value > 0 && value < 1 { return 0.5 * value...(1 + value) / 2 }
        return min(0.5 * value, 1.5 * value)...max(0.5 * value, 1.5 * value)
    }

    func variant(seed: UInt64) -> LessonPart {
        var part = self
        part.expectations = []
        part.quiz = quiz.filter { if case .number = $0.answer { false } else { true } }
        part.narration = narration.filter(\.isPage)
        if !variableLeaves.isEmpty, let drawn = drawLeaves(seed: seed) {
            part.graph = drawn
            part.isVaried = true
        }
        return part
    }

    /// The graph with its variable leaves drawn anew from `seed`, or nil when 100 draws
    /// all failed `VariantCheck` (the variant then keeps the slide's values).
    func drawLeaves(seed: UInt64) -> Graph? {
        var random = SplitMix64(seed: seed)
        let leaves = variableLeaves
        // Nothing to draw (all data, zeros and labels): the slide's graph is the variant.
        guard !leaves.isEmpty else { return graph }
        let story = VariantStory(self, leaves: leaves)
        for _ in 0..<100 {
            var graph = self.graph
            for id in leaves {
                let range = variantRange(of: id)
                let decimals = max(1, Self.decimals(of: graph.value(of: id)))
                let scale = Foundation.pow(10, Double(decimals))
                graph.setValue((random.uniform(range.lowerBound, range.upperBound) * scale).rounded() / scale, of: id)
            }
            graph.forward()
            if VariantCheck(graph: graph, data: data).clearOfKinks, story.holds(in: graph, part: self) { return graph }
        }
        return nil
    }

    /// The decimals a value is written with (up to 3): 0.133 → 3, −2 → 0.
    static func decimals(of value: Double) -> Int {
        (0...3).first { abs(value * Foundation.pow(10, Double($0)) - (value * Foundation.pow(10, Double($0))).rounded()) < 1e-9 } ?? 3
    }
}

/// What a variant must keep of the slide's example, so that its lesson still tells the
/// same story with other numbers: every truth-table row the lesson expects (`with x1 = 1,
/// x2 = 0: f = 1`), the sign of every leaf's gradient (a zero stays zero, a nonzero one
/// stays nonzero: no flat variant), and the output within a factor of ten.
struct VariantStory {
    let leaves: [NodeID]
    let signs: [Double]
    let output: Double

    init(_ part: LessonPart, leaves: [NodeID]) {
        self.leaves = leaves
        var graph = part.graph
        if let tape = graph.tape() {
            graph.forward(tape)
            graph.backward(tape)
        }
        signs = leaves.map { graph.grad(of: $0).sign == .minus ? -1 : (graph.grad(of: $0) == 0 ? 0 : 1) }
        output = graph.output.map(graph.value(of:)) ?? 0
    }

    func holds(in graph: Graph, part: LessonPart) -> Bool {
        var ran = graph
        guard let tape = ran.tape() else { return true }
        ran.backward(tape)
        for (id, sign) in zip(leaves, signs) {
            let grad = ran.grad(of: id)
            if sign == 0 ? grad != 0 : !(grad * sign > 0) { return false }
        }
        if output != 0, let out = ran.output.map(ran.value(of:)), !(0.1...10).contains(abs(out / output)) { return false }
        var variant = part
        variant.graph = graph
        for expectation in part.expectations {
            guard case .with = expectation.context else { continue }
            guard case .success(let got) = LessonChecker.measure(expectation, in: variant, file: ""), expectation.holds(for: got) else { return false }
        }
        return true
    }
}

/// Whether a graph's forward pass, for each data row (the first 50), is finite and keeps
/// a margin from every point where an op has a kink or is undefined.
struct VariantCheck {
    let graph: Graph
    let data: DataTable?
    /// How far from a kink a value must stay.
    static let margin = 0.05

    var clearOfKinks: Bool {
        guard let data else { return clear(graph) }
        let ids = data.columns.map { graph.id(named: $0) }
        for row in data.rows.prefix(50) {
            var graph = self.graph
            for (id, value) in zip(ids, row) { if let id { graph.setValue(value, of: id) } }
            graph.forward()
            if !clear(graph) { return false }
        }
        return true
    }

    private func clear(_ graph: Graph) -> Bool {
        for id in graph.ids {
            guard graph.value(of: id).isFinite else { return false }
            guard let op = graph.op(of: id) else { continue }
            let inputs = graph.inputs(of: id).map { graph.value(of: $0) }
            let near = { (x: Double) in abs(x) < Self.margin }
            switch op {
            case .relu, .step, .sign, .abs: if near(inputs[0]) { return false }
            case .div: if near(inputs[1]) { return false }
            // log and sqrt are undefined below 0 and steep at it: a small positive input
            // (a softmax's p = 0.001) is a fine number to take the log of.
            case .log, .sqrt: if inputs[0] < 1e-6 { return false }
            case .pow: if inputs[0] <= 0, inputs[1] != inputs[1].rounded() { return false }
            case .max, .min:
                let sorted = inputs.sorted(by: op == .max ? (>) : (<))
                if sorted.count > 1, abs(sorted[0] - sorted[1]) < Self.margin { return false }
            default: break
            }
        }
        return true
    }
}
