/// Rows of values for a graph's input leaves: the features and the target(s) of each
/// training sample. Targets are ordinary input leaves of the graph (`y`), so the loss can be
/// the graph's output; the split only tells the screen which columns are the answers.
public struct Dataset: Sendable, Equatable {
    /// The feature leaves, one column each.
    public let inputs: [NodeID]
    /// The target leaves, one column each.
    public let targets: [NodeID]
    /// Each row holds the feature values then the target values, in column order.
    public let rows: [[Double]]

    /// The leaves every row sets: features then targets.
    public var columns: [NodeID] { inputs + targets }
    public var count: Int { rows.count }

    /// Checks that every row has one value per column and that every column is an input
    /// leaf of `graph`, so a bad lesson file gets a message instead of a crash.
    public init(inputs: [NodeID], targets: [NodeID], rows: [[Double]], for graph: Graph) throws(TrainingError) {
        let columns = inputs + targets
        for column in columns {
            guard column.index >= 0, column.index < graph.count else { throw .unknownNode(column) }
            guard graph.kind(of: column) == .input else {
                throw .notAnInput(graph.name(of: column) ?? "an unnamed node")
            }
        }
        if Set(columns).count != columns.count { throw .duplicateColumn }
        if rows.isEmpty { throw .emptyDataset }
        for (index, row) in rows.enumerated() where row.count != columns.count {
            throw .rowWidth(row: index, expected: columns.count, found: row.count)
        }
        self.inputs = inputs
        self.targets = targets
        self.rows = rows
    }

    /// The same, naming the columns: `Dataset(inputs: ["x1", "x2"], targets: ["y"], …)`.
    public init(inputs: [String], targets: [String], rows: [[Double]], for graph: Graph) throws(TrainingError) {
        func resolve(_ name: String) throws(TrainingError) -> NodeID {
            guard let id = graph.id(named: name) else { throw .unknownName(name) }
            return id
        }
        var inputIDs: [NodeID] = []
        for name in inputs { inputIDs.append(try resolve(name)) }
        var targetIDs: [NodeID] = []
        for name in targets { targetIDs.append(try resolve(name)) }
        try self.init(inputs: inputIDs, targets: targetIDs, rows: rows, for: graph)
    }
}

/// Why a dataset, a training setting or a stepper could not be set up.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    case noOutput
    case unknownNode(NodeID)
    case unknownName(String)
    case notAnInput(String)
    case duplicateColumn
    case emptyDataset
    case rowWidth(row: Int, expected: Int, found: Int)
    case badEpochs(Int)
    /// The plan would have more steps than an Int counts (or than memory holds).
    case tooManySteps
    case badLearningRate(Double)
    case badWeightDecay(Double)
    case gradientsNotZeroed
    case perceptronLayout(String)

    public var description: String {
        switch self {
        case .noOutput: "the graph has no output to take gradients of"
        case .unknownNode(let id): "node \(id) is not in the graph"
        case .unknownName(let name): "no node is named \(name)"
        case .notAnInput(let name): "\(name) is not an input leaf, so a data row cannot set it"
        case .duplicateColumn: "a dataset column appears twice"
        case .emptyDataset: "the dataset has no rows"
        case .rowWidth(let row, let expected, let found):
            "data row \(row + 1) has \(found) values; expected \(expected)"
        case .badEpochs(let n): "epochs must be from 1 to \(TrainingSettings.maxEpochs) (got \(n))"
        case .badLearningRate(let eta): "the learning rate must be a finite number (got \(eta))"
        case .badWeightDecay(let alpha): "the weight decay must be a finite number of at least 0 (got \(alpha))"
        case .gradientsNotZeroed: "gradients that are not zeroed carry over between updates of the batch mean only (batch: all)"
        case .perceptronLayout(let why): "perceptron layout: \(why)"
        case .tooManySteps: "the plan has too many steps to walk (epochs × rows × steps per pass)"
        }
    }
}
