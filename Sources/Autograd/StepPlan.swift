/// The whole sequence of steps a Stepper walks, laid out arithmetically so that a plan of
/// thousands of epochs costs no more memory than one pass.
///
/// One pass (per sample) is `sample(k)`, `forward` for every op node of the graph, `seed`,
/// `backward` for every node on the tape (the output's cone) in reverse order, then `update` per parameter (per-sample
/// training) or `accumulate(k)` (mean over batch). An epoch is one pass per row, then the
/// batch `update`s (mean over batch) and `epoch(n)`. Without a dataset there is one pass
/// and no `sample` or `epoch` step; without training settings there is no update.
public struct StepPlan: Sendable, Equatable {
    public let tape: Tape
    public let granularity: BackwardGranularity
    public let dataset: Dataset?
    public let training: TrainingSettings?
    /// The parameters on the tape, in definition order: the ones that get updated.
    public let params: [NodeID]
    /// One pass, with row 0 standing for the row of the pass.
    let passSteps: [Step]
    /// The steps after the last pass of an epoch.
    let closingSteps: [Step]
    /// Per node: how many steps of a pass must be taken before its value is this pass's,
    /// before some gradient has reached it, before its gradient is complete (its last
    /// contribution is in), and, for an op, before it has begun sending its gradient to its
    /// inputs (`Int.max`: never in a pass).
    let computedAfter: [Int]
    let arrivedAfter: [Int]
    let completeAfter: [Int]
    let sentAfter: [Int]

    public init(graph: Graph, granularity: BackwardGranularity = .node, dataset: Dataset? = nil,
                training: TrainingSettings? = nil) throws(TrainingError) {
        guard let tape = graph.tape() else { throw .noOutput }
        try training?.validate(for: graph)
        self.tape = tape
        self.granularity = granularity
        self.dataset = dataset
        self.training = training
        params = tape.ids.filter { graph.kind(of: $0) == .param }

        var pass: [Step] = dataset == nil ? [] : [.sample(0)]
        // The forward pass computes every node, also those the output does not depend on
        // (softmax's p_car beside L = −ln p_cat): the screen shows every value. The backward
        // pass walks the output's cone only; the others' gradient is 0 from the seed on.
        for node in 0..<graph.count where graph.ops[node] != nil { pass.append(.forward(NodeID(node))) }
        pass.append(.seed(tape.output))
        for node in tape.order.reversed() {
            let id = NodeID(node)
            if graph.ops[node] != nil, granularity == .edge {
                for position in 0..<graph.inputCount(of: id) where Self.stepsAlong(graph, from: id, position: position) {
                    pass.append(.backwardEdge(id, position: position))
                }
            } else if !Self.isLiteral(graph, id) {
                pass.append(.backward(id))
            }
        }
        var closing: [Step] = []
        if let training {
            switch training.batch {
            case .perSample: pass += params.map(Step.update)
            case .meanOverBatch:
                if dataset != nil { pass.append(.accumulate(row: 0)) }
                closing += params.map(Step.update)
            }
        }
        if dataset != nil { closing.append(.epoch(1)) }
        // Without a dataset, a batch is the single pass: its updates use its own gradient.
        if dataset == nil, training?.batch == .meanOverBatch {
            pass += closing
            closing = []
        }
        passSteps = pass
        closingSteps = closing
        // The step count is epochs × (rows × pass + closing): checked, never wrapped.
        let rows = dataset?.count ?? 1
        let epochs = dataset == nil ? 1 : (training?.epochs ?? 1)
        let (inPasses, o1) = rows.multipliedReportingOverflow(by: pass.count)
        let (perEpoch, o2) = inPasses.addingReportingOverflow(closing.count)
        let (_, o3) = epochs.multipliedReportingOverflow(by: perEpoch)
        guard !o1, !o2, !o3 else { throw .tooManySteps }

        var computed = [Int](repeating: Int.max, count: graph.count)
        var arrived = [Int](repeating: Int.max, count: graph.count)
        var complete = [Int](repeating: Int.max, count: graph.count)
        var sent = [Int](repeating: Int.max, count: graph.count)
        let seedDone = (pass.firstIndex { $0.phase == .seed } ?? 0) + 1
        for node in 0..<graph.count {
            computed[node] = graph.ops[node] == nil ? (dataset == nil ? 0 : 1) : Int.max
            // Off the output's cone the gradient is 0, final from the seed on.
            if !tape.contains(NodeID(node)) {
                arrived[node] = seedDone
                complete[node] = seedDone
            }
        }
        // A gradient is complete with its last contribution: steps come in reverse
        // topological order, so the last `+=` into a node is the last flow that names it.
        func arrives(_ node: Int, after taken: Int) {
            arrived[node] = min(arrived[node], taken)
            complete[node] = complete[node] == Int.max ? taken : max(complete[node], taken)
        }
        for (offset, step) in pass.enumerated() {
            switch step {
            case .forward(let id): computed[id.index] = offset + 1
            case .seed(let id): arrives(id.index, after: offset + 1)
            case .backward(let id):
                sent[id.index] = offset + 1
                for input in graph.inputs(of: id) { arrives(input.index, after: offset + 1) }
            case .backwardEdge(let id, let position):
                // Sending from its first edge on (`hasFlowed` counts the edges from there).
                sent[id.index] = min(sent[id.index], offset + 1)
                arrives(graph.input(of: id, at: position).index, after: offset + 1)
                for literal in Self.literalsSentWith(graph, from: id, position: position) {
                    arrives(graph.input(of: id, at: literal).index, after: offset + 1)
                }
            default: break
            }
        }
        computedAfter = computed
        arrivedAfter = arrived
        completeAfter = complete
        sentAfter = sent
    }

    /// Literal constants (anonymous, like the 2 in `2 * x`) get no backward step of their
    /// own: nothing is learnt from their gradient, and they would crowd the pass.
    static func isLiteral(_ graph: Graph, _ id: NodeID) -> Bool {
        graph.ops[id.index] == nil && graph.kind(of: id) == .const && graph.name(of: id) == nil
    }

    /// Whether the backward pass, edge by edge, takes a step along the edge from op `id` to
    /// its input at `position`: not into a literal constant (the 1 of `1 − ŷ`), for the
    /// same reason, nor would the step have a number to show; unless every input of the
    /// op is one (its edges then have no other steps to go with, `literalsSentWith`).
    static func stepsAlong(_ graph: Graph, from id: NodeID, position: Int) -> Bool {
        !isLiteral(graph, graph.input(of: id, at: position)) || graph.inputs(of: id).allSatisfy { isLiteral(graph, $0) }
    }

    /// The positions of op `id`'s edges into literals without a step of their own that the
    /// step along its edge at `position` sends the gradient along too, so that every literal
    /// ends with the gradient one `backward()` gives it: those after it up to the next
    /// edge with a step, and, from its first such edge, those before it.
    static func literalsSentWith(_ graph: Graph, from id: NodeID, position: Int) -> [Int] {
        let positions = 0..<graph.inputCount(of: id)
        let stepped = positions.filter { stepsAlong(graph, from: id, position: $0) }
        guard let index = stepped.firstIndex(of: position) else { return [] }
        let from = index == 0 ? 0 : position + 1
        let to = index + 1 < stepped.count ? stepped[index + 1] : positions.upperBound
        return (from..<to).filter { $0 != position && !stepsAlong(graph, from: id, position: $0) }
    }

    /// Rows per epoch (1 without a dataset).
    public var rowsPerEpoch: Int { dataset?.count ?? 1 }
    /// Epochs in the plan (1 without a dataset).
    public var epochs: Int { dataset == nil ? 1 : (training?.epochs ?? 1) }
    public var stepsPerPass: Int { passSteps.count }
    public var stepsPerEpoch: Int { rowsPerEpoch * passSteps.count + closingSteps.count }
    /// The number of steps in the whole plan.
    public var count: Int { epochs * stepsPerEpoch }

    /// Where step `index` falls: its epoch (from 1), its row (`nil` for the closing steps
    /// of an epoch) and its offset in the pass or in the closing steps.
    public func location(of index: Int) -> (epoch: Int, row: Int?, offset: Int) {
        let epoch = index / stepsPerEpoch
        let inEpoch = index % stepsPerEpoch
        let passes = rowsPerEpoch * passSteps.count
        if inEpoch < passes {
            return (epoch + 1, inEpoch / passSteps.count, inEpoch % passSteps.count)
        }
        return (epoch + 1, nil, inEpoch - passes)
    }

    /// The step at `index` (0 ..< count).
    public func step(at index: Int) -> Step {
        precondition(index >= 0 && index < count, "step \(index) is outside the plan")
        let (epoch, row, offset) = location(of: index)
        if let row {
            switch passSteps[offset] {
            case .sample: return .sample(row)
            case .accumulate: return .accumulate(row: row)
            case let step: return step
            }
        }
        if case .epoch = closingSteps[offset] { return .epoch(epoch) }
        return closingSteps[offset]
    }

    /// The steps of one pass, for row `row`.
    public func pass(row: Int = 0) -> [Step] {
        passSteps.map { step in
            switch step {
            case .sample: .sample(row)
            case .accumulate: .accumulate(row: row)
            default: step
            }
        }
    }

    /// The index of `step` in the pass over `row` of `epoch` (or among the closing steps of
    /// `epoch`), so lessons can anchor narration: "before forward q" is the cursor at this
    /// index, "after backward q" (also "at" it) one past it. `nil` if the plan has no such step.
    public func index(of step: Step, epoch: Int = 1, row: Int = 0) -> Int? {
        cursor(epoch: epoch, row: row, inPass: pass(row: row).firstIndex(of: step),
               inClosing: closingSteps.map { $0.phase == .epoch ? Step.epoch(epoch) : $0 }.firstIndex(of: step))
    }

    /// The first cursor position of `phase` in the pass over `row` of `epoch` (the phase
    /// boundary "before backward"), `nil` if the pass has no such phase.
    public func start(of phase: Phase, epoch: Int = 1, row: Int = 0) -> Int? {
        cursor(epoch: epoch, row: row, inPass: passSteps.firstIndex { $0.phase == phase },
               inClosing: closingSteps.firstIndex { $0.phase == phase })
    }

    /// The inverse of `location(of:)`: the index of offset `inPass` in the pass over `row` of
    /// `epoch`, else of offset `inClosing` among that epoch's closing steps; `nil` for an
    /// epoch or row outside the plan, or when neither offset is given.
    private func cursor(epoch: Int, row: Int, inPass: Int?, inClosing: @autoclosure () -> Int?) -> Int? {
        guard epoch >= 1, epoch <= epochs, row >= 0, row < rowsPerEpoch else { return nil }
        let epochStart = (epoch - 1) * stepsPerEpoch
        if let offset = inPass { return epochStart + row * passSteps.count + offset }
        if let offset = inClosing() { return epochStart + rowsPerEpoch * passSteps.count + offset }
        return nil
    }
}
