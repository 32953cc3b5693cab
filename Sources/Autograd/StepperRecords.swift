/// The records: what a step does, read from the state just before it. Kept apart from the
/// moves so that applying a step never depends on how it is explained.
extension Stepper {
    /// The record `step` would produce if taken from the current state.
    func record(for step: Step) -> StepRecord {
        switch step {
        case .sample(let row): .sample(sampleRecord(row))
        case .forward(let id): .forward(forwardRecord(id))
        case .seed(let id):
            .seed(SeedRecord(output: id,
                             cleared: graph.grads.lazy.filter { $0.bitPattern != 0 }.count))
        case .backward(let id):
            .backward(backwardRecord(id, positions: 0..<graph.inputCount(of: id)))
        case .backwardEdge(let id, let position): .backward(backwardRecord(id, positions: position..<(position + 1)))
        case .accumulate(let row): .accumulate(accumulateRecord(row))
        case .update(let id): .update(updateRecord(id))
        case .epoch(let n):
            .epoch(EpochRecord(epoch: n, meanLoss: plan.dataset.map { graph.meanLoss(over: $0, tape: plan.tape) } ?? .nan,
                               rows: plan.rowsPerEpoch))
        }
    }

    private func sampleRecord(_ row: Int) -> SampleRecord {
        guard let dataset = plan.dataset else { return SampleRecord(row: row, assignments: []) }
        let assignments = dataset.columns.enumerated().map { column, id in
            SampleRecord.Assignment(id: id, before: graph.value(of: id),
                                    after: dataset.rows[row][column], isTarget: column >= dataset.inputs.count)
        }
        return SampleRecord(row: row, assignments: assignments)
    }

    private func forwardRecord(_ id: NodeID) -> ForwardRecord {
        ForwardRecord(node: id, op: graph.op(of: id) ?? .add,
                      inputs: graph.inputs(of: id).map { operand($0) }, result: graph.evaluate(id),
                      previous: graph.value(of: id))
    }

    private func operand(_ id: NodeID) -> Operand {
        Operand(id: id, value: graph.value(of: id))
    }

    /// The ledger of `id` and the flows out of it along `positions`.
    private func backwardRecord(_ id: NodeID, positions: Range<Int>) -> BackwardRecord {
        // Replay the additions into this node's gradient in the order the backward pass made
        // them (from 0 after the seed), so each running sum is the exact number it was.
        // A second backward() starts a leaf from what the first left (the mistakes lab).
        let carried = mistake == .backwardTwice && graph.kind(of: id).isLeaf
            ? firstBackward().grad(of: id) : 0
        var running = carried
        var ledger: [GradientFlow] = []
        var locals: [Int: [Double]] = [:]  // per consumer, computed once (a max may use x 100,000 times)
        let uses = useStart[id.index]..<useStart[id.index + 1]
        for use in uses {
            let consumer = useConsumers[use], position = Int(usePositions[use])
            if locals[consumer] == nil { locals[consumer] = graph.localGradients(of: NodeID(consumer)) }
            let flow = self.flow(from: NodeID(consumer), position: position, into: running,
                                 local: locals[consumer]?[position] ?? 0, contribution: use - uses.lowerBound)
            running = flow.after
            ledger.append(flow)
        }
        // Shown in reading order: by consumer, then by position.
        ledger.sort { ($0.from, $0.position) < ($1.from, $1.position) }

        var flows: [GradientFlow] = []
        if graph.ops[id.index] != nil {
            // Within one step an input used twice (x * x) sees its first addition.
            var pending: [NodeID: Double] = [:]
            let locals = positions.count > 1 ? graph.localGradients(of: id) : []
            for position in positions {
                let input = graph.input(of: id, at: position)
                let local = locals.isEmpty ? graph.localGradient(of: id, inputAt: position) : locals[position]
                let flow = self.flow(from: id, position: position, into: pending[input] ?? graph.grad(of: input), local: local,
                                     contribution: contribution(into: input, from: id, position: position))
                pending[input] = flow.after
                flows.append(flow)
            }
        }
        var record = BackwardRecord(node: id, op: graph.op(of: id),
                                    isOutput: id == plan.tape.output, ledger: ledger, grad: graph.grad(of: id), flows: flows)
        record.carried = carried
        return record
    }

    private func flow(from consumer: NodeID, position: Int, into before: Double, local: Double,
                      contribution: Int) -> GradientFlow {
        let input = graph.input(of: consumer, at: position)
        let upstream = graph.grad(of: consumer)
        let product = upstream * local
        var flow = GradientFlow(from: consumer, to: input, position: position, upstream: upstream,
                                local: local, product: product, before: before,
                                after: mistake == .assign ? product : before + product, contribution: contribution)
        flow.replaced = mistake == .assign
        return flow
    }

    /// Which of `input`'s contributions the edge from `consumer` at `position` is: its uses
    /// are in backward order (consumers latest first, positions in order), so a binary
    /// search finds it.
    private func contribution(into input: NodeID, from consumer: NodeID, position: Int) -> Int {
        var low = useStart[input.index], high = useStart[input.index + 1]
        let start = low
        while low < high {
            let mid = (low + high) / 2
            let (c, p) = (useConsumers[mid], Int(usePositions[mid]))
            if c > consumer.index || (c == consumer.index && p < position) { low = mid + 1 } else { high = mid }
        }
        return low - start
    }

    private func accumulateRecord(_ row: Int) -> AccumulateRecord {
        let entries = plan.params.enumerated().map { slot, param in
            AccumulateRecord.Entry(param: param, before: batchSums[slot],
                                   gradient: graph.grad(of: param), after: batchSums[slot] + graph.grad(of: param))
        }
        return AccumulateRecord(row: row, entries: entries)
    }

    private func updateRecord(_ param: NodeID) -> UpdateRecord {
        let eta = plan.training?.learningRate ?? 0
        let gradient = updateGradient(of: param)
        let before = graph.value(of: param)
        let slot = paramSlots[param]
        var perceptron: PerceptronUpdate? = nil
        if case .perceptron(let layout) = plan.training?.rule {
            perceptron = perceptronUpdate(param, layout)
        }
        return UpdateRecord(param: param, before: before, gradient: gradient,
                            learningRate: eta, weightDecay: plan.training?.weightDecay ?? 0,
                            after: plan.training?.updated(before, gradient: gradient) ?? before,
                            batchSum: usesBatchMean ? slot.map { batchSums[$0] } : nil,
                            batchCount: usesBatchMean ? plan.rowsPerEpoch : nil, perceptron: perceptron)
    }

    private func perceptronUpdate(_ param: NodeID, _ layout: PerceptronLayout) -> PerceptronUpdate? {
        guard let (c, feature) = layout.locate(param) else { return nil }
        let predicted = layout.predictedClass(in: graph)
        let target = layout.targetClass(in: graph)
        let epsilon = (c == predicted ? 1 : 0) - graph.value(of: layout.targets[c])
        let change: PerceptronUpdate.Change = epsilon < 0 ? .towardTarget : (epsilon > 0 ? .awayFromPrediction : .unchanged)
        return PerceptronUpdate(
            classIndex: c, className: layout.classNames[c],
            feature: feature.map { layout.features[$0] },
            featureValue: feature.map { graph.value(of: layout.features[$0]) } ?? 1,
            predicted: predicted, predictedName: layout.classNames[predicted],
            target: target, targetName: layout.classNames[target], epsilon: epsilon, change: change)
    }
}
