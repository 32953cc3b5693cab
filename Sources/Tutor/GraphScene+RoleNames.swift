import Autograd

/// What a person calls an anonymous gate whose expression is too long to be its name:
/// its role, the op's word and the named node it feeds (`(ξ1's sum)`). No internal id
/// (`#7`) is ever shown.
extension GraphScene {
    /// The longest expression an anonymous gate is called by (`(w1·x1+w2·x2)` is not).
    static let longestExpressionName = 14

    /// Names the anonymous gates in `nodes` (whose expressions are too long to read as a
    /// name) by their role: the op's word and the named node they feed, `(ξ1's sum)`,
    /// `(loss's product)`, numbered where one named node is fed by two alike
    /// (`(f's product 2)`). A gate that feeds no named node is named after its first
    /// named input, `(sum of w1)`. Every name stays unique.
    static func nameByRole(_ nodes: [Int], in graph: Graph, names: inout [String]) {
        guard !nodes.isEmpty else { return }
        let consumers = graph.consumers()
        var taken = Set(names)
        func namedConsumer(of node: Int) -> String? {
            var frontier = [node], seen = Set<Int>()
            while let next = frontier.popLast() {
                for consumer in consumers[next] where seen.insert(consumer.index).inserted {
                    if let name = graph.name(of: consumer) { return name }
                    frontier.insert(consumer.index, at: 0)
                }
            }
            return nil
        }
        for node in nodes {
            let id = NodeID(node)
            guard let op = graph.op(of: id) else { continue }
            let word = roleWord(op)
            let base: String
            if let consumer = namedConsumer(of: node) {
                base = "\(consumer)'s \(word)"
            } else if let input = graph.inputs(of: id).lazy.compactMap({ graph.name(of: $0) }).first {
                base = "\(word) of \(input)"
            } else {
                base = word
            }
            var name = "(\(base))", number = 2
            while taken.contains(name) {
                name = "(\(base) \(number))"
                number += 1
            }
            taken.insert(name)
            names[node] = name
        }
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
