import Autograd
/// A long chain for the benchmark and the deep-graph tests: one input, one shared
/// parameter, then ops that each use the node before, alternating `· w` and `tanh`, so
/// values stay bounded and `w` collects a gradient from half of the chain.
public enum Chain {
    /// A graph of exactly `length` (≥ 3) nodes whose output is the end of the chain.
    public static func build(length: Int, input: Double = 0.5, weight: Double = 1.5) -> Graph {
        precondition(length >= 3, "a chain has an input, a weight and at least one op")
        var graph = Graph()
        var last = graph.addLeaf(.input, name: "x", value: input)
        let w = graph.addLeaf(.param, name: "w", value: weight)
        for step in 0..<(length - 2) {
            last = step % 2 == 0 ? graph.addOp(.mul, [last, w]) : graph.addOp(.tanh, [last])
        }
        graph.name(last, "out")
        return graph
    }
}
