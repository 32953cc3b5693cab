import Testing
import Foundation
import Screen

@Suite struct LayoutBenchTests {
    @Test func thousandNodes() throws {
        let g = RandomDAG(nodes: 1000, seed: 42)
        var best = Double.infinity
        var layout: DAGLayout?
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            layout = try DAGLayout(sizes: g.sizes, edges: g.edges)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        print("layout 1000 nodes, \(g.edges.count) edges: \(best) ms, size \(layout!.size), crossings \(layout!.crossings)")
    }
}
