/// SplitMix64: a small, fast, seedable generator. A value type with no global state, so the
/// same seed always gives the same weights on every machine and in every test.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Double uniform in [low, high), from the top 53 bits (no platform-dependent
    /// conversion, so the sequence is the same everywhere).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return low + (high - low) * unit
    }
}

extension Graph {
    /// Sets every param, in definition order, to a value uniform in [−scale, scale) drawn
    /// from `SplitMix64(seed:)`, then recomputes the graph: deterministic initialisation.
    public mutating func initialiseParameters(seed: UInt64, scale: Double = 1) {
        var generator = SplitMix64(seed: seed)
        for node in 0..<count where kinds[node] == .param {
            values[node] = generator.uniform(-scale, scale)
        }
        forward()
    }
}
