import Foundation

/// The figures `backprop bench` reports. The JSON keys are a contract (`backprop bench
/// --json`): exactly these six, with the unit in the name.
public struct BenchFigures: Codable, Equatable, Sendable {
    /// Seconds per epoch of micrograd's demo MLP (forward, zero grads, backward, SGD).
    public var mlpEpochSeconds: Double
    /// Nodes in the MLP's graph.
    public var mlpNodes: Int
    /// Seconds for the tape, forward and backward of a 1,000,000-node chain.
    public var chainSeconds: Double
    /// Median and 99th percentile milliseconds to draw one step of the xor lesson.
    public var frameMillisecondsP50: Double
    public var frameMillisecondsP99: Double
    /// Milliseconds to lay out and draw a seeded random 1,000-node DAG at 200×60.
    public var layoutMilliseconds: Double
    /// The 99th percentile of a frame's thread CPU time: the frame's own cost, without the
    /// time other processes took the core. In the table only, not in the JSON.
    public var frameCPUMillisecondsP99: Double = .nan
    /// Seconds to lay out and draw a 20,000-node chain and a max of 20,000 inputs (the
    /// shapes of one long expression). In the table only.
    public var largeChainLayoutSeconds: Double = .nan
    public var largeFanInLayoutSeconds: Double = .nan

    public init(
        mlpEpochSeconds: Double, mlpNodes: Int, chainSeconds: Double,
        frameMillisecondsP50: Double, frameMillisecondsP99: Double, layoutMilliseconds: Double
    ) {
        self.mlpEpochSeconds = mlpEpochSeconds
        self.mlpNodes = mlpNodes
        self.chainSeconds = chainSeconds
        self.frameMillisecondsP50 = frameMillisecondsP50
        self.frameMillisecondsP99 = frameMillisecondsP99
        self.layoutMilliseconds = layoutMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case mlpEpochSeconds = "mlp_epoch_s"
        case mlpNodes = "mlp_nodes"
        case chainSeconds = "chain_1e6_s"
        case frameMillisecondsP50 = "frame_ms_p50"
        case frameMillisecondsP99 = "frame_ms_p99"
        case layoutMilliseconds = "layout_1000_ms"
    }

    /// One JSON object with the six keys, sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// An aligned table for people, with each figure's target; figures not measured
    /// (NaN) are left out.
    public func table() -> String {
        let all: [(String, Double, String, String)] = [
            ("mlp epoch (micrograd demo)", mlpEpochSeconds * 1000, "%.3f ms", "≥ 300× micrograd"),
            ("mlp nodes", mlpEpochSeconds.isNaN ? .nan : Double(mlpNodes), "%.0f", ""),
            ("chain 1e6: forward + backward", chainSeconds, "%.3f s", "< 0.2 s"),
            ("frame p50 (xor, 100×30)", frameMillisecondsP50, "%.3f ms", ""),
            ("frame p99 (xor, 100×30)", frameMillisecondsP99, "%.3f ms", "< 2 ms"),
            ("frame p99, thread CPU time", frameCPUMillisecondsP99, "%.3f ms", ""),
            ("layout 1000 nodes (200×60)", layoutMilliseconds, "%.3f ms", "< 50 ms"),
            ("layout 20,000-node chain", largeChainLayoutSeconds, "%.3f s", "< 1 s"),
            ("layout max of 20,000 inputs", largeFanInLayoutSeconds, "%.3f s", "< 1 s"),
        ]
        let rows = all.filter { !$0.1.isNaN }.map { ($0.0, String(format: $0.2, $0.1), $0.3) }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { name, value, target in
            let line = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: valueWidth - value.count) + value
            return target.isEmpty ? line : line + "   target " + target
        }.joined(separator: "\n")
    }
}
