import Autograd

/// A graph read from the graph language, with where each node was written, so that
/// narration and `check` warnings can point at a node's definition.
public struct GraphProgram: Sendable {
    /// The file (or lesson) the graph came from, as diagnostics name it.
    public var file: String
    public var graph: Graph
    /// For node index `i`, where node `i` is written: a named node at its name, an
    /// anonymous gate at its operator or function name, a literal at its first character.
    public var locations: [SourceLocation]

    public init(file: String, graph: Graph, locations: [SourceLocation]) {
        precondition(locations.count == graph.count, "one location per node")
        self.file = file
        self.graph = graph
        self.locations = locations
    }

    public func location(of id: NodeID) -> SourceLocation { locations[id.index] }
}
