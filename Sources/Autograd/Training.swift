/// The fast path for training: whole epochs over flat arrays with no recording, using the
/// same passes and the same update arithmetic as the Stepper, so the numbers agree bit for
/// bit with stepping through the same epochs.
extension Graph {
    /// Trains in place for `settings.epochs` epochs and returns the mean loss over the
    /// dataset after each epoch (what the Stepper's `epoch(n)` records show).
    @discardableResult
    public mutating func train(on dataset: Dataset, settings: TrainingSettings) throws(TrainingError) -> [Double] {
        guard let tape = tape() else { throw .noOutput }
        try settings.validate(for: self)
        let params = tape.order.filter { kinds[$0] == .param }
        let columns = dataset.columns
        var batchSums = [Double](repeating: 0, count: params.count)
        var losses: [Double] = []
        losses.reserveCapacity(settings.epochs)
        for _ in 0..<settings.epochs {
            for row in dataset.rows {
                load(row, into: columns)
                forward(tape)
                backward(tape)
                switch settings.batch {
                case .perSample:
                    for param in params { values[param] = settings.updated(values[param], gradient: grads[param]) }
                case .meanOverBatch:
                    for (slot, param) in params.enumerated() { batchSums[slot] = batchSums[slot] + grads[param] }
                }
            }
            if settings.batch == .meanOverBatch {
                let rows = Double(dataset.count)
                for (slot, param) in params.enumerated() {
                    values[param] = settings.updated(values[param], gradient: batchSums[slot] / rows)
                    if settings.zeroGrad { batchSums[slot] = 0 }
                }
            }
            losses.append(meanLoss(over: dataset, tape: tape))
        }
        return losses
    }

    /// The mean of the output over every row of `dataset`, at the current parameters,
    /// computed on a copy (the graph's own values are left as they are).
    public func meanLoss(over dataset: Dataset, tape: Tape) -> Double {
        var scratch = self
        var sum = 0.0
        let columns = dataset.columns  // built once, not per row
        for row in dataset.rows {
            scratch.load(row, into: columns)
            scratch.forward(tape)
            sum += scratch.values[tape.output.index]
        }
        return sum / Double(dataset.count)
    }

    /// The value of `node` after loading `row` (one value per dataset column) and running
    /// forward: what the trained graph predicts for that row.
    public func predict(_ node: NodeID, row: [Double], columns: [NodeID]) -> Double {
        var scratch = self
        scratch.load(row, into: columns)
        scratch.forward()
        return scratch.values[node.index]
    }

    /// Sets each of `columns` to its value in `row`, in order (a short row sets the first
    /// ones): a data row into the graph's leaves, without the leaf check of `setValue`.
    mutating func load(_ row: [Double], into columns: [NodeID]) {
        for (value, id) in zip(row, columns) { values[id.index] = value }
    }
}
