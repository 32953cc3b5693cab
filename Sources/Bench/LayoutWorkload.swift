import Screen

/// The layout figures: a seeded random 1,000-node DAG, and the large shapes a long
/// expression makes (a 20,000-node chain, a max of 20,000 inputs), laid out and drawn
/// into a 200×60 buffer, as the graph pane does for a graph that does not fit (so it is
/// clipped).
public struct LayoutWorkload: Sendable {
    public let sizes: [Size]
    public let edges: [DAGEdge]
    public let boxes: [NodeBox]
    public let screen: Size

    public init(nodes: Int = 1_000, seed: UInt64 = 42, screen: Size = Size(width: 200, height: 60)) {
        let dag = RandomDAG(nodes: nodes, seed: seed)
        self.init(sizes: dag.sizes, edges: dag.edges, screen: screen)
    }

    public init(sizes: [Size], edges: [DAGEdge], screen: Size = Size(width: 200, height: 60)) {
        self.sizes = sizes
        self.edges = edges
        boxes = sizes.indices.map { NodeBox(lines: [Line("n\($0)")]) }
        self.screen = screen
    }

    /// A chain of `nodes` boxes, each feeding the next.
    public static func chain(nodes: Int) -> LayoutWorkload {
        LayoutWorkload(sizes: Array(repeating: Size(width: 7, height: 3), count: nodes),
                       edges: (1..<nodes).map { DAGEdge(from: $0 - 1, to: $0) })
    }

    /// One box fed by `inputs` others (`max(x1, …, xn)` after its sources).
    public static func fanIn(inputs: Int) -> LayoutWorkload {
        LayoutWorkload(sizes: Array(repeating: Size(width: 7, height: 3), count: inputs + 1),
                       edges: (0..<inputs).map { DAGEdge(from: $0, to: inputs) })
    }

    /// Lays out and draws once; returns the buffer so the work cannot be optimised away.
    public func run() throws -> Buffer {
        let layout = try DAGLayout(sizes: sizes, edges: edges)
        var buffer = Buffer(size: screen)
        DAGView(layout: layout, nodes: boxes).render(in: buffer.area, buffer: &buffer)
        return buffer
    }
}
