/// The step machine: walks a `StepPlan` one step at a time over its own copy of the graph,
/// and can step back exactly.
///
/// Its state is the graph's values and gradients plus the batch sums of mean-over-batch
/// training; every step writes through one place that notes the old number first, so
/// `back()` restores the state before the step bit for bit, at a cost proportional to what
/// the step changed. The notes cover the steps since the last checkpoint only: every
/// `checkpointSpacing` steps the state is copied and the notes start afresh, so memory is
/// bounded by one segment and the copies (a few kilobytes each for a lesson), not by the
/// length of the training; going back past a checkpoint restores the one before and
/// replays the steps from it, which gives the same bits since every step is deterministic. Each step applies the same rules as the fast path in `Passes.swift`
/// (`evaluate`, `localGradient`, `+=` in reverse tape order), so stepping to the end of a
/// pass gives exactly the numbers `forward()` and `backward(_:)` give.
public struct Stepper: Sendable, Equatable {
    /// The graph as the steps so far have left it.
    public private(set) var graph: Graph
    public let plan: StepPlan
    /// Mean-over-batch training: Σ ∂L/∂p over the rows seen this epoch, per `plan.params`.
    public private(set) var batchSums: [Double]
    /// The number of steps taken: the cursor, 0 ... `plan.count`.
    public private(set) var position = 0
    /// The record of the last step taken (`nil` at the start).
    public private(set) var lastRecord: StepRecord?
    /// The autograd bug this stepper makes on purpose (the mistakes lab); nil: none.
    public let mistake: Mistake?

    private var log = ChangeLog()
    /// The position the log starts at: it notes the steps `logBase ..< position`.
    private var logBase = 0
    /// Copies of the state at the positions the log was started afresh (0 first), in
    /// increasing position.
    private var checkpoints: [Checkpoint] = []

    /// The state at one position, to restore and replay from.
    struct Checkpoint: Sendable, Equatable {
        let position: Int
        let values: [Double]
        let grads: [Double]
        let batchSums: [Double]
    }

    /// Steps between checkpoints: going back across one replays at most this many steps
    /// (about a millisecond for a lesson in a release build), and the log never notes more.
    /// At least twice the graph's size, so that the copies together weigh no more than
    /// the log would (a pass over a large graph takes about two steps a node).
    public let checkpointSpacing: Int
    /// For each node, the (consumer, position) pairs on the tape, in the order the backward
    /// pass adds them into the node's gradient: the fan-out ledger's rows. Flat (CSR, like
    /// the graph's inputs): node i's uses are `useConsumers[useStart[i] ..< useStart[i + 1]]`.
    let useStart: [Int]
    let useConsumers: [Int]
    let usePositions: [Int32]
    let paramSlots: [NodeID: Int]

    /// A stepper at the start of `plan`. Gradients start at 0: nothing has flowed back yet.
    public init(graph: Graph, plan: StepPlan, mistake: Mistake? = nil) {
        precondition(plan.computedAfter.count == graph.count && plan.tape.output.index < graph.count,
                     "the plan was made for another graph")
        var graph = graph
        for node in 0..<graph.count { graph.grads[node] = 0 }
        // The start shows the data the first step loads, not the graph file's own inputs,
        // which would change under the reader's eyes at "Sample 1".
        if let data = plan.dataset, plan.count > 0, case .sample(let row) = plan.step(at: 0), data.rows.indices.contains(row) {
            graph.load(data.rows[row], into: data.columns)
        }
        self.graph = graph
        self.plan = plan
        self.mistake = mistake
        batchSums = [Double](repeating: 0, count: plan.params.count)
        paramSlots = Dictionary(uniqueKeysWithValues: plan.params.enumerated().map { ($1, $0) })
        // Count the uses of each node, then fill them in backward-pass order.
        var start = [Int](repeating: 0, count: graph.count + 1)
        for node in plan.tape.order where graph.ops[node] != nil {
            for edge in graph.inputStart[node]..<graph.inputStart[node + 1] { start[graph.inputIDs[edge] + 1] += 1 }
        }
        for node in 0..<graph.count { start[node + 1] += start[node] }
        var next = start
        var consumers = [Int](repeating: 0, count: start[graph.count])
        var positions = [Int32](repeating: 0, count: start[graph.count])
        for node in plan.tape.order.reversed() where graph.ops[node] != nil {
            let first = graph.inputStart[node]
            for position in 0..<(graph.inputStart[node + 1] - first) {
                let input = graph.inputIDs[first + position]
                consumers[next[input]] = node
                positions[next[input]] = Int32(position)
                next[input] += 1
            }
        }
        useStart = start
        useConsumers = consumers
        usePositions = positions
        checkpointSpacing = Swift.max(4_096, 2 * graph.count)
        checkpoints = [snapshot]
    }

    /// A stepper over a new plan for `graph`; see `StepPlan.init`.
    public init(graph: Graph, granularity: BackwardGranularity = .node, dataset: Dataset? = nil,
                training: TrainingSettings? = nil, mistake: Mistake? = nil) throws(TrainingError) {
        let plan = try StepPlan(graph: graph, granularity: granularity, dataset: dataset, training: training)
        self.init(graph: graph, plan: plan, mistake: mistake)
    }

    /// Two steppers are equal when they stand at the same place of the same plan with the
    /// same state; how their history is kept (what was visited, which copies exist) is not
    /// part of it.
    public static func == (a: Stepper, b: Stepper) -> Bool {
        a.position == b.position && a.plan == b.plan && a.graph == b.graph && a.batchSums == b.batchSums
            && a.lastRecord == b.lastRecord && a.mistake == b.mistake
    }

    public var count: Int { plan.count }
    public var isAtStart: Bool { position == 0 }
    public var isAtEnd: Bool { position == plan.count }
    /// The step `step()` would take, `nil` at the end.
    public var nextStep: Step? { position < plan.count ? plan.step(at: position) : nil }
    /// The step `back()` would undo, `nil` at the start.
    public var lastStep: Step? { position > 0 ? plan.step(at: position - 1) : nil }
    /// The record the next step would produce, computed without taking it.
    public var nextRecord: StepRecord? { nextStep.map(record(for:)) }
    /// How many contributions the backward pass adds into `node`'s gradient: one per use
    /// on the output's cone (uses by nodes the output does not depend on send nothing).
    public func contributionCount(to node: NodeID) -> Int {
        guard node.index >= 0, node.index < graph.count else { return 0 }
        return useStart[node.index + 1] - useStart[node.index]
    }
    /// Bytes held by the undo history: the log and the checkpoints.
    public var historyBytes: Int {
        log.byteCount + checkpoints.reduce(0) { $0 + ($1.values.count + $1.grads.count + $1.batchSums.count) * 8 }
    }
    /// How many numbers the last step overwrote: what `back()` has to write back.
    public var lastStepChangeCount: Int { log.lastStep.count }

    /// The nodes whose value, or whose gradient, the last step wrote: all a display that
    /// follows the steps has to look at again.
    public var lastStepWrites: (values: [NodeID], grads: [NodeID]) {
        var values: [NodeID] = [], grads: [NodeID] = []
        for change in log.lastStep {
            switch change.store {
            case .value: values.append(NodeID(Int(change.index)))
            case .grad: grads.append(NodeID(Int(change.index)))
            case .batch: break
            }
        }
        return (values, grads)
    }

    // MARK: Moving

    /// Takes the next step and returns its record; `nil` at the end of the plan.
    @discardableResult
    public mutating func step() -> StepRecord? {
        guard let step = nextStep else { return nil }
        let record = record(for: step)
        apply(step)
        lastRecord = record
        return record
    }

    /// Undoes the last step, restoring the state before it exactly; false at the start.
    @discardableResult
    public mutating func back() -> Bool {
        guard undo() else { return false }
        lastRecord = recordOfLastStep()
        return true
    }

    /// Moves the cursor to `target` (clamped to the plan) by stepping forward or back, so
    /// the state is exactly the one the single steps would give.
    public mutating func go(to target: Int) {
        let target = Swift.min(Swift.max(target, 0), plan.count)
        guard target != position else { return }
        // Far back: from the last checkpoint at or before the target, rather than undoing
        // every step on the way.
        if target < logBase { restore(before: target + 1) }
        while position > target { _ = undo() }
        while position < target { apply(plan.step(at: position)) }
        lastRecord = recordOfLastStep()
    }

    public mutating func toStart() { go(to: 0) }
    public mutating func toEnd() { go(to: plan.count) }

    /// Finishes the stretch of the next step (`Phase.Stretch`: forward, backward, update):
    /// moves to just after its last step, a boundary a student can name ("the end of the
    /// forward pass").
    public mutating func toPhaseEnd() {
        guard let stretch = nextStep?.phase.stretch else { return }
        var target = position
        while target < plan.count, plan.step(at: target).phase.stretch == stretch { target += 1 }
        go(to: target)
    }

    /// Rewinds the stretch of the last step: moves to just before its first step (the
    /// previous boundary: the start, or the end of the stretch before).
    public mutating func toPhaseStart() {
        guard let stretch = lastStep?.phase.stretch else { return }
        var target = position
        while target > 0, plan.step(at: target - 1).phase.stretch == stretch { target -= 1 }
        go(to: target)
    }

    // MARK: Applying a step

    private mutating func apply(_ step: Step) {
        if position - logBase >= checkpointSpacing { startSegment() }
        log.beginStep()
        switch step {
        case .sample(let row):
            guard let dataset = plan.dataset else { break }
            for (column, id) in dataset.columns.enumerated() { setValue(id.index, dataset.rows[row][column]) }
        case .forward(let id):
            setValue(id.index, graph.evaluate(id))
        case .seed(let output):
            // As `backward(_:)` does: every gradient to 0, then ∂L/∂L = 1. Only the nonzero
            // ones (by bit pattern, so −0 too) are written, and so only they are logged.
            for node in 0..<graph.count where graph.grads[node].bitPattern != 0 { setGrad(node, 0) }
            // The mistakes lab's second backward(): the leaves still hold the first call's.
            if mistake == .backwardTwice {
                let first = firstBackward()
                for node in 0..<graph.count where graph.kind(of: NodeID(node)).isLeaf && first.grads[node].bitPattern != 0 {
                    setGrad(node, first.grads[node])
                }
            }
            setGrad(output.index, 1)
        case .backward(let id):
            let locals = graph.localGradients(of: id)
            for position in locals.indices { push(id, position, local: locals[position]) }
        case .backwardEdge(let id, let position):
            push(id, position, local: graph.localGradient(of: id, inputAt: position))
            // (The literals beside it, which have no step of their own, as `backward` does.)
            for literal in StepPlan.literalsSentWith(graph, from: id, position: position) {
                push(id, literal, local: graph.localGradient(of: id, inputAt: literal))
            }
        case .accumulate:
            for (slot, param) in plan.params.enumerated() {
                setBatch(slot, batchSums[slot] + graph.grads[param.index])
            }
        case .update(let param):
            guard let training = plan.training else { break }
            let slot = paramSlots[param]
            setValue(param.index, training.updated(graph.values[param.index], gradient: updateGradient(of: param)))
            if usesBatchMean, training.zeroGrad, let slot { setBatch(slot, 0) }
        case .epoch:
            break
        }
        position += 1
    }

    /// One `+=` of the backward pass, exactly as `backward(_:)` writes it.
    private mutating func push(_ id: NodeID, _ position: Int, local: Double) {
        let node = id.index
        let upstream = graph.grads[node]
        let input = graph.input(of: id, at: position).index
        // The mistakes lab's `=`: the contribution replaces what the gradient held.
        setGrad(input, mistake == .assign ? upstream * local : graph.grads[input] + upstream * local)
    }

    /// With `backwardTwice`: the graph after a first `backward()` at the current values,
    /// whose leaves' gradients (the right ones) the second call starts from.
    func firstBackward() -> Graph {
        var first = graph
        first.backward(plan.tape)
        return first
    }

    /// Whether updates use the batch mean rather than this sample's gradient.
    var usesBatchMean: Bool { plan.training?.batch == .meanOverBatch && plan.dataset != nil }

    /// The gradient an update of `param` uses at the current state.
    func updateGradient(of param: NodeID) -> Double {
        guard usesBatchMean, let slot = paramSlots[param] else { return graph.grads[param.index] }
        return batchSums[slot] / Double(plan.rowsPerEpoch)
    }

    private mutating func setValue(_ index: Int, _ value: Double) {
        log.record(.value, index, old: graph.values[index])
        graph.values[index] = value
    }

    private mutating func setGrad(_ index: Int, _ value: Double) {
        log.record(.grad, index, old: graph.grads[index])
        graph.grads[index] = value
    }

    private mutating func setBatch(_ index: Int, _ value: Double) {
        log.record(.batch, index, old: batchSums[index])
        batchSums[index] = value
    }

    // MARK: Checkpoints

    /// The state here, as a checkpoint.
    private var snapshot: Checkpoint {
        Checkpoint(position: position, values: graph.values, grads: graph.grads, batchSums: batchSums)
    }

    /// Copies the state (once per position) and starts the log afresh from here.
    private mutating func startSegment() {
        if !checkpoints.contains(where: { $0.position == position }) {
            let at = checkpoints.firstIndex { $0.position > position } ?? checkpoints.count
            checkpoints.insert(snapshot, at: at)
        }
        log = ChangeLog()
        logBase = position
    }

    /// Puts the state back to the last checkpoint before `limit`, with an empty log.
    private mutating func restore(before limit: Int) {
        guard let checkpoint = checkpoints.last(where: { $0.position < limit }) else { return }
        graph.values = checkpoint.values
        graph.grads = checkpoint.grads
        batchSums = checkpoint.batchSums
        position = checkpoint.position
        log = ChangeLog()
        logBase = position
    }

    /// Makes the log cover the last step again where a checkpoint cut it off: restores
    /// the checkpoint before it and replays up to here.
    private mutating func refillLog() {
        guard position > 0, position == logBase else { return }
        let target = position
        restore(before: target)
        while position < target { apply(plan.step(at: position)) }
    }

    // MARK: Undo

    private mutating func undo() -> Bool {
        refillLog()
        guard let start = log.starts.last else { return false }
        for index in stride(from: log.changes.count - 1, through: start, by: -1) {
            let change = log.changes[index]
            write(change, change.old)
        }
        log.dropLastStep()
        position -= 1
        return true
    }

    /// The record of the last step, recomputed from the state before it: the step's own
    /// changes are undone in place, the record read, and the changes put back.
    private mutating func recordOfLastStep() -> StepRecord? {
        guard let step = lastStep else { return nil }
        refillLog()
        let changes = Array(log.lastStep)
        var after: [Double] = []
        after.reserveCapacity(changes.count)
        for change in changes.reversed() {
            after.append(read(change))
            write(change, change.old)
        }
        let record = record(for: step)
        for (change, value) in zip(changes.reversed(), after).reversed() { write(change, value) }
        return record
    }

    private func read(_ change: ChangeLog.Change) -> Double {
        let index = Int(change.index)
        switch change.store {
        case .value: return graph.values[index]
        case .grad: return graph.grads[index]
        case .batch: return batchSums[index]
        }
    }

    private mutating func write(_ change: ChangeLog.Change, _ value: Double) {
        let index = Int(change.index)
        switch change.store {
        case .value: graph.values[index] = value
        case .grad: graph.grads[index] = value
        case .batch: batchSums[index] = value
        }
    }
}
