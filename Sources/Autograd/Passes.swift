/// The fast path: whole forward and backward passes over flat arrays, with no recording.
/// The Stepper walks the same rules one step at a time and must agree with these exactly:
/// both call `Op.apply` and `Op.localGradients` with the same arguments (a unary op gets
/// b = 0), and backward adds `upstream * local` into each input in reverse tape order,
/// inputs in order.
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
                            switch op.arity {
                            case .unary: v[node] = op.apply(v[edges[first]])
                            case .binary: v[node] = op.apply(v[edges[first]], v[edges[first + 1]])
                            case .variadic: v[node] = Self.variadic(op, edges: first..<starts[node + 1], edges, UnsafePointer(v))
                            }
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
                        let node = Int(step.node), a = Int(step.first), b = Int(step.second)
                        switch step.arity {
                        case .unary: v[node] = step.op.apply(v[a])
                        case .binary: v[node] = step.op.apply(v[a], v[b])
                        case .variadic: v[node] = Self.variadic(step.op, edges: a..<b, edges, UnsafePointer(v))
                        }
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
                            let node = Int(step.node), a = Int(step.first), b = Int(step.second)
                            let upstream = g[node]
                            switch step.arity {
                            case .unary:
                                let (local, _) = step.op.localGradients(v[a], 0, output: v[node])
                                g[a] += upstream * local
                            case .binary:
                                let (localA, localB) = step.op.localGradients(v[a], v[b], output: v[node])
                                g[a] += upstream * localA
                                g[b] += upstream * localB
                            case .variadic:
                                let winner = step.op.picksOneInput ? Self.winner(step.op, edges: a..<b, edges, v) : 0
                                for edge in a..<b {
                                    g[edges[edge]] += upstream * step.op.variadicLocal(at: edge - a, winner: winner)
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


    // MARK: Variadic ops without allocation

    /// The position among `edges` of the input `max`/`min` routes to (`Op.winningPosition`).
    @inline(__always)
    static func winner(
        _ op: Op, edges range: Range<Int>, _ edges: UnsafeBufferPointer<Int>, _ values: UnsafePointer<Double>
    ) -> Int {
        op.winningPosition(of: edges[range].lazy.map { values[$0] })
    }

    /// The value of `max`/`min`/`sum` over the inputs on `edges`.
    @inline(__always)
    static func variadic(
        _ op: Op, edges range: Range<Int>, _ edges: UnsafeBufferPointer<Int>, _ values: UnsafePointer<Double>
    ) -> Double {
        op.applyVariadic(edges[range].lazy.map { values[$0] })
    }
}
