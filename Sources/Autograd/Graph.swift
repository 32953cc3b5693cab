/// A scalar computation graph, stored as parallel arrays indexed by `NodeID`.
///
/// Nodes are appended in definition order and an op may only use nodes defined before it,
/// so the graph is acyclic by construction and definition order is a topological order.
/// There are no per-node objects or closures: the passes walk flat arrays, and every
/// piece of state (a value, a gradient) is a number the screen can show.
public struct Graph: Sendable, Equatable {
    public private(set) var kinds: [NodeKind] = []
    /// The op of each computed node; `nil` for leaves.
    public private(set) var ops: [Op?] = []
    /// The name of each node; `nil` for anonymous gates and literals.
    public private(set) var names: [String?] = []
    /// The inputs of node `i` are `inputIDs[inputStart[i] ..< inputStart[i + 1]]`, in order;
    /// `x * x` lists `x` twice.
    public private(set) var inputStart: [Int] = [0]
    public private(set) var inputIDs: [Int] = []
    /// The value of every node, from the last forward pass (or its leaf setting). Set
    /// through `setValue(_:of:)`: the passes run over these arrays with unsafe pointers,
    /// so no code outside the engine may change their length.
    public internal(set) var values: [Double] = []
    /// ∂output/∂node for every node, from the last backward pass (see `values`).
    public internal(set) var grads: [Double] = []
    /// The node whose gradient is taken; the last named node unless set.
    public var output: NodeID?
    private var idsByName: [String: NodeID] = [:]

    public init() {}

    public var count: Int { kinds.count }
    public var isEmpty: Bool { kinds.isEmpty }
    public var ids: [NodeID] { (0..<count).map(NodeID.init) }

    // MARK: Building

    /// Appends a leaf. Names must be unique; the graph language reports duplicates before
    /// they get here.
    @discardableResult
    public mutating func addLeaf(_ kind: NodeKind, name: String? = nil, value: Double) -> NodeID {
        precondition(kind.isLeaf, "addLeaf takes input, param or const")
        return append(kind: kind, op: nil, name: name, inputs: [], value: value)
    }

    /// Appends a computed node and computes its value from its inputs' current values.
    @discardableResult
    public mutating func addOp(_ op: Op, _ inputs: [NodeID], name: String? = nil) -> NodeID {
        precondition(op.accepts(inputCount: inputs.count), "\(op) cannot take \(inputs.count) inputs")
        precondition(inputs.allSatisfy { $0.index < count }, "an op may only use nodes defined before it")
        let id = append(kind: .op, op: op, name: name, inputs: inputs, value: 0)
        values[id.index] = evaluate(id)
        return id
    }

    private mutating func append(kind: NodeKind, op: Op?, name: String?, inputs: [NodeID], value: Double) -> NodeID {
        let id = NodeID(count)
        kinds.append(kind)
        ops.append(op)
        names.append(name)
        for input in inputs { inputIDs.append(input.index) }
        inputStart.append(inputIDs.count)
        values.append(value)
        grads.append(0)
        if let name {
            let previous = idsByName.updateValue(id, forKey: name)  // one hash, not two
            precondition(previous == nil, "\(name) is defined twice")
            output = id
        }
        return id
    }

    /// Names an anonymous node, e.g. the top of an expression assigned to a name.
    public mutating func name(_ id: NodeID, _ name: String) {
        precondition(names[id.index] == nil, "\(id) already has a name")
        let previous = idsByName.updateValue(id, forKey: name)
        precondition(previous == nil, "\(name) is defined twice")
        names[id.index] = name
        output = id
    }

    /// Makes room for about `nodes` nodes and `names` names up front: growing the arrays
    /// copies them and growing the name table rehashes every name, which shows when a
    /// parser adds a million nodes. An estimate is fine; nothing changes but speed.
    public mutating func reserveCapacity(nodes: Int, names: Int) {
        kinds.reserveCapacity(nodes)
        ops.reserveCapacity(nodes)
        self.names.reserveCapacity(nodes)
        inputStart.reserveCapacity(nodes + 1)
        inputIDs.reserveCapacity(2 * nodes)
        values.reserveCapacity(nodes)
        grads.reserveCapacity(nodes)
        idsByName.reserveCapacity(names)
    }

    // MARK: Reading

    public func id(named name: String) -> NodeID? { idsByName[name] }
    public func name(of id: NodeID) -> String? { names[id.index] }
    public func kind(of id: NodeID) -> NodeKind { kinds[id.index] }
    public func op(of id: NodeID) -> Op? { ops[id.index] }
    public func value(of id: NodeID) -> Double { values[id.index] }
    public func grad(of id: NodeID) -> Double { grads[id.index] }

    /// The inputs of a node in order, repeated where an input is used twice.
    public func inputs(of id: NodeID) -> [NodeID] {
        inputIDs[inputStart[id.index]..<inputStart[id.index + 1]].map(NodeID.init)
    }

    /// How many inputs a node has (uses, so `x * x` has 2), without building the list.
    public func inputCount(of id: NodeID) -> Int { inputStart[id.index + 1] - inputStart[id.index] }

    /// The input of a node at `position` (0 ..< `inputCount(of:)`), without building the list.
    public func input(of id: NodeID, at position: Int) -> NodeID { NodeID(inputIDs[inputStart[id.index] + position]) }

    /// Every named node in definition order.
    public var namedIDs: [NodeID] { ids.filter { names[$0.index] != nil } }

    /// For each node, the nodes that use it (once per use, in definition order): where a
    /// value fans out, its gradient is the sum over these.
    public func consumers() -> [[NodeID]] {
        var result = [[NodeID]](repeating: [], count: count)
        for node in 0..<count {
            for edge in inputStart[node]..<inputStart[node + 1] {
                result[inputIDs[edge]].append(NodeID(node))
            }
        }
        return result
    }

    // MARK: Local rules at the current values

    /// The value node `id` gets from its inputs' current values (a leaf keeps its own).
    public func evaluate(_ id: NodeID) -> Double {
        let node = id.index
        guard let op = ops[node] else { return values[node] }
        let first = inputStart[node]
        return op.value(inputs: inputStart[node + 1] - first) { values[inputIDs[first + $0]] }
    }

    /// ∂node/∂(its input at `position`) at the current values.
    public func localGradient(of id: NodeID, inputAt position: Int) -> Double {
        var local = 0.0
        forEachLocal(of: id) { k, value in if k == position { local = value } }
        return local
    }

    /// The local derivative of `id` for every input position at once: one pass over a
    /// `max`/`min`'s inputs for all of them (asking position by position is quadratic in
    /// the arity, which a 100,000-argument max made take minutes).
    public func localGradients(of id: NodeID) -> [Double] {
        var locals: [Double] = []
        forEachLocal(of: id) { _, value in locals.append(value) }
        return locals
    }

    /// `Op.forEachLocal` at node `id`'s inputs' current values (nothing for a leaf).
    private func forEachLocal(of id: NodeID, _ body: (Int, Double) -> Void) {
        let node = id.index
        guard let op = ops[node] else { return }
        let first = inputStart[node]
        op.forEachLocal(inputs: inputStart[node + 1] - first, output: values[node], { values[inputIDs[first + $0]] }, body)
    }
}
