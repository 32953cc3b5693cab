import Autograd

/// Where the current pass stands, node by node, as the tutor marks it: the stepper's
/// `progress(of:)` for every node, plus the node the last step acted on.
public struct PassProgress: Sendable, Equatable {
    /// How a node is marked: ▶ the step just taken is about it, ✓ its work in the current
    /// phase is done, · it is still waiting.
    public enum Mark: Sendable, Equatable {
        case active, done, pending
    }

    /// The value can be shown: an op computed in this pass, or a leaf, whose value is
    /// always there to read.
    public var valueKnown: [Bool]
    /// Some gradient has reached the node in this pass (or the pass is over).
    public var gradKnown: [Bool]
    /// The node's own backward step is done (its gradient is final).
    public var gradComplete: [Bool]
    /// The backward pass has begun (the seed step is done).
    public var inBackward: Bool
    /// The node the last step acted on (at the end too: the last step keeps its frame).
    public var active: NodeID?
    /// The leaves a sample step just loaded with its row (marked ▶ too: "load a row"
    /// lights what it changed, even where the new values equal the old).
    public var loaded: Set<NodeID>
    /// The last step is of the backward pass (the seed or a node's backward step): the
    /// gradients are what the screen is about, where a node shows one number only.
    public var stepsBackward: Bool

    public init(_ stepper: Stepper) {
        let graph = stepper.graph
        let nodes = graph.ids.map(stepper.progress(of:))
        valueKnown = zip(graph.kinds, nodes).map { kind, node in kind.isLeaf || node.computed }
        gradKnown = nodes.map(\.gradientArrived)
        gradComplete = nodes.map(\.gradientComplete)
        inBackward = gradKnown[stepper.plan.tape.output.index]
        active = stepper.lastStep?.node
        if case .sample? = stepper.lastStep { loaded = Set(stepper.plan.dataset?.columns ?? []) } else { loaded = [] }
        stepsBackward = [Phase.seed, .backward].contains(stepper.lastStep?.phase)
    }

    /// The mark of a node: in the forward phase done once computed, in the backward phase
    /// once its gradient is complete (every contribution in).
    public func mark(of id: NodeID) -> Mark {
        if id == active || loaded.contains(id) { return .active }
        let done = inBackward ? gradComplete[id.index] : valueKnown[id.index]
        return done ? .done : .pending
    }
}
