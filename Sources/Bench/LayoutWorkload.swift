import Screen

/// The layout figure: a seeded random 1,000-node DAG laid out and drawn into a 200×60
/// buffer, as the graph pane does for a graph that does not fit (so it is clipped).
public struct LayoutWorkload: Sendable {
    public let dag: RandomDAG
    public let boxes: [NodeBox]
    public let screen: Size

    public init(nodes: Int = 1_000, seed: UInt64 = 42, screen: Size = Size(width: 200, height: 60)) {
        dag = RandomDAG(nodes: nodes, seed: seed)
        boxes = dag.sizes.indices.map { NodeBox(lines: [Line("n\($0)")]) }
        self.screen = screen
    }

    /// Lays out and draws once; returns the buffer so the work cannot be optimised away.
    public func run() throws -> Buffer {
        let layout = try DAGLayout(sizes: dag.sizes, edges: dag.edges)
        var buffer = Buffer(size: screen)
        DAGView(layout: layout, nodes: boxes).render(in: buffer.area, buffer: &buffer)
        return buffer
    }
}
