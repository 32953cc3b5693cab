import Testing
@testable import Autograd

/// Property tests on seeded random graphs: stepping back is exact, the state after N steps
/// does not depend on the path to N, and stepping agrees bit for bit with the fast path.
@Suite struct RewindTests {
    static func stepper(seed: UInt64) throws -> (Stepper, Graph, Dataset, TrainingSettings) {
        let g = RandomGraphs.make(seed: seed, ops: 8 + Int(seed % 20), from: RandomGraphs.everyOp)
        var random = SplitMix64(seed: seed ^ 0xABCD)
        let rows = (0..<3).map { _ in [random.uniform(-2, 2), random.uniform(-2, 2)] }
        let data = try Dataset(inputs: ["i0", "i1"], targets: [], rows: rows, for: g)
        let settings = TrainingSettings(learningRate: 0.05, epochs: 2,
                                        batch: seed % 2 == 0 ? .perSample : .meanOverBatch)
        let s = try Stepper(graph: g, granularity: seed % 3 == 0 ? .edge : .node, dataset: data, training: settings)
        return (s, g, data, settings)
    }

    @Test(arguments: UInt64(1)...24)
    func rewindIsExactAndPathIndependent(seed: UInt64) throws {
        var (s, g, data, settings) = try Self.stepper(seed: seed)
        var states = [RandomGraphs.bits(s)]
        var records = [String(describing: s.lastRecord)]
        while let record = s.step() {
            states.append(RandomGraphs.bits(s))
            records.append(String(describing: Optional(record)))
        }
        #expect(states.count == s.count + 1)

        // The end agrees with the fast path.
        var fast = g
        for node in 0..<fast.count { fast.grads[node] = 0 }
        try fast.train(on: data, settings: settings)
        #expect(RandomGraphs.numbers(s.graph, on: s.plan.tape) == RandomGraphs.numbers(fast, on: s.plan.tape))

        // Back one step at a time, through every state.
        for n in stride(from: s.count, through: 1, by: -1) {
            #expect(s.position == n && RandomGraphs.bits(s) == states[n])
            s.back()
        }
        #expect(RandomGraphs.bits(s) == states[0] && s.lastRecord == nil)

        // A random walk of every kind of move lands on the recorded state and record.
        var random = SplitMix64(seed: seed &* 7919)
        for _ in 0..<60 {
            switch random.next() % 7 {
            case 0: s.step()
            case 1: s.back()
            case 2: s.go(to: Int(random.next() % UInt64(s.count + 1)))
            case 3: s.toPhaseEnd()
            case 4: s.toPhaseStart()
            case 5: s.go(to: s.position + Int(random.next() % 40))
            default: s.go(to: s.position - Int(random.next() % 40))
            }
            #expect(RandomGraphs.bits(s) == states[s.position])
            #expect(String(describing: s.lastRecord) == records[s.position])
        }
    }

    /// A training many checkpoints long: stepping back across a checkpoint (which restores
    /// the one before and replays from it) and jumping anywhere land on exactly the states
    /// and records stepping forward gave; the history does not grow with the training.
    @Test(arguments: [UInt64(3), 8])
    func rewindAcrossCheckpointsIsExact(seed: UInt64) throws {
        func long(_ epochs: Int) throws -> Stepper {
            let (short, g, data, _) = try Self.stepper(seed: seed)
            let settings = TrainingSettings(learningRate: 0.01, epochs: epochs, batch: short.plan.training?.batch ?? .perSample)
            return try Stepper(graph: g, granularity: short.plan.granularity, dataset: data, training: settings)
        }
        var s = try long(160)
        let spacing = s.checkpointSpacing
        var states = [RandomGraphs.bits(s)]
        var records = [String(describing: s.lastRecord)]
        while let record = s.step() {
            states.append(RandomGraphs.bits(s))
            records.append(String(describing: Optional(record)))
        }
        #expect(s.count > 3 * spacing)
        // Back one step at a time across the last two checkpoints.
        for n in stride(from: s.count, through: s.count - 2 * spacing - 10, by: -1) {
            #expect(s.position == n && RandomGraphs.bits(s) == states[n], "at \(n)")
            #expect(String(describing: s.lastRecord) == records[n], "at \(n)")
            s.back()
        }
        // Jumps anywhere, far back included, and steps either way from where they land.
        var random = SplitMix64(seed: seed &* 31)
        for _ in 0..<40 {
            s.go(to: Int(random.next() % UInt64(s.count + 1)))
            if random.next() % 2 == 0 { s.back() } else { s.step() }
            #expect(RandomGraphs.bits(s) == states[s.position], "at \(s.position)")
            #expect(String(describing: s.lastRecord) == records[s.position], "at \(s.position)")
        }
        // A training sixteen times as long keeps one segment's notes and a copy of a few
        // dozen numbers per checkpoint: under an eighth of the 16 bytes a step that a
        // history noting every step would hold at the least.
        var longer = try long(2_560)
        longer.toEnd()
        #expect(longer.historyBytes * 8 < longer.count * 16)
    }

    /// Without a dataset: one forward and backward pass, equal to `forward()` (every node,
    /// as the stepper's forward pass) then `backward(_:)`, in both granularities.
    @Test(arguments: UInt64(100)...130)
    func onePassAgreesWithTheFastPath(seed: UInt64) throws {
        let g = RandomGraphs.make(seed: seed, ops: 5 + Int(seed % 40), from: RandomGraphs.everyOp)
        var fast = g
        let tape = try #require(fast.tape())
        fast.forward()
        fast.backward(tape)
        for granularity in BackwardGranularity.allCases {
            var s = try Stepper(graph: g, granularity: granularity)
            s.toEnd()
            #expect(RandomGraphs.numbers(s.graph) == RandomGraphs.numbers(fast))
            s.toStart()
            var start = g
            for node in 0..<start.count { start.grads[node] = 0 }
            #expect(RandomGraphs.bits(s.graph) == RandomGraphs.bits(start))
        }
    }
}
