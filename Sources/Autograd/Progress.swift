/// Where each node stands in the pass under way, for drawing done (✓) and pending nodes.
public struct NodeProgress: Sendable, Equatable {
    /// The node's value belongs to this pass: a leaf once the sample is loaded (always,
    /// without a dataset), an op once its forward step is taken.
    public let computed: Bool
    /// The node's gradient is complete: its own backward step is taken (a literal constant,
    /// which has no step, once the backward phase is over).
    public let gradientComplete: Bool
}

extension Stepper {
    /// How far the pass under way has got with `node`. Between passes (during an epoch's
    /// closing steps, or at the end) the last pass counts as complete.
    public func progress(of node: NodeID) -> NodeProgress {
        guard node.index >= 0, node.index < graph.count else {
            return NodeProgress(computed: false, gradientComplete: false)
        }
        let taken = stepsTakenInPass
        return NodeProgress(computed: taken >= plan.computedAfter[node.index],
                            gradientComplete: taken >= plan.completeAfter[node.index])
    }

    /// Steps taken in the pass the cursor is in; the whole pass once it is over.
    var stepsTakenInPass: Int {
        if position == plan.count { return plan.stepsPerPass }
        let (_, row, offset) = plan.location(of: position)
        return row == nil ? plan.stepsPerPass : offset
    }
}
