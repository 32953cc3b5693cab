/// The nodes an output depends on, in topological order: the order the forward pass
/// visits them, and reversed, the order the backward pass does.
///
/// Computed without recursion: because every input is defined before the node that uses
/// it, one sweep from the output down to id 0 marks everything it reaches. A 1,000,000-deep
/// chain costs one pass over the arrays and no stack.
public struct Tape: Sendable, Equatable {
    public let output: NodeID
    /// Node indices, ascending.
    public let order: [Int]

    public init(_ graph: Graph, output: NodeID) {
        var needed = [Bool](repeating: false, count: output.index + 1)
        needed[output.index] = true
        var order: [Int] = []
        for node in stride(from: output.index, through: 0, by: -1) where needed[node] {
            order.append(node)
            for edge in graph.inputStart[node]..<graph.inputStart[node + 1] {
                needed[graph.inputIDs[edge]] = true
            }
        }
        self.output = output
        self.order = order.reversed()
    }

    public var ids: [NodeID] { order.map(NodeID.init) }

    /// Whether the output depends on the node.
    public func contains(_ id: NodeID) -> Bool {
        var low = 0, high = order.count
        while low < high {
            let mid = (low + high) / 2
            if order[mid] < id.index { low = mid + 1 } else { high = mid }
        }
        return low < order.count && order[low] == id.index
    }
}
