/// The fast path: whole forward and backward passes over flat arrays, with no recording.
/// The Stepper walks the same rules one step at a time and must agree with these exactly.
extension Graph {
    /// The tape of the graph's output.
    public func tape() -> Tape? {
        output.map { Tape(self, output: $0) }
    }

    /// Recomputes every computed node from the leaves, in definition order.
    public mutating func forward() {
        for node in 0..<count where ops[node] != nil {
            values[node] = evaluate(NodeID(node))
        }
    }

    /// Recomputes the nodes on `tape` from the leaves.
    public mutating func forward(_ tape: Tape) {
        for node in tape.order where ops[node] != nil {
            values[node] = evaluate(NodeID(node))
        }
    }

    /// Sets every gradient to ∂output/∂node: zeroes them, seeds the output with 1 and walks
    /// the tape in reverse, adding upstream × local into each input (`+=`, so a value used
    /// twice collects both contributions).
    public mutating func backward(_ tape: Tape) {
        for node in 0..<count { grads[node] = 0 }
        grads[tape.output.index] = 1
        for node in tape.order.reversed() where ops[node] != nil {
            let upstream = grads[node]
            let first = inputStart[node]
            for position in 0..<(inputStart[node + 1] - first) {
                grads[inputIDs[first + position]] += upstream * localGradient(of: NodeID(node), inputAt: position)
            }
        }
    }

    /// Forward, then backward from the output; does nothing on an empty graph.
    public mutating func run() {
        guard let tape = tape() else { return }
        forward()
        backward(tape)
    }

    /// Sets a leaf's value; call `forward()` or `run()` afterwards.
    public mutating func setValue(_ value: Double, of id: NodeID) {
        precondition(kinds[id.index].isLeaf, "only leaves are set; computed nodes follow from them")
        values[id.index] = value
    }
}
