import Autograd

/// Warnings about an evaluated graph: where a value or a gradient stops being finite.
///
/// Only the origin is reported (a node whose inputs are finite but whose value is not, a
/// gate whose finite upstream gradient becomes non-finite on the way to an input), since
/// everything downstream of a NaN is NaN and a message per node would bury the cause.
public enum GraphChecks {
    /// `graph` must have been run (forward and backward); pass its tape if you have it.
    public static func warnings(_ program: GraphProgram, tape: Tape? = nil) -> [Diagnostic] {
        let graph = program.graph
        guard let tape = tape ?? graph.tape() else { return [] }
        var result: [Diagnostic] = []
        func warn(_ node: Int, _ message: String) {
            result.append(.warning(file: program.file, at: program.locations[node], message))
        }
        for node in tape.order {
            let id = NodeID(node)
            let value = graph.values[node]
            guard !value.isFinite else { continue }
            let inputs = graph.inputs(of: id)
            if graph.kind(of: id).isLeaf {
                warn(node, "\(describe(id, in: graph)) is set to \(NumberFormat.short(value))")
            } else if inputs.allSatisfy({ graph.value(of: $0).isFinite }) {
                let values = inputs.map { NumberFormat.short(graph.value(of: $0)) }.joined(separator: ", ")
                warn(node, "\(describe(id, in: graph)) is \(NumberFormat.short(value)) (its inputs are \(values))")
            }
        }
        for node in tape.order.reversed() where graph.ops[node] != nil {
            let id = NodeID(node)
            let upstream = graph.grads[node]
            guard upstream.isFinite, graph.values[node].isFinite else { continue }
            let first = graph.inputStart[node]
            let locals = graph.localGradients(of: id)
            for position in 0..<(graph.inputStart[node + 1] - first) {
                let input = NodeID(graph.inputIDs[first + position])
                // A literal's gradient is never shown and never used; `(f - y)^2` at a
                // negative base gives its exponent a NaN gradient (ln of a negative number)
                // that is no reason to warn.
                if graph.kind(of: input) == .const, graph.name(of: input) == nil { continue }
                let local = locals[position]
                let product = upstream * local
                if !product.isFinite {
                    warn(node, "the gradient through \(describe(id, in: graph)) into '\(graph.label(of: input))' is \(NumberFormat.short(product)) (local derivative \(NumberFormat.short(local)))")
                    break
                }
            }
        }
        return result
    }

    /// `'y'` for a named node, `this log` for an anonymous gate.
    private static func describe(_ id: NodeID, in graph: Graph) -> String {
        if let name = graph.name(of: id) { return "'\(name)'" }
        if let op = graph.op(of: id) { return "this \(op.isInfix ? "'\(op.symbol)'" : op.name)" }
        return "this number"
    }
}
