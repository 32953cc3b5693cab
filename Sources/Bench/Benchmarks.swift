import Autograd
import Screen

/// The workloads of `backprop bench`, each timed as the median of several runs after a
/// warm-up. Sizes are settings so that tests can run the same code small and fast.
public struct Benchmarks: Sendable {
    /// Timed runs per figure (after one warm-up).
    public var runs: Int
    /// Nodes in the chain workload.
    public var chainLength: Int
    /// Steps drawn per part of the xor lesson (its training part has hundreds of thousands).
    public var frameSteps: Int
    /// Nodes of the large chain and inputs of the large max.
    public var largeLayoutSize: Int

    public init(runs: Int = 7, chainLength: Int = 1_000_000, frameSteps: Int = 500, largeLayoutSize: Int = 20_000) {
        self.runs = runs
        self.chainLength = chainLength
        self.frameSteps = frameSteps
        self.largeLayoutSize = largeLayoutSize
    }

    /// The workloads, to measure one alone (e.g. under a profiler).
    public enum Workload: String, CaseIterable, Sendable {
        case mlp, chain, frame, layout
        /// The 20,000-node chain and the 20,000-input max (in the table, not the JSON).
        case largeLayout = "large-layout"
    }

    /// The figures of `workloads` (all by default); the others are NaN.
    public func measure(_ workloads: Set<Workload> = Set(Workload.allCases)) throws -> BenchFigures {
        let mlp = workloads.contains(.mlp) ? mlpEpoch() : (seconds: .nan, nodes: 0)
        let frames = workloads.contains(.frame) ? try frames() : FrameWorkload.Samples()
        var figures = BenchFigures(
            mlpEpochSeconds: mlp.seconds, mlpNodes: mlp.nodes,
            chainSeconds: workloads.contains(.chain) ? chain() : .nan,
            frameMillisecondsP50: Timing.quantile(0.5, of: frames.wall) * 1000,
            frameMillisecondsP99: Timing.quantile(0.99, of: frames.wall) * 1000,
            layoutMilliseconds: workloads.contains(.layout) ? try layout() * 1000 : .nan)
        figures.frameCPUMillisecondsP99 = Timing.quantile(0.99, of: frames.cpu) * 1000
        if workloads.contains(.largeLayout) {
            figures.largeChainLayoutSeconds = try layoutSeconds(.chain(nodes: largeLayoutSize))
            figures.largeFanInLayoutSeconds = try layoutSeconds(.fanIn(inputs: largeLayoutSize))
        }
        return figures
    }

    /// Seconds per epoch of micrograd's demo MLP, and its node count. The graph and tape are
    /// built once, as training does; epochs continue the learning-rate schedule.
    public func mlpEpoch() -> (seconds: Double, nodes: Int) {
        var mlp = MoonsMLP(weights: MoonsMLP.seededWeights())
        var k = 0
        let samples = Timing.seconds(runs: runs) {
            mlp.epoch(k % 100)
            k += 1
        }
        return (Timing.median(samples), mlp.graph.count)
    }

    /// Seconds to take the tape of, run forward and run backward over a chain of
    /// `chainLength` nodes (built once, untimed).
    public func chain() -> Double {
        var graph = Chain.build(length: chainLength)
        return Timing.median(Timing.seconds(runs: runs) { graph.run() })
    }

    /// Seconds to lay out and draw the seeded random 1,000-node DAG at 200×60.
    public func layout() throws -> Double {
        try layoutSeconds(LayoutWorkload())
    }

    /// Seconds to lay out and draw `workload` (the median of `runs`).
    public func layoutSeconds(_ workload: LayoutWorkload) throws -> Double {
        var failure: (any Error)?
        let samples = Timing.seconds(runs: runs) {
            do { _ = try workload.run() } catch { failure = error }
        }
        if let failure { throw failure }
        return Timing.median(samples)
    }

    /// Seconds per frame over every step of the xor lesson, `runs` times after a warm-up
    /// pass (all frames pooled, for the percentiles).
    public func frames() throws -> FrameWorkload.Samples {
        let workload = try FrameWorkload.xor(stepsPerPart: frameSteps)
        _ = try workload.frameSeconds()
        var pooled = FrameWorkload.Samples()
        for _ in 0..<runs {
            let run = try workload.frameSeconds()
            pooled.wall += run.wall
            pooled.cpu += run.cpu
        }
        return pooled
    }
}
