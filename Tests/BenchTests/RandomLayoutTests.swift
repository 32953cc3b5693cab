import Bench
import Screen
import Testing

/// The layout workload `backprop bench` times (a seeded random DAG, `RandomDAG`), drawn
/// with every property a drawing must have.
@Suite struct RandomLayoutTests {
    /// Geometry every drawing must satisfy, checked on a seeded random 1,000-node DAG.
    @Test func randomThousandNodeDrawingIsConsistent() throws {
        let g = RandomDAG(nodes: 1000, seed: 7)
        let layout = try DAGLayout(sizes: g.sizes, edges: g.edges)
        #expect(layout.frames.count == 1000)
        #expect(layout.routes.count == g.edges.count)
        // Boxes never overlap (checked within each layer, where they could).
        for layerNodes in layout.layers {
            for (a, b) in zip(layerNodes, layerNodes.dropFirst()) {
                #expect(layout.frames[a].maxY < layout.frames[b].y)
            }
        }
        for (e, edge) in g.edges.enumerated() {
            let route = layout.routes[e]
            let from = layout.frames[edge.from], to = layout.frames[edge.to]
            #expect(layout.layer[edge.from] < layout.layer[edge.to])
            #expect(route.first?.x == from.maxX && (route.first.map { from.y..<from.maxY ~= $0.y } ?? false))
            #expect(route.last?.x == to.x - 1 && (route.last.map { to.y..<to.maxY ~= $0.y } ?? false))
            for (p, q) in zip(route, route.dropFirst()) { #expect(p.x == q.x || p.y == q.y) }
            #expect(route.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x < layout.size.width && $0.y < layout.size.height })
        }
        // Lines never run through a box, and lines of different sources never run along
        // each other (they may only cross at right angles).
        var owner: [Int: (net: Int, horizontal: Bool)] = [:]
        var overlaps = 0, throughBoxes = 0
        var cellsOfBoxes = Set<Int>()
        let w = layout.size.width
        for f in layout.frames { for y in f.y..<f.maxY { for x in f.x..<f.maxX { cellsOfBoxes.insert(y * w + x) } } }
        for (e, route) in layout.routes.enumerated() {
            var seen = Set<Int>()
            for (p, q) in zip(route, route.dropFirst()) {
                let horizontal = p.y == q.y
                for x in min(p.x, q.x)...max(p.x, q.x) {
                    for y in min(p.y, q.y)...max(p.y, q.y) {
                        let key = y * w + x
                        if cellsOfBoxes.contains(key) { throughBoxes += 1 }
                        guard seen.insert(key).inserted else { continue }
                        if let o = owner[key], o.net != g.edges[e].from, o.horizontal == horizontal { overlaps += 1 }
                        owner[key] = (g.edges[e].from, horizontal)
                    }
                }
            }
        }
        #expect(throughBoxes == 0)
        #expect(overlaps == 0)
        // Deterministic: the same input gives the same drawing.
        #expect(try DAGLayout(sizes: g.sizes, edges: g.edges) == layout)
    }
}
