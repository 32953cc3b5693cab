import Foundation
import Testing
import Bench
import Screen

@Suite struct BenchFiguresTests {
    /// `backprop bench --json` has exactly the six keys of the contract, from a real
    /// (small) run of every workload.
    @Test func jsonHasExactlyTheSixKeys() throws {
        let figures = try Benchmarks(runs: 1, chainLength: 1_000, frameSteps: 10, largeLayoutSize: 200).measure()
        let object = try JSONSerialization.jsonObject(with: Data(try figures.json().utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == [
            "mlp_epoch_s", "mlp_nodes", "chain_1e6_s", "frame_ms_p50", "frame_ms_p99", "layout_1000_ms",
        ])
        #expect(object?["mlp_nodes"] as? Int == 65_818)
        #expect((object?["mlp_epoch_s"] as? Double ?? 0) > 0)
        #expect((object?["chain_1e6_s"] as? Double ?? 0) > 0)
        #expect((object?["layout_1000_ms"] as? Double ?? 0) > 0)
        #expect((object?["frame_ms_p50"] as? Double ?? 0) > 0)
        #expect((object?["frame_ms_p99"] as? Double ?? 0) >= (object?["frame_ms_p50"] as? Double ?? .infinity))
    }

    /// The layout workload draws a clipped picture of the DAG: boxes and edges in the
    /// 200×60 buffer.
    @Test func layoutWorkloadDraws() throws {
        let buffer = try LayoutWorkload().run()
        #expect(buffer.size == Size(width: 200, height: 60))
        let text = buffer.lines.joined()
        #expect(text.contains(/│n\d+ *│/))
        #expect(text.contains("┌") && text.contains("▶"))
    }

    /// The frame workload draws the Tutor's screen for the xor lesson: its title in the
    /// status line and the graph's inputs, at 100×30.
    @Test func frameWorkloadDrawsTheXorLesson() throws {
        let workload = try FrameWorkload.xor()
        #expect(workload.lesson.parts.count == 2)
        let buffer = try workload.openingFrame(part: 0)
        #expect(buffer.size == Size(width: 100, height: 30))
        let text = buffer.lines.joined(separator: "\n")
        #expect(text.contains("XOR"))
        #expect(text.contains("x1") && text.contains("x2"))
    }

    /// The shapes of one long expression (a chain, a max of many inputs) are laid out and
    /// drawn, small here (`backprop bench` times them at 20,000); the table lists them and
    /// the JSON keeps its six keys.
    @Test func largeLayoutsAreDrawnAndInTheTable() throws {
        #expect(try LayoutWorkload.chain(nodes: 2_000).run().lines.joined().contains("n0"))
        #expect(try LayoutWorkload.fanIn(inputs: 2_000).run().lines.joined().contains("n0"))
        var figures = BenchFigures(mlpEpochSeconds: .nan, mlpNodes: 0, chainSeconds: .nan, frameMillisecondsP50: .nan,
                                   frameMillisecondsP99: .nan, layoutMilliseconds: .nan)
        figures.largeChainLayoutSeconds = 0.145
        figures.largeFanInLayoutSeconds = 0.682
        #expect(figures.table() == """
            layout 20,000-node chain     0.145 s   target < 1 s
            layout max of 20,000 inputs  0.682 s   target < 1 s
            """)
    }

    @Test func quantilesAndMedian() {
        let samples = (1...100).map(Double.init).reversed().map { $0 }
        #expect(Timing.quantile(0.99, of: samples) == 99)
        #expect(Timing.quantile(0.5, of: samples) == 50)
        #expect(Timing.median([3, 1, 2]) == 2)
        #expect(Timing.median([4, 1, 2, 3]) == 2.5)
    }
}
