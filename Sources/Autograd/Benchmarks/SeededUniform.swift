/// A small deterministic random source (SplitMix64) for benchmark weights: the same seed
/// gives the same numbers on every machine, with no global generator state.
public struct SeededUniform: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next number, uniform in [low, high).
    public mutating func next(in low: Double, _ high: Double) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return low + (high - low) * Double(z >> 11) / Double(1 << 53)
    }
}
