/// How a graph learns: the rule, the learning rate η, how gradients are batched, and for how
/// many epochs.
public struct TrainingSettings: Sendable, Equatable {
    public var learningRate: Double
    public var epochs: Int
    public var batch: BatchMode
    public var rule: UpdateRule

    public init(learningRate: Double, epochs: Int = 1, batch: BatchMode = .perSample, rule: UpdateRule = .sgd) {
        self.learningRate = learningRate
        self.epochs = epochs
        self.batch = batch
        self.rule = rule
    }

    /// The most epochs the engine runs: a bound for callers that skip the lesson reader's
    /// tighter limits, so no request allocates or loops without end.
    public static let maxEpochs = 10_000_000

    /// Rejects settings that would loop forever or produce nonsense, with a message.
    public func validate(for graph: Graph) throws(TrainingError) {
        guard learningRate.isFinite else { throw .badLearningRate(learningRate) }
        guard epochs >= 1, epochs <= Self.maxEpochs else { throw .badEpochs(epochs) }
        if case .perceptron(let layout) = rule {
            try layout.validate(for: graph)
            if batch != .perSample { throw .perceptronLayout("the perceptron rule updates after every sample") }
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
