import Screen

/// Seeded random DAGs for layout tests and benchmarks: reproducible on every platform
/// (SplitMix64, not the system generator).
public struct RandomDAG: Sendable, Hashable {
    public var sizes: [Size]
    public var edges: [DAGEdge]

    /// `nodes` nodes; the first `sources` are inputs; every later node takes one to three
    /// inputs (repeats allowed, like `x*x`), mostly from the `window` nodes before it and
    /// sometimes from anywhere earlier, which makes long edges. Box widths vary 3…12.
    public init(nodes: Int, seed: UInt64, sources: Int = 20, window: Int = 40) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
        sizes = (0..<max(0, nodes)).map { _ in Size(width: 3 + below(10), height: 3) }
        edges = []
        for v in min(max(0, sources), nodes)..<max(0, nodes) {
            for _ in 0..<(1 + below(3)) {
                let far = below(10) == 0
                let lo = far ? 0 : max(0, v - window)
                edges.append(DAGEdge(from: lo + below(v - lo), to: v))
            }
        }
    }
}
