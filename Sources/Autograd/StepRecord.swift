/// What one step did, with every number the screen needs to explain it. Records are
/// computed from the state just before the step, so "before" values are the real ones.
public enum StepRecord: Sendable, Equatable {
    case sample(SampleRecord)
    case forward(ForwardRecord)
    case seed(SeedRecord)
    case backward(BackwardRecord)
    case accumulate(AccumulateRecord)
    case update(UpdateRecord)
    case epoch(EpochRecord)
}

/// A node and its value as an operand of a formula: "x = −2" (the screen names it).
public struct Operand: Sendable, Equatable {
    public let id: NodeID
    public let value: Double

    public init(id: NodeID, value: Double) {
        self.id = id
        self.value = value
    }
}

/// `sample(k)`: row `k` of the dataset loaded into the input leaves.
public struct SampleRecord: Sendable, Equatable {
    /// One leaf set by the row.
    public struct Assignment: Sendable, Equatable {
        public let id: NodeID
        public let before: Double
        public let after: Double
        /// Whether the leaf is a target column (`y`) rather than a feature.
        public let isTarget: Bool
    }

    /// The row's index in the dataset, from 0.
    public let row: Int
    public let assignments: [Assignment]
}

/// `forward(node)`: "q = x + y = −2 + 5 = 3".
public struct ForwardRecord: Sendable, Equatable {
    public let node: NodeID
    public let op: Op
    /// The inputs in order, repeated where an input is used twice (`x * x`).
    public let inputs: [Operand]
    public let result: Double
    /// The value the node held before (what stepping back restores).
    public let previous: Double
}

/// `seed(output)`: every gradient is cleared and ∂L/∂L = 1.
public struct SeedRecord: Sendable, Equatable {
    public let output: NodeID
    /// How many gradients held something before they were cleared.
    public let cleared: Int
}

/// One use of the chain rule along one edge: `to` is an input of `from`, and
/// `product = upstream × local` is added to `to`'s gradient, taking it from `before` to
/// `after`. Read from `to`'s side it is a contribution that came *via* `from`.
public struct GradientFlow: Sendable, Equatable {
    /// The consumer the gradient flows back from (the "via" node).
    public let from: NodeID
    /// The input it flows into.
    public let to: NodeID
    /// Which of `from`'s inputs `to` is (`x * x` has positions 0 and 1, both `x`).
    public let position: Int
    /// ∂L/∂from.
    public let upstream: Double
    /// ∂from/∂to at the current values.
    public let local: Double
    /// upstream × local, the contribution.
    public let product: Double
    /// `to`'s gradient before and after the `+=`.
    public let before: Double
    public let after: Double
    /// Which of `to`'s contributions this is, from 0, in the order the backward pass adds
    /// them (a zero contribution counts: "the first of 2" is said once).
    public let contribution: Int
    /// The mistakes lab's `=`: `after` is the product alone, and `before` was lost.
    public var replaced = false
}

/// `backward(node)` (or one edge of it): the node's gradient is complete, the ledger shows
/// where it came from, and `flows` are the edges pushed in this step.
public struct BackwardRecord: Sendable, Equatable {
    public let node: NodeID
    /// The node's op; `nil` for a leaf, which pushes nothing.
    public let op: Op?
    /// Whether the node is the output, whose gradient is the seed ∂L/∂L = 1.
    public let isOutput: Bool
    /// The fan-out ledger: every contribution to ∂L/∂node, one per use of the node, in
    /// definition order of the consumers ("3 (via d) + (−6) (via e)"). Each flow's
    /// `before`/`after` are the running sum at the moment it was added.
    public let ledger: [GradientFlow]
    /// ∂L/∂node, the total of the ledger (1 for the output).
    public let grad: Double
    /// The edges this step pushes into the node's inputs: all of them, or one in the edge
    /// setting.
    public let flows: [GradientFlow]
    /// What the gradient held before this pass's contributions: 0, except for a leaf in
    /// the mistakes lab's second `backward()`, which starts from the first call's.
    public var carried = 0.0
}

/// `accumulate(row)`: mean-over-batch training collects this sample's parameter gradients.
public struct AccumulateRecord: Sendable, Equatable {
    /// One parameter's running batch sum.
    public struct Entry: Sendable, Equatable {
        public let param: NodeID
        public let before: Double
        public let gradient: Double
        public let after: Double
    }

    public let row: Int
    public let entries: [Entry]
}

/// `update(param)`: w ← w − η·∂L/∂w.
public struct UpdateRecord: Sendable, Equatable {
    public let param: NodeID
    public let before: Double
    /// The gradient used: this sample's, or the batch mean.
    public let gradient: Double
    public let learningRate: Double
    /// Weight decay α (0 for none): `after` = before − η·(gradient + α·before).
    public let weightDecay: Double
    public let after: Double
    /// For mean-over-batch training: the summed gradient and the number of rows it is over.
    public let batchSum: Double?
    public let batchCount: Int?
    /// For the perceptron rule: the same update read as the slides write it.
    public let perceptron: PerceptronUpdate?
}

/// The multi-class perceptron rule for one weight: classify f(x) = argmax_c s_c; if
/// f(x) ≠ y then w_y += ηx and w_f(x) −= ηx. In one-hot form w_c ← w_c − η ε_c x with
/// ε_c = f_c(x) − y_c.
public struct PerceptronUpdate: Sendable, Equatable {
    /// Which of the slide's cases this weight falls in.
    public enum Change: String, Sendable, Equatable {
        /// f(x) = y, or this class is neither f(x) nor y: ε_c = 0.
        case unchanged
        /// c = y ≠ f(x): w_y += ηx (ε_c = −1).
        case towardTarget
        /// c = f(x) ≠ y: w_f(x) −= ηx (ε_c = +1).
        case awayFromPrediction
    }

    public let classIndex: Int
    public let className: String
    /// The feature this weight multiplies (nil for a bias, whose feature is 1) and its
    /// value in the sample.
    public let feature: NodeID?
    public let featureValue: Double
    /// f(x), the predicted class, and y, the true class (indices into the classes).
    public let predicted: Int
    public let predictedName: String
    public let target: Int
    public let targetName: String
    /// ε_c = f_c(x) − y_c, the one-hot error.
    public let epsilon: Double
    public let change: Change
}

/// `epoch(n)`: the end of a pass over the dataset.
public struct EpochRecord: Sendable, Equatable {
    /// Counted from 1.
    public let epoch: Int
    /// The mean of the output (the loss) over all rows at the current parameters.
    public let meanLoss: Double
    public let rows: Int
}
