import Autograd

/// Where the current pass stands, node by node: whose value has been computed, whose
/// gradient has started to arrive or is complete, and what the last step was about.
/// Derived from the stepper's cursor alone, so it is always consistent with it.
public struct PassProgress: Sendable, Equatable {
    /// How a node is marked: ▶ the step just taken is about it, ✓ its work in the current
    /// phase is done, · it is still waiting.
    public enum Mark: Sendable, Equatable {
        case active, done, pending
    }

    /// The value has been computed in this pass (leaves always have theirs).
    public var valueKnown: [Bool]
    /// Some gradient has reached the node in this pass (or the pass is over).
    public var gradKnown: [Bool]
    /// The node's own backward step is done (its gradient is final).
    public var gradComplete: [Bool]
    /// The backward pass has begun (the seed step is done).
    public var inBackward: Bool
    /// The node the last step acted on.
    public var active: NodeID?

    public init(_ stepper: Stepper) {
        let graph = stepper.graph
        let count = graph.count
        valueKnown = graph.kinds.map(\.isLeaf)
        gradKnown = [Bool](repeating: false, count: count)
        gradComplete = [Bool](repeating: false, count: count)
        inBackward = false
        active = stepper.lastStep?.node
        let plan = stepper.plan
        guard !stepper.isAtEnd else {
            // At the end every node is done; nothing is singled out.
            active = nil
            self.markAll()
            return
        }
        let location = plan.location(of: stepper.position)
        guard let row = location.row else {
            self.markAll()  // closing steps of an epoch: the passes are all done
            return
        }
        for step in plan.pass(row: row).prefix(location.offset) {
            switch step {
            case .forward(let id): valueKnown[id.index] = true
            case .seed(let id):
                inBackward = true
                gradKnown[id.index] = true
            case .backward(let id):
                gradComplete[id.index] = true
                gradKnown[id.index] = true
                for input in graph.inputs(of: id) { gradKnown[input.index] = true }
            case .backwardEdge(let id, let position):
                gradComplete[id.index] = true
                gradKnown[id.index] = true
                let inputs = graph.inputs(of: id)
                if inputs.indices.contains(position) { gradKnown[inputs[position].index] = true }
            case .update, .accumulate:
                valueKnown = [Bool](repeating: true, count: count)
                gradKnown = [Bool](repeating: true, count: count)
                gradComplete = [Bool](repeating: true, count: count)
            case .sample, .epoch:
                break
            }
        }
    }

    private mutating func markAll() {
        valueKnown = valueKnown.map { _ in true }
        gradKnown = valueKnown
        gradComplete = valueKnown
        inBackward = true
    }

    /// The mark of a node: in the forward phase done once computed, in the backward phase
    /// done once its own backward step is taken.
    public func mark(of id: NodeID) -> Mark {
        if id == active { return .active }
        let done = inBackward ? gradComplete[id.index] : valueKnown[id.index]
        return done ? .done : .pending
    }
}
