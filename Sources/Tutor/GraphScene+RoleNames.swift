import Autograd

/// What a person calls an anonymous gate whose expression is too long to be its name:
/// its role, the op's word and the named node it feeds (`(ξ1's sum)`). No internal id
/// (`#7`) is ever shown.
extension GraphScene {
    /// The longest expression an anonymous gate is called by (`(w1·x1+w2·x2)` is not).
    static let longestExpressionName = 18

    /// Names the anonymous gates in `nodes` (whose expressions are too long to read as a
    /// name) by their role: the op's word and the named node they feed, `(ξ1's sum)`,
    /// `(loss's product)`, numbered where one named node is fed by two alike
    /// (`(f's product 2)`). A gate that feeds no named node is named after its first
    /// named input, `(sum of w1)`. Every name stays unique.
    static func nameByRole(_ nodes: [Int], in graph: Graph, names: inout [String]) {
        guard !nodes.isEmpty else { return }
        let nearest = nearestNamedConsumers(in: graph)
        var taken = Set(names)
        var nextNumber: [String: Int] = [:]
        for node in nodes {
            let id = NodeID(node)
            guard let op = graph.op(of: id) else { continue }
            let word = roleWord(op)
            let base: String
            if let consumer = nearest[node] {
                base = "\(consumer)'s \(word)"
            } else if let input = graph.inputs(of: id).lazy.compactMap({ graph.name(of: $0) }).first {
                base = "\(word) of \(input)"
            } else {
                base = word
            }
            var name = "(\(base))", number = nextNumber[base, default: 2]
            while taken.contains(name) {
                name = "(\(base) \(number))"
                number += 1
            }
            nextNumber[base] = number
            taken.insert(name)
            names[node] = name
        }
    }

    /// For each node, the name of the named node nearest downstream of it (fewest edges;
    /// among equals, the one reached through the earliest consumer), or nil. One pass from
    /// the outputs back, since every consumer comes after its inputs in the graph.
    static func nearestNamedConsumers(in graph: Graph) -> [String?] {
        let consumers = graph.consumers()
        var nearest = [(name: String, distance: Int)?](repeating: nil, count: graph.count)
        for node in stride(from: graph.count - 1, through: 0, by: -1) {
            for consumer in consumers[node] {
                let candidate: (name: String, distance: Int)? = if let name = graph.name(of: consumer) {
                    (name, 1)
                } else if let further = nearest[consumer.index] {
                    (further.name, further.distance + 1)
                } else {
                    nil
                }
                if let candidate, candidate.distance < nearest[node]?.distance ?? .max { nearest[node] = candidate }
            }
        }
        return nearest.map { $0?.name }
    }

    /// What an op's result is called in a role name: `sum`, `product`, `exp`.
    static func roleWord(_ op: Op) -> String {
        switch op {
        case .add, .sum: "sum"
        case .sub: "difference"
        case .mul: "product"
        case .div: "quotient"
        case .neg: "negation"
        case .pow: "power"
        default: op.name
        }
    }
}
