/// The nodes an output depends on, in topological order: the order the forward pass
/// visits them, and reversed, the order the backward pass does.
///
/// Computed without recursion: because every input is defined before the node that uses
/// it, one sweep from the output down to id 0 marks everything it reaches. A 1,000,000-deep
/// chain costs one pass over the arrays and no stack.
///
/// A tape is also compiled: its computed nodes as a flat array of `Instruction`s (op code
/// and input ids inline), so the passes run without looking anything else up. Graphs only
/// ever grow, so a tape stays valid for its graph as it is trained and as nodes are added;
/// take it once and reuse it for every epoch.
public struct Tape: Sendable, Equatable {
    public let output: NodeID
    /// Node indices, ascending.
    public let order: [Int]
    /// The computed nodes of `order`, ascending, ready to run.
    let instructions: [Instruction]
    /// How many entries of `Graph.inputIDs` the instructions may read: the passes check it
    /// once, so a tape used with a smaller graph stops instead of reading out of bounds.
    let edgeCount: Int

    public init(_ graph: Graph, output: NodeID) {
        precondition(output.index < graph.count, "the output \(output) is not in the graph")
        self.output = output
        edgeCount = graph.inputStart[output.index + 1]
        (order, instructions) = Self.compile(graph, output: output)
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

    /// One sweep from the output down marks what it depends on (`mark`); a second sweep up
    /// writes the order and the instructions into arrays of exactly the counted size.
    private static func compile(_ graph: Graph, output: NodeID) -> ([Int], [Instruction]) {
        let (needed, orderCount, instructionCount) = mark(graph, from: output)
        return graph.inputStart.withUnsafeBufferPointer { starts in
            graph.inputIDs.withUnsafeBufferPointer { edges in
                graph.ops.withUnsafeBufferPointer { ops in
                    var instructions: [Instruction] = []
                    let order = [Int](unsafeUninitializedCapacity: orderCount) { order, written in
                        instructions = [Instruction](unsafeUninitializedCapacity: instructionCount) { steps, compiled in
                            for node in needed.indices where needed[node] {
                                order[written] = node
                                written += 1
                                guard let op = ops[node] else { continue }
                                steps[compiled] = Instruction(node: node, op: op, edges: starts[node]..<starts[node + 1], in: edges)
                                compiled += 1
                            }
                        }
                    }
                    return (order, instructions)
                }
            }
        }
    }

    /// The nodes `output` depends on (a node is needed when something needed uses it; every
    /// input is defined before its user, so one sweep down suffices), and how many there
    /// are, and of them computed.
    private static func mark(_ graph: Graph, from output: NodeID) -> (needed: [Bool], count: Int, computed: Int) {
        var needed = [Bool](repeating: false, count: output.index + 1)
        var count = 0, computed = 0
        graph.inputStart.withUnsafeBufferPointer { starts in
            graph.inputIDs.withUnsafeBufferPointer { edges in
                needed.withUnsafeMutableBufferPointer { needed in
                    needed[output.index] = true
                    for node in stride(from: output.index, through: 0, by: -1) where needed[node] {
                        count += 1
                        if graph.ops[node] != nil { computed += 1 }
                        for edge in starts[node]..<starts[node + 1] { needed[edges[edge]] = true }
                    }
                }
            }
        }
        return (needed, count, computed)
    }
}

/// One computed node of a compiled tape: its op and where its inputs are, inline, so a pass
/// reads one small record per node. Unary and binary ops hold their input ids; `max`/`min`
/// hold the range of their edges in `Graph.inputIDs`.
struct Instruction: Sendable, Equatable {
    /// The node's index, as Int32 to keep the record at 16 bytes.
    let node: Int32
    /// The first input, or the first edge for a variadic op.
    let first: Int32
    /// The second input of a binary op (the first again for a unary op), or the end of the
    /// edges for a variadic op.
    let second: Int32
    let op: Op
    let arity: Op.Arity

    init(node: Int, op: Op, edges: Range<Int>, in inputIDs: UnsafeBufferPointer<Int>) {
        precondition(node <= Int(Int32.max) && edges.upperBound <= Int(Int32.max), "graphs are limited to 2³¹ nodes")
        self.node = Int32(truncatingIfNeeded: node)
        self.op = op
        arity = op.arity
        switch arity {
        case .unary:
            first = Int32(truncatingIfNeeded: inputIDs[edges.lowerBound])
            second = first
        case .binary:
            first = Int32(truncatingIfNeeded: inputIDs[edges.lowerBound])
            second = Int32(truncatingIfNeeded: inputIDs[edges.lowerBound + 1])
        case .variadic:
            first = Int32(truncatingIfNeeded: edges.lowerBound)
            second = Int32(truncatingIfNeeded: edges.upperBound)
        }
    }
}

extension Instruction {
    /// How many inputs a unary or binary node has (a variadic op's are its edges
    /// `first..<second`, which the passes read from `Graph.inputIDs`).
    @inline(__always)
    var fixedInputCount: Int { arity == .unary ? 1 : 2 }
}
