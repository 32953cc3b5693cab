/// The identity of a node: its index in the graph's definition order.
///
/// Ids are dense and stable, so every per-node array (values, gradients, layout positions)
/// can be indexed by them directly.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) { self.index = index }

    public static func < (a: NodeID, b: NodeID) -> Bool { a.index < b.index }

    public var description: String { "#\(index)" }
}

/// What a node is: a leaf that holds a value, or an operation over other nodes.
public enum NodeKind: String, Sendable, CaseIterable {
    /// A leaf the user sets (`x = -2`); it has a gradient but is not learnt.
    case input
    /// A learnable leaf (`param w0 = 2`); SGD updates it.
    case param
    /// A fixed leaf (`const c = 0.5`, or a literal in an expression).
    case const
    /// A computed node: one operation applied to its inputs.
    case op

    public var isLeaf: Bool { self != .op }
}
