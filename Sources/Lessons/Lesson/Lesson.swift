import Autograd

/// A lesson: a walkthrough of one lecture's example, loaded from `lessons/NAME.yaml`.
///
/// A lesson has one or more parts. Each part has its own graph, and may have data and
/// training settings, narration tied to steps, quiz prompts and expected values. A lesson
/// written with a top-level `graph` has exactly one part; a lesson with `parts:` (the
/// perceptron's AND, OR and NOT) has one per entry.
public struct Lesson: Sendable {
    /// The file name without its extension (`chain-rule`).
    public var name: String
    /// The path the lesson was read from, as diagnostics print it.
    public var file: String
    public var title: String
    /// One line: what the student will see.
    public var summary: String
    /// The lectures and slides the lesson replays.
    public var sources: [LessonSource]
    public var parts: [LessonPart]
    /// The variant whose numbers the parts hold (`variant(_:)`); nil: the slide's.
    public var variant: Int?

    public init(name: String, file: String, title: String, summary: String, sources: [LessonSource], parts: [LessonPart]) {
        self.name = name
        self.file = file
        self.title = title
        self.summary = summary
        self.sources = sources
        self.parts = parts
    }

    /// The sources in one line: `004 "Backpropagation: a simple example"`.
    public var sourceLine: String {
        sources.map { "\($0.seedNumber) \"\($0.slide)\"" }.joined(separator: "; ")
    }
}

/// Where a lesson comes from: a seed lecture file and the title of the slide it replays.
public struct LessonSource: Sendable, Equatable {
    /// The seed file name, e.g. `004_65d9b7a0499491d4.txt`.
    public var seed: String
    /// The slide title, e.g. `Backpropagation: a simple example`.
    public var slide: String

    public init(seed: String, slide: String) {
        self.seed = seed
        self.slide = slide
    }

    /// The seed's number, the part of its file name before the first `_` (`004`).
    public var seedNumber: String {
        String(seed.prefix { $0 != "_" && $0 != "." })
    }
}

/// One part of a lesson: a graph and everything tied to it.
/// Which drawing of the graph a part opens in (`view:` in a lesson; `g` switches).
public enum GraphView: String, Sendable, CaseIterable {
    /// One gate per operator, as the CS231n figures draw it.
    case circuit
    /// One circle per neuron with its weights on the edges, as the UIUC slides draw it.
    case flow
}

public struct LessonPart: Sendable {
    /// The part's title; `nil` for the single part of a lesson without `parts:`.
    public var title: String?
    /// The drawing the part opens in.
    public var view: GraphView = .circuit
    /// The graph at the lesson's values (forward and backward not yet run).
    public var graph: Graph
    /// Where each node is written in the lesson file (by node index).
    public var nodeLocations: [SourceLocation]
    /// The graph text after sugar was lowered, in the plain graph language.
    public var graphText: String
    public var data: DataTable?
    public var training: LessonTraining?
    public var narration: [Narration]
    public var quiz: [QuizItem]
    public var expectations: [Expectation]
    /// Whether the part holds a variant's numbers (`Lesson.variant(_:)`), not the slide's.
    public internal(set) var isVaried = false
    /// `mistake:` — the autograd bug the part opens with (the mistakes lab); `m` switches.
    public var mistake: Mistake?
    /// `variants:` — the range each named leaf's variants are drawn from; nil: `fixed`.
    public var variantRanges: [String: ClosedRange<Double>?] = [:]

    public init(
        title: String?, graph: Graph, nodeLocations: [SourceLocation], graphText: String, data: DataTable?, training: LessonTraining?,
        narration: [Narration], quiz: [QuizItem], expectations: [Expectation]
    ) {
        self.title = title
        self.graph = graph
        self.nodeLocations = nodeLocations
        self.graphText = graphText
        self.data = data
        self.training = training
        self.narration = narration
        self.quiz = quiz
        self.expectations = expectations
    }
}

/// Rows of data a part trains on or tabulates: each column sets the input node of the same
/// name, features first, then targets.
public struct DataTable: Sendable, Equatable {
    public var inputs: [String]
    public var targets: [String]
    public var rows: [[Double]]
    /// Where `data:` is in the lesson file.
    public var location: SourceLocation

    public init(inputs: [String], targets: [String], rows: [[Double]], location: SourceLocation) {
        self.inputs = inputs
        self.targets = targets
        self.rows = rows
        self.location = location
    }

    public var columns: [String] { inputs + targets }
}

/// How a part trains: the update rule and its settings, as the lesson file gives them.
public struct LessonTraining: Sendable, Equatable {
    /// The update rule.
    public enum Rule: String, Sendable, CaseIterable {
        /// Stochastic gradient descent: w ← w − η·∂L/∂w.
        case sgd
        /// The multi-class perceptron rule: weights change only after a mistake.
        case perceptron
    }

    /// When parameters change.
    public enum Batch: String, Sendable, CaseIterable {
        /// After every sample (`batch: 1`).
        case one
        /// Once per epoch with the mean gradient over all rows (`batch: all`).
        case all
    }

    public var rule: Rule
    /// The learning rate η.
    public var learningRate: Double
    public var epochs: Int
    public var batch: Batch
    /// With a seed, training starts from params drawn uniformly from [−1, 1) with it
    /// (the same numbers on every machine); without, from the values in the graph.
    public var seed: UInt64?
    /// Weight decay α (`decay:`), 0 for none: w ← (1 − ηα)·w − η·∂L/∂w.
    public var weightDecay: Double
    /// `zero_grad: false` leaves the summed gradients in place between updates (the
    /// classic mistake); the default zeroes them.
    public var zeroGrad: Bool
    /// Where `training:` is in the lesson file.
    public var location: SourceLocation

    public init(rule: Rule, learningRate: Double, epochs: Int, batch: Batch, seed: UInt64?, weightDecay: Double = 0,
                zeroGrad: Bool = true, location: SourceLocation) {
        self.zeroGrad = zeroGrad
        self.rule = rule
        self.learningRate = learningRate
        self.epochs = epochs
        self.batch = batch
        self.seed = seed
        self.weightDecay = weightDecay
        self.location = location
    }
}
