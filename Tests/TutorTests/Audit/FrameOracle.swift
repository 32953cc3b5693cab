import Autograd

/// What a frame must show, worked out from the step plan alone: which steps of the pass
/// on screen have been taken (the pass under way, or between passes the one just
/// finished), and from them which values and gradients exist and which nodes are done.
/// It does not use the tutor's `PassProgress` or the stepper's progress tables: it is the
/// independent account the frame audit holds the screen to.
struct FrameOracle {
    let graph: Graph
    let plan: StepPlan
    let position: Int
    /// The steps of the pass on screen taken so far, in order.
    let taken: [Step]
    /// The output's cone: the nodes the backward pass visits.
    let onCone: [Bool]

    init(_ stepper: Stepper) {
        graph = stepper.graph
        plan = stepper.plan
        position = stepper.position
        var taken: [Step] = []
        if position > 0 {
            let (_, row, offset) = plan.location(of: position - 1)
            // During an epoch's closing steps the pass on screen is its last row's.
            let end = row == nil ? position - 1 - offset : position
            let start = row == nil ? end - plan.stepsPerPass : position - 1 - offset
            taken = (start..<end).map(plan.step(at:))
        }
        self.taken = taken
        onCone = (0..<stepper.graph.count).map { stepper.plan.tape.contains(NodeID($0)) }
    }

    var seeded: Bool { taken.contains { $0.phase == .seed } }
    /// The node the last step acted on (at the end too: the last step keeps its frame).
    var active: NodeID? { position > 0 ? plan.step(at: position - 1).node : nil }
    /// A sample step's row's leaves, which it marks ▶ as well.
    var loaded: Set<NodeID> {
        guard position > 0, case .sample = plan.step(at: position - 1) else { return [] }
        return Set(plan.dataset?.columns ?? [])
    }

    /// A leaf's value is always there; an op's once its forward step is taken in this pass.
    func valueShown(_ id: NodeID) -> Bool {
        graph.op(of: id) == nil || taken.contains(.forward(id))
    }

    /// The edges whose gradient has flowed in this pass: (consumer, input position).
    func hasFlowed(_ consumer: NodeID, _ position: Int) -> Bool {
        taken.contains(.backward(consumer)) || taken.contains(.backwardEdge(consumer, position: position))
    }

    /// Every use of `id` on the cone, as (consumer, position).
    func uses(of id: NodeID) -> [(NodeID, Int)] {
        graph.ids.filter { onCone[$0.index] && graph.op(of: $0) != nil }.flatMap { consumer in
            graph.inputs(of: consumer).enumerated().filter { $0.element == id }.map { (consumer, $0.offset) }
        }
    }

    /// A gradient is shown once the backward pass has reached the node: the seed for the
    /// output and for every node off the cone (their gradient is 0), else a first flow in.
    func gradShown(_ id: NodeID) -> Bool {
        guard seeded else { return false }
        if id == plan.tape.output || !onCone[id.index] { return true }
        return uses(of: id).contains { hasFlowed($0.0, $0.1) } || taken.contains(.backward(id))
    }

    /// ✓: in the forward phase once computed; in the backward phase once the gradient is
    /// complete: every use on the cone has sent its contribution (the output from the
    /// seed on; a node off the cone has its 0 from the seed).
    func done(_ id: NodeID) -> Bool {
        guard seeded else { return valueShown(id) }
        if !onCone[id.index] || id == plan.tape.output { return true }
        return uses(of: id).allSatisfy { hasFlowed($0.0, $0.1) }
    }
}
