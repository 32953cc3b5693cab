/// One move of the step machine: what it will do, named by its phase and the node (or row,
/// or epoch) it acts on. Steps are plain values, so lessons can tie narration to them
/// ("after backward q", "at update w1") and tests can compare whole sequences.
public enum Step: Hashable, Sendable, CustomStringConvertible {
    /// Loads row `k` of the dataset into the input leaves (inputs and targets).
    case sample(Int)
    /// Computes one op node from its inputs' current values.
    case forward(NodeID)
    /// Zeroes every gradient and sets ∂L/∂L = 1 at the output.
    case seed(NodeID)
    /// Visits one node in reverse topological order: its gradient is now complete (the
    /// fan-out ledger shows where it came from) and, for an op, it pushes upstream × local
    /// into each input.
    case backward(NodeID)
    /// The finer setting: pushes the gradient along one edge only, the input at `position`.
    case backwardEdge(NodeID, position: Int)
    /// Mean-over-batch training: adds this sample's parameter gradients to the batch sums.
    case accumulate(row: Int)
    /// Changes one parameter by the update rule (SGD or the perceptron rule).
    case update(NodeID)
    /// Closes epoch `n` (counted from 1) and reports the mean loss over the dataset.
    case epoch(Int)

    public var phase: Phase {
        switch self {
        case .sample: .sample
        case .forward: .forward
        case .seed: .seed
        case .backward, .backwardEdge: .backward
        case .accumulate: .accumulate
        case .update: .update
        case .epoch: .epoch
        }
    }

    /// The node the step acts on, if it acts on one.
    public var node: NodeID? {
        switch self {
        case .forward(let id), .seed(let id), .backward(let id), .backwardEdge(let id, _), .update(let id): id
        case .sample, .accumulate, .epoch: nil
        }
    }

    public var description: String {
        switch self {
        case .sample(let row): "sample \(row)"
        case .forward(let id): "forward \(id)"
        case .seed(let id): "seed \(id)"
        case .backward(let id): "backward \(id)"
        case .backwardEdge(let id, let position): "backward \(id) edge \(position)"
        case .accumulate(let row): "accumulate \(row)"
        case .update(let id): "update \(id)"
        case .epoch(let n): "epoch \(n)"
        }
    }
}

/// The phases of one training pass, in the order they come.
public enum Phase: String, Sendable, CaseIterable {
    case sample, forward, seed, backward, accumulate, update, epoch

    /// The stretch of a pass a student names, which phase jumps go by: the forward pass
    /// (loading a row and computing), the backward pass (the seed and the gradients), the
    /// update (batch sums, updates, the end of an epoch).
    public enum Stretch: Sendable, Equatable {
        case forward, backward, update
    }

    public var stretch: Stretch {
        switch self {
        case .sample, .forward: .forward
        case .seed, .backward: .backward
        case .accumulate, .update, .epoch: .update
        }
    }
}

/// How finely the backward pass is stepped.
public enum BackwardGranularity: String, Sendable, CaseIterable {
    /// One step per node: its ledger and all its outgoing edges at once.
    case node
    /// One step per edge, so each `+=` into an input is its own keystroke.
    case edge
}
