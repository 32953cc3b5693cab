/// The fast path: whole forward and backward passes over flat arrays, with no recording.
/// The Stepper walks the same rules one step at a time and must agree with these exactly:
/// both read them through `Op.value(inputs:_:)` and `Op.forEachLocal(inputs:output:_:_:)`
/// (OpRules.swift), and backward adds `upstream * local` into each input in reverse tape
/// order, inputs in order.
///
/// The loops run over unsafe buffer pointers into the graph's arrays and a compiled tape's
/// instructions: no allocation, no copy-on-write checks and no bounds checks per node. The
/// ids they follow were checked when the nodes were added and when the tape was compiled.
extension Graph {
    /// The tape of the graph's output.
    public func tape() -> Tape? {
        output.map { Tape(self, output: $0) }
    }

    /// Recomputes every computed node from the leaves, in definition order.
    public mutating func forward() {
        let count = self.count
        precondition(values.count == count && inputStart.count == count + 1, "the graph's arrays disagree in length")
        inputStart.withUnsafeBufferPointer { starts in
            inputIDs.withUnsafeBufferPointer { edges in
                ops.withUnsafeBufferPointer { ops in
                    values.withUnsafeMutableBufferPointer { values in
                        guard let v = values.baseAddress else { return }
                        for node in 0..<count {
                            guard let op = ops[node] else { continue }
                            let first = starts[node]
                            v[node] = op.value(inputs: starts[node + 1] - first) { v[edges[first + $0]] }
                        }
                    }
                }
            }
        }
    }

    /// Recomputes the nodes on `tape` from the leaves.
    public mutating func forward(_ tape: Tape) {
        precondition(tape.output.index < count && tape.edgeCount <= inputIDs.count && values.count == count && grads.count == count,
                     "the tape belongs to a larger graph")
        inputIDs.withUnsafeBufferPointer { edges in
            tape.instructions.withUnsafeBufferPointer { instructions in
                values.withUnsafeMutableBufferPointer { values in
                    guard let v = values.baseAddress else { return }
                    for step in instructions {
                        // Where the inputs are depends on the tape's encoding, not on the rules.
                        let a = Int(step.first), b = Int(step.second)
                        v[Int(step.node)] = step.arity == .variadic
                            ? step.op.value(inputs: b - a) { v[edges[a + $0]] }
                            : step.op.value(inputs: step.fixedInputCount) { v[$0 == 0 ? a : b] }
                    }
                }
            }
        }
    }

    /// Sets every gradient to ∂output/∂node: zeroes them, seeds the output with 1 and walks
    /// the tape in reverse, adding upstream × local into each input (`+=`, so a value used
    /// twice collects both contributions).
    public mutating func backward(_ tape: Tape) {
        precondition(tape.output.index < count && tape.edgeCount <= inputIDs.count && values.count == count && grads.count == count,
                     "the tape belongs to a larger graph")
        inputIDs.withUnsafeBufferPointer { edges in
            tape.instructions.withUnsafeBufferPointer { instructions in
                values.withUnsafeBufferPointer { values in
                    grads.withUnsafeMutableBufferPointer { grads in
                        grads.update(repeating: 0)
                        guard let v = values.baseAddress, let g = grads.baseAddress else { return }
                        g[tape.output.index] = 1
                        for step in instructions.reversed() {
                            let node = Int(step.node), upstream = g[node], a = Int(step.first), b = Int(step.second)
                            if step.arity == .variadic {
                                step.op.forEachLocal(inputs: b - a, output: v[node], { v[edges[a + $0]] }) { k, local in
                                    g[edges[a + k]] += upstream * local
                                }
                            } else {
                                step.op.forEachLocal(inputs: step.fixedInputCount, output: v[node], { v[$0 == 0 ? a : b] }) { k, local in
                                    g[k == 0 ? a : b] += upstream * local
                                }
                            }
                        }
                    }
                }
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
        precondition(id.index >= 0 && id.index < count, "\(id) is not in the graph")
        precondition(kinds[id.index].isLeaf, "only leaves are set; computed nodes follow from them")
        values[id.index] = value
    }

}
