/// Central finite differences: an estimate of ∂output/∂node that does not use the chain
/// rule, to check backprop against.
extension Graph {
    /// (f(v + h) − f(v − h)) / 2h, nudging node `id`'s value while everything downstream of
    /// it is recomputed. For a computed node the nudge is applied to its value as if it
    /// were a leaf, which is what ∂output/∂node means.
    public func numericalGradient(of id: NodeID, step h: Double = 1e-6) -> Double {
        guard let output else { return .nan }
        let base = values[id.index]
        let up = outputValue(setting: id, to: base + h, output: output)
        let down = outputValue(setting: id, to: base - h, output: output)
        return (up - down) / (2 * h)
    }

    private func outputValue(setting id: NodeID, to value: Double, output: NodeID) -> Double {
        var copy = self
        copy.values[id.index] = value
        guard id.index < output.index else { return id == output ? value : copy.values[output.index] }
        for node in (id.index + 1)...output.index where copy.ops[node] != nil {
            copy.values[node] = copy.evaluate(NodeID(node))
        }
        return copy.values[output.index]
    }

    /// The relative error |a − b| / max(|a|, |b|, tiny), 0 when both are 0.
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        let scale = Swift.max(Swift.abs(a), Swift.abs(b))
        return scale == 0 ? 0 : Swift.abs(a - b) / Swift.max(scale, 1e-300)
    }
}
