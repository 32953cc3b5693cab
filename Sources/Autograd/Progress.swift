/// Where each node stands in the pass under way, for drawing done (✓) and pending nodes.
public struct NodeProgress: Sendable, Equatable {
    /// The node's value belongs to this pass: a leaf once the sample is loaded (always,
    /// without a dataset), an op once its forward step is taken.
    public let computed: Bool
    /// Some gradient has reached the node: the seed at the output, otherwise the first
    /// contribution from a consumer.
    public let gradientArrived: Bool
    /// The node's gradient is complete: its last contribution is in (the seed for the
    /// output; off the output's cone, 0 from the seed on).
    public let gradientComplete: Bool
}

extension Stepper {
    /// How far the pass under way has got with `node`. Between passes (during an epoch's
    /// closing steps, or at the end) the last pass counts as complete.
    public func progress(of node: NodeID) -> NodeProgress {
        guard node.index >= 0, node.index < graph.count else {
            return NodeProgress(computed: false, gradientArrived: false, gradientComplete: false)
        }
        let taken = stepsTakenInPass
        return NodeProgress(computed: taken >= plan.computedAfter[node.index],
                            gradientArrived: taken >= plan.arrivedAfter[node.index],
                            gradientComplete: taken >= plan.completeAfter[node.index])
    }

    /// Whether the gradient has flowed back along the edge from `node` to its input at
    /// `position` in the pass under way (in the edge setting, edge by edge).
    public func hasFlowed(from node: NodeID, position: Int) -> Bool {
        guard node.index >= 0, node.index < graph.count, graph.ops[node.index] != nil,
              position >= 0, position < graph.inputCount(of: node),
              plan.sentAfter[node.index] != Int.max
        else { return false }
        guard plan.granularity == .edge else { return stepsTakenInPass >= plan.sentAfter[node.index] }
        // The node's edge steps follow one another from its first on; an edge into a literal
        // constant has none (`StepPlan.stepsAlong`) and flows with the step before it.
        let before = (0..<position).count { StepPlan.stepsAlong(graph, from: node, position: $0) }
        let own = StepPlan.stepsAlong(graph, from: node, position: position)
        return stepsTakenInPass >= plan.sentAfter[node.index] + (own ? before : max(0, before - 1))
    }

    /// Steps taken in the pass of the last step taken: the whole pass once its last step
    /// is taken (the frame that ends a row shows that row's numbers until the next row's
    /// first step) and during an epoch's closing steps; 0 at the start.
    var stepsTakenInPass: Int {
        guard position > 0 else { return 0 }
        let (_, row, offset) = plan.location(of: position - 1)
        return row == nil ? plan.stepsPerPass : offset + 1
    }
}
