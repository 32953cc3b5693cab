/// How a graph learns: the rule, the learning rate η, how gradients are batched, and for how
/// many epochs.
public struct TrainingSettings: Sendable, Equatable {
    public var learningRate: Double
    public var epochs: Int
    public var batch: BatchMode
    public var rule: UpdateRule
    /// Weight decay α: each update also pulls every param towards 0 by η·α·w, the gradient
    /// of an ℓ2 penalty ½α·w² (w ← (1 − ηα)·w − η·∂L/∂w). 0: plain gradient descent.
    public var weightDecay: Double
    /// Whether the summed gradients are zeroed after each update (`optimizer.zero_grad()`).
    /// `false` replays "a very very very common mistake" (seed 000): with mean-over-batch
    /// training the sums carry over, so each update uses every epoch's gradients so far.
    public var zeroGrad: Bool

    public init(learningRate: Double, epochs: Int = 1, batch: BatchMode = .perSample, rule: UpdateRule = .sgd,
                weightDecay: Double = 0, zeroGrad: Bool = true) {
        self.learningRate = learningRate
        self.epochs = epochs
        self.batch = batch
        self.rule = rule
        self.weightDecay = weightDecay
        self.zeroGrad = zeroGrad
    }

    /// A param's new value from its value and gradient: the one formula the fast path, the
    /// Stepper and the update records share, so all three agree bit for bit.
    @inline(__always)
    public func updated(_ value: Double, gradient: Double) -> Double {
        weightDecay == 0 ? value - learningRate * gradient : value - learningRate * (gradient + weightDecay * value)
    }

    /// The most epochs the engine runs: a bound for callers that skip the lesson reader's
    /// tighter limits, so no request allocates or loops without end.
    public static let maxEpochs = 10_000_000

    /// Rejects settings that would loop forever or produce nonsense, with a message.
    public func validate(for graph: Graph) throws(TrainingError) {
        guard learningRate.isFinite else { throw .badLearningRate(learningRate) }
        guard weightDecay.isFinite, weightDecay >= 0 else { throw .badWeightDecay(weightDecay) }
        guard epochs >= 1, epochs <= Self.maxEpochs else { throw .badEpochs(epochs) }
        if !zeroGrad && batch != .meanOverBatch { throw .gradientsNotZeroed }
        if case .perceptron(let layout) = rule {
            try layout.validate(for: graph)
            if batch != .perSample { throw .perceptronLayout("the perceptron rule updates after every sample") }
            if weightDecay != 0 { throw .perceptronLayout("the perceptron rule has no weight decay") }
        }
    }
}

/// Whether parameters change after every sample or once per pass over the data.
public enum BatchMode: String, Sendable, Equatable, CaseIterable {
    /// Stochastic gradient descent: update after each sample with its own gradient.
    case perSample
    /// Update once per epoch with the mean gradient over all rows (summed in row order,
    /// then divided by the row count).
    case meanOverBatch
}

/// How a parameter changes given its gradient.
public enum UpdateRule: Sendable, Equatable {
    /// w ← w − η·∂L/∂w.
    case sgd
    /// The multi-class perceptron rule. It is applied as SGD on the graph's loss
    /// max_c(s_c) − s_y (max routes to its first winner, so ∂L/∂s_c = ε_c), which moves the
    /// weights exactly as the slides' rule does; the update record presents it in the
    /// slides' terms.
    case perceptron(PerceptronLayout)
}
