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

    /// An aligned table for people, with each figure's target.
    public func table() -> String {
        let rows: [(String, String, String)] = [
            ("mlp epoch (micrograd demo)", String(format: "%.3f ms", mlpEpochSeconds * 1000), "≥ 300× micrograd"),
            ("mlp nodes", "\(mlpNodes)", ""),
            ("chain 1e6: forward + backward", String(format: "%.3f s", chainSeconds), "< 0.2 s"),
            ("frame p50 (xor, 100×30)", String(format: "%.3f ms", frameMillisecondsP50), ""),
            ("frame p99 (xor, 100×30)", String(format: "%.3f ms", frameMillisecondsP99), "< 2 ms"),
            ("layout 1000 nodes (200×60)", String(format: "%.3f ms", layoutMilliseconds), "< 50 ms"),
        ]
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { name, value, target in
            let line = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: valueWidth - value.count) + value
            return target.isEmpty ? line : line + "   target " + target
        }.joined(separator: "\n")
    }
}
