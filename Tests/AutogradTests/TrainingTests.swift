import Testing
@testable import Autograd

/// Training: XOR by SGD (stepped and fast path agree bit for bit), mean-over-batch, and
/// deterministic initialisation.
@Suite struct TrainingTests {
    /// A 2-2-1 sigmoid network with squared error: h_i = σ(w_i1·x1 + w_i2·x2 + b_i),
    /// o = σ(v1·h1 + v2·h2 + c), L = (o − y)².
    static func xorNetwork(seed: UInt64) throws -> (Graph, Dataset, output: NodeID) {
        var g = Graph()
        let x1 = g.addLeaf(.input, name: "x1", value: 0)
        let x2 = g.addLeaf(.input, name: "x2", value: 0)
        let y = g.addLeaf(.input, name: "y", value: 0)
        var hidden: [NodeID] = []
        for i in 1...2 {
            let w1 = g.addLeaf(.param, name: "w\(i)1", value: 0)
            let w2 = g.addLeaf(.param, name: "w\(i)2", value: 0)
            let b = g.addLeaf(.param, name: "b\(i)", value: 0)
            let xi = g.addOp(.add, [g.addOp(.add, [g.addOp(.mul, [w1, x1]), g.addOp(.mul, [w2, x2])]), b],
                             name: "ξ\(i)")
            hidden.append(g.addOp(.sigmoid, [xi], name: "h\(i)"))
        }
        let v1 = g.addLeaf(.param, name: "v1", value: 0)
        let v2 = g.addLeaf(.param, name: "v2", value: 0)
        let c = g.addLeaf(.param, name: "c", value: 0)
        let xo = g.addOp(.add, [g.addOp(.add, [g.addOp(.mul, [v1, hidden[0]]), g.addOp(.mul, [v2, hidden[1]])]), c],
                         name: "ξo")
        let o = g.addOp(.sigmoid, [xo], name: "o")
        let diff = g.addOp(.sub, [o, y], name: "e")
        g.addOp(.mul, [diff, diff], name: "L")
        g.initialiseParameters(seed: seed, scale: 1)
        let data = try Dataset(inputs: ["x1", "x2"], targets: ["y"],
                               rows: [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], for: g)
        return (g, data, o)
    }

    /// Weight decay α: each update is w ← w − η·(∂L/∂w + α·w), in the fast path, the
    /// Stepper and its update records alike (bit for bit), for both batch modes; with a
    /// zero gradient it is the slide's (1 − ηα)·w.
    @Test(arguments: [BatchMode.perSample, .meanOverBatch])
    func weightDecayShrinksEveryParam(batch: BatchMode) throws {
        let (start, data, _) = try Self.xorNetwork(seed: 3)
        let settings = TrainingSettings(learningRate: 0.5, epochs: 4, batch: batch, weightDecay: 0.1)
        var fast = start
        let losses = try fast.train(on: data, settings: settings)
        var plain = start
        _ = try plain.train(on: data, settings: TrainingSettings(learningRate: 0.5, epochs: 4, batch: batch))
        #expect(RandomGraphs.bits(fast) != RandomGraphs.bits(plain))

        var stepper = try Stepper(graph: start, dataset: data, training: settings)
        var epochLosses: [Double] = []
        var updates = 0
        while let record = stepper.step() {
            if case .epoch(let epoch) = record { epochLosses.append(epoch.meanLoss) }
            if case .update(let update) = record {
                updates += 1
                #expect(update.weightDecay == 0.1)
                #expect(update.after == update.before - 0.5 * (update.gradient + 0.1 * update.before))
            }
        }
        #expect(updates > 0)
        #expect(epochLosses == losses)
        #expect(RandomGraphs.bits(stepper.graph) == RandomGraphs.bits(fast))

        // A zero gradient leaves only the decay: (1 − ηα)·w.
        let decay = TrainingSettings(learningRate: 0.5, weightDecay: 0.1)
        #expect(decay.updated(2, gradient: 0) == 2 * (1 - 0.5 * 0.1))
        #expect(TrainingSettings(learningRate: 0.5).updated(2, gradient: 0.4) == 1.8)
        #expect(throws: TrainingError.badWeightDecay(-1)) {
            try TrainingSettings(learningRate: 1, weightDecay: -1).validate(for: start)
        }
    }

    /// Without zero_grad (seed 000's "very very very common mistake") the batch sums carry
    /// over: the second update uses the first epoch's gradients as well. The fast path and
    /// the Stepper agree bit for bit; per-sample training refuses the setting.
    @Test func gradientsThatAreNotZeroedCarryOver() throws {
        let (start, data, _) = try Self.xorNetwork(seed: 3)
        let settings = TrainingSettings(learningRate: 0.5, epochs: 3, batch: .meanOverBatch, zeroGrad: false)
        var fast = start
        let losses = try fast.train(on: data, settings: settings)
        var zeroed = start
        let zeroedLosses = try zeroed.train(on: data, settings: TrainingSettings(learningRate: 0.5, epochs: 3, batch: .meanOverBatch))
        #expect(losses[0] == zeroedLosses[0])  // the first update is the same
        #expect(losses[1] != zeroedLosses[1])

        var stepper = try Stepper(graph: start, dataset: data, training: settings)
        var epochLosses: [Double] = []
        var sums: [Double] = []
        while let record = stepper.step() {
            if case .epoch(let epoch) = record { epochLosses.append(epoch.meanLoss) }
            // The first accumulate of epoch 2 starts from epoch 1's sum, not from 0.
            if case .accumulate(let accumulate) = record, accumulate.row == 0 { sums.append(accumulate.entries[0].before) }
        }
        #expect(epochLosses == losses)
        #expect(RandomGraphs.bits(stepper.graph) == RandomGraphs.bits(fast))
        #expect(sums.count == 3 && sums[0] == 0 && sums[1] != 0)
        #expect(throws: TrainingError.gradientsNotZeroed) {
            try TrainingSettings(learningRate: 1, zeroGrad: false).validate(for: start)
        }
    }

    /// Seed 10 and η = 2 reach a mean loss below 0.05 in about 150 epochs (found by trying
    /// seeds 1–12; some seeds stall in the well-known XOR plateau, which is why it is fixed).
    @Test func xorLearnsBySGDAndSteppingAgreesWithTheFastPath() throws {
        let (start, data, o) = try Self.xorNetwork(seed: 10)
        let settings = TrainingSettings(learningRate: 2, epochs: 300)

        var fast = start
        let losses = try fast.train(on: data, settings: settings)
        #expect(losses.count == 300)
        #expect(losses[0] > 0.2)
        #expect(try #require(losses.last) < 0.05)
        for row in data.rows {
            let prediction = fast.predict(o, row: row, columns: data.columns)
            #expect((prediction > 0.5) == (row[2] == 1), "XOR(\(row[0]), \(row[1])) predicted \(prediction)")
        }

        var stepper = try Stepper(graph: start, dataset: data, training: settings)
        var epochLosses: [Double] = []
        while let record = stepper.step() {
            if case .epoch(let epoch) = record { epochLosses.append(epoch.meanLoss) }
        }
        #expect(epochLosses == losses)
        #expect(RandomGraphs.bits(stepper.graph) == RandomGraphs.bits(fast))
    }

    @Test func meanOverBatchAgreesWithTheFastPath() throws {
        let (start, data, _) = try Self.xorNetwork(seed: 3)
        let settings = TrainingSettings(learningRate: 1.5, epochs: 20, batch: .meanOverBatch)
        var fast = start
        let losses = try fast.train(on: data, settings: settings)
        #expect(try #require(losses.last) < (try #require(losses.first)))
        var stepper = try Stepper(graph: start, dataset: data, training: settings)
        stepper.toEnd()
        #expect(RandomGraphs.bits(stepper.graph) == RandomGraphs.bits(fast))
        #expect(stepper.batchSums.allSatisfy { $0 == 0 })

        // One batch update by hand: the mean of the four samples' gradients.
        var one = start
        var sums = [Double](repeating: 0, count: one.count)
        for row in data.rows {
            for (column, id) in data.columns.enumerated() { one.values[id.index] = row[column] }
            one.run()
            for node in 0..<one.count { sums[node] += one.grads[node] }
        }
        var s = try Stepper(graph: start, dataset: data, training: settings)
        let w11 = try #require(start.id(named: "w11"))
        let at = try #require(s.plan.index(of: .update(w11)))
        s.go(to: at + 1)
        guard case .update(let update) = s.lastRecord else { Issue.record("update expected"); return }
        #expect(update.batchSum == sums[w11.index] && update.batchCount == 4)
        #expect(update.gradient == sums[w11.index] / 4)
        #expect(update.after == start.value(of: w11) - 1.5 * (sums[w11.index] / 4))
        #expect(s.graph.value(of: w11) == update.after)
    }

    @Test func sgdUpdateRecordAndSteps() throws {
        let (start, data, _) = try Self.xorNetwork(seed: 10)
        var s = try Stepper(graph: start, dataset: data, training: TrainingSettings(learningRate: 2, epochs: 2))
        let pass = s.plan.pass(row: 1)
        #expect(pass.first == .sample(1))
        #expect(pass.filter { $0.phase == .update }.count == 9)
        #expect(s.plan.count == 2 * (4 * pass.count + 1))
        #expect(s.plan.step(at: s.plan.count - 1) == .epoch(2))
        guard case .sample(let sample) = s.step() else { Issue.record("sample expected"); return }
        #expect(sample.assignments.map { start.name(of: $0.id) } == ["x1", "x2", "y"])
        #expect(sample.assignments.map(\.after) == [0, 0, 0] && sample.assignments.map(\.isTarget) == [false, false, true])
        let v1 = try #require(start.id(named: "v1"))
        s.go(to: try #require(s.plan.index(of: .update(v1))))
        let gradient = s.graph.grad(of: v1)
        guard case .update(let update) = s.step() else { Issue.record("update expected"); return }
        #expect(update.param == v1 && update.before == start.value(of: v1) && update.gradient == gradient)
        #expect(update.learningRate == 2 && update.after == start.value(of: v1) - 2 * gradient)
        #expect(update.batchSum == nil && update.perceptron == nil)
    }

    @Test func initialisationIsDeterministic() throws {
        let (a, _, _) = try Self.xorNetwork(seed: 42)
        let (b, _, _) = try Self.xorNetwork(seed: 42)
        let (c, _, _) = try Self.xorNetwork(seed: 43)
        #expect(a.values == b.values && a.values != c.values)
        var generator = SplitMix64(seed: 0)
        // The published SplitMix64 sequence for seed 0.
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        let params = a.ids.filter { a.kind(of: $0) == .param }.map { a.value(of: $0) }
        #expect(params.count == 9 && params.allSatisfy { $0 >= -1 && $0 < 1 })
    }

    @Test func badSettingsAreReported() throws {
        let (g, data, _) = try Self.xorNetwork(seed: 1)
        #expect(throws: TrainingError.badEpochs(0)) {
            try Stepper(graph: g, dataset: data, training: TrainingSettings(learningRate: 1, epochs: 0))
        }
        // Int.max epochs trapped on an array index and 1e12 asked for 8 TB: both refused.
        for epochs in [Int.max, 1_000_000_000_000, TrainingSettings.maxEpochs + 1] {
            var copy = g
            #expect(throws: TrainingError.badEpochs(epochs)) {
                try copy.train(on: data, settings: TrainingSettings(learningRate: 1, epochs: epochs))
            }
            #expect(throws: TrainingError.badEpochs(epochs)) {
                try Stepper(graph: g, dataset: data, training: TrainingSettings(learningRate: 1, epochs: epochs))
            }
        }
        #expect(throws: TrainingError.rowWidth(row: 1, expected: 3, found: 2)) {
            try Dataset(inputs: ["x1", "x2"], targets: ["y"], rows: [[0, 0, 0], [0, 1]], for: g)
        }
        #expect(throws: TrainingError.notAnInput("w11")) {
            try Dataset(inputs: ["w11"], targets: [], rows: [[0]], for: g)
        }
        #expect(throws: TrainingError.unknownName("z")) {
            try Dataset(inputs: ["z"], targets: [], rows: [[0]], for: g)
        }
        #expect(throws: TrainingError.noOutput) { try Stepper(graph: Graph()) }
        #expect(TrainingError.rowWidth(row: 1, expected: 3, found: 2).description == "data row 2 has 2 values; expected 3")
    }
}
