/// The working state of a `DAGLayout`: the graph with a dummy node wherever an edge
/// skips a layer, so every segment joins adjacent layers. Nodes `0..<realCount` are the
/// caller's; the rest are dummies (one row high, as wide as their layer's column).
struct LayeredGraph {
    let options: DAGLayout.Options
    let realCount: Int
    let sizes: [Size]
    var vLayer: [Int] = []
    var vHeight: [Int] = []
    // Segments between adjacent layers: source, target, original edge, arrival port.
    var segFrom: [Int] = []
    var segTo: [Int] = []
    var segPort: [Int] = []
    /// The row a segment must arrive at in its target (`DAGEdge.row`), for an edge's last segment.
    var segRow: [Int?] = []
    var inSegs: [[Int]] = []
    var outSegs: [[Int]] = []
    /// Number of arrival ports of each node (its incoming edges; 1 for dummies).
    var portCount: [Int] = []
    /// Each original edge's chain of nodes: source, dummies…, target.
    var chains: [[Int]] = []
    /// Each original edge's segments, one per hop of its chain.
    var chainSegments: [[Int]] = []
    /// Nodes of each layer, top to bottom; `pos` is the index of a node in its layer.
    var order: [[Int]] = []
    var pos: [Int] = []
    var bestCrossings = 0
    /// Top row of every node.
    var y: [Int] = []

    var layerCount: Int { order.count }
    var nodeCount: Int { vLayer.count }
    func isDummy(_ v: Int) -> Bool { v >= realCount }

    init(sizes: [Size], edges: [DAGEdge], options: DAGLayout.Options) throws(DAGLayoutError) {
        self.options = options
        self.realCount = sizes.count
        self.sizes = sizes.map { Size(width: max(1, $0.width), height: max(1, $0.height)) }
        let n = sizes.count
        for (i, e) in edges.enumerated() {
            if !(0..<n).contains(e.from) { throw .edgeOutOfRange(edge: i, node: e.from) }
            if !(0..<n).contains(e.to) { throw .edgeOutOfRange(edge: i, node: e.to) }
        }
        // Kahn's algorithm in id order: a topological order, or the proof of a cycle.
        var indegree = [Int](repeating: 0, count: n)
        var succ = [[Int]](repeating: [], count: n)
        var pred = [[Int]](repeating: [], count: n)
        for e in edges {
            indegree[e.to] += 1
            succ[e.from].append(e.to)
            pred[e.to].append(e.from)
        }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in succ[u] {
                indegree[v] -= 1
                if indegree[v] == 0 { queue.append(v) }
            }
        }
        if queue.count < n, let stuck = (0..<n).first(where: { indegree[$0] > 0 }) { throw .cycle(node: stuck) }
        // Longest path from the sources.
        var layerOf = [Int](repeating: 0, count: n)
        for v in queue { for u in pred[v] { layerOf[v] = max(layerOf[v], layerOf[u] + 1) } }
        // Right to left, so a trailing gate has moved before its inputs follow it.
        for v in queue.reversed() where !succ[v].isEmpty {
            let floats = !options.sourcesInFirstLayer && pred[v].isEmpty && !options.pinnedSources.contains(v)
            if floats || options.trailing.contains(v) { layerOf[v] = (succ[v].map { layerOf[$0] }.min() ?? 1) - 1 }
        }
        vLayer = layerOf
        // Every layer a long edge crosses becomes a node of its own: bounded, so a drawing
        // costs time and memory in proportion to what it can show (x+x+…+x, 5,000 terms,
        // wanted 12 million of them).
        var crossings = 0
        for e in edges { crossings += max(0, layerOf[e.to] - layerOf[e.from] - 1) }
        guard crossings <= DAGLayout.maxCrossings else {
            throw .tooLarge(crossings: crossings, limit: DAGLayout.maxCrossings)
        }
        // A box with more inputs than inner rows grows, so that every edge, both of
        // `x*x` included, arrives on a row of its own instead of at a corner.
        vHeight = (0..<n).map { v in
            let h = self.sizes[v].height, k = pred[v].count
            guard options.growForInputs else { return h }
            // Short (borderless) gates get a row between arrivals, so their content and
            // outgoing edge can sit on the middle row, with the inputs converging on it.
            return h >= 3 ? max(h, k + 2) : (k > h ? max(h, 2 * k - 1) : h)
        }
        inSegs = Array(repeating: [], count: n)
        outSegs = Array(repeating: [], count: n)
        portCount = [Int](repeating: 1, count: n)
        var nextPort = [Int](repeating: 0, count: n)
        for v in 0..<n { portCount[v] = max(1, pred[v].count) }
        // Long edges from one source share their dummies as far as they go together: one
        // line leaves the source and branches where each turns off (they are one net, drawn
        // alike), rather than a row of its own for each through every layer it skips.
        var sharedDummy: [Int: [Int: (dummy: Int, seg: Int)]] = [:]
        for e in edges {
            var chain = [e.from]
            var segs: [Int] = []
            for l in (layerOf[e.from] + 1)..<max(layerOf[e.from] + 1, layerOf[e.to]) {
                if options.shareLongEdges, let shared = sharedDummy[e.from]?[l] {
                    chain.append(shared.dummy)
                    segs.append(shared.seg)
                    continue
                }
                let d = vLayer.count
                vLayer.append(l)
                vHeight.append(1)
                inSegs.append([])
                outSegs.append([])
                portCount.append(1)
                let s = segFrom.count
                segFrom.append(chain[chain.count - 1])
                segTo.append(d)
                segPort.append(0)
                segRow.append(nil)
                outSegs[chain[chain.count - 1]].append(s)
                inSegs[d].append(s)
                segs.append(s)
                // Every long edge from the source passes the layers before this one, so the
                // ones that share a dummy here shared all before it: one trunk.
                sharedDummy[e.from, default: [:]][l] = (d, s)
                chain.append(d)
            }
            chain.append(e.to)
            let s = segFrom.count
            segs.append(s)
            segFrom.append(chain[chain.count - 2])
            segTo.append(e.to)
            segPort.append(nextPort[e.to])
            segRow.append(e.row)
            outSegs[chain[chain.count - 2]].append(s)
            inSegs[e.to].append(s)
            nextPort[e.to] += 1
            chains.append(chain)
            chainSegments.append(segs)
        }
        let layerTotal = (vLayer.max() ?? -1) + 1
        order = Array(repeating: [], count: layerTotal)
        for v in 0..<vLayer.count { order[vLayer[v]].append(v) }
        pos = [Int](repeating: 0, count: vLayer.count)
        refreshPositions()
    }

    mutating func refreshPositions() {
        for layerNodes in order { for (i, v) in layerNodes.enumerated() { pos[v] = i } }
    }

    /// Where, between -0.5 and 0.5 of a slot, an edge arrives at its target: ports
    /// higher up sort higher, so `x` into port 0 and `y` into port 1 do not cross.
    func portFraction(_ seg: Int) -> Double {
        let k = portCount[segTo[seg]]
        return (Double(segPort[seg]) + 0.5) / Double(k) - 0.5
    }

    /// The inputs of a node whose ports are free (`Options.freePorts`, a commutative gate)
    /// arrive in their sources' order, top to bottom: its wires then never cross one
    /// another, and no other crossing changes (wires into different nodes cross or not by
    /// the nodes' order alone), so the count can only fall. A node with an input bound to
    /// a row of its box (`DAGEdge.row`) keeps its order.
    mutating func orderFreePorts() {
        var changed = false
        for v in options.freePorts where v < realCount && inSegs[v].count > 1 && inSegs[v].allSatisfy({ segRow[$0] == nil }) {
            let segs = inSegs[v]
            let ports = segs.map { segPort[$0] }.sorted()
            let bySource = segs.sorted { (pos[segFrom[$0]], segPort[$0]) < (pos[segFrom[$1]], segPort[$1]) }
            for (seg, port) in zip(bySource, ports) where segPort[seg] != port {
                segPort[seg] = port
                changed = true
            }
        }
        if changed { bestCrossings = countCrossings() }
    }

    /// The most nodes (dummies included) for which the ordering is also tried from a
    /// second start; bigger drawings take the id order's alone (each start costs a
    /// full round of sweeps).
    static let largestRestarted = 3_000

    /// Barycentre sweeps and transposition, from the id order and (for drawings up to
    /// `largestRestarted`) from the order a depth-first walk back from the outputs meets
    /// the nodes, inputs in port order: that one draws trees and layered networks as
    /// their definitions read. Keeps the ordering with the fewest crossings; the id
    /// order's among equals. Then the free ports follow their sources (`orderFreePorts`).
    mutating func orderLayers() {
        defer { orderFreePorts() }
        let start = order
        orderFromStart()
        guard bestCrossings > 0, nodeCount <= Self.largestRestarted else { return }
        let first = (order, bestCrossings)
        order = walkOrder(from: start)
        refreshPositions()
        orderFromStart()
        if bestCrossings >= first.1 {
            (order, bestCrossings) = first
            refreshPositions()
        }
    }

    /// Each layer's nodes in the order a depth-first walk meets them, from the sinks
    /// (bottom to top of `start`), through the inputs of each node in port order; nodes
    /// the walk does not reach keep their place after those it does.
    func walkOrder(from start: [[Int]]) -> [[Int]] {
        var rank = [Int](repeating: Int.max, count: nodeCount)
        var next = 0
        var sinks: [Int] = []
        for layer in start.reversed() { sinks += layer.filter { outSegs[$0].isEmpty } }
        // A sink, then its inputs top port first, depth first; then the next sink.
        var pending = Array(sinks.reversed())
        while let v = pending.popLast() {
            guard rank[v] == .max else { continue }
            rank[v] = next
            next += 1
            let inputs = inSegs[v].sorted { segPort[$0] < segPort[$1] }.map { segFrom[$0] }
            for u in inputs.reversed() where rank[u] == .max { pending.append(u) }
        }
        return start.map { layer in
            layer.enumerated().sorted { (rank[$0.element], $0.offset) < (rank[$1.element], $1.offset) }.map(\.element)
        }
    }

    /// Barycentre sweeps, down then up, from the current order; keeps the ordering with
    /// the fewest crossings, then repairs it by transposition.
    private mutating func orderFromStart() {
        // A first down sweep from the start gives the sweeps a sensible start.
        sweep(down: true)
        var best = order
        bestCrossings = countCrossings()
        var sweeps = 0
        var sinceImprovement = 0
        // Up then down, counting once per round; stop after two rounds without progress.
        while sweeps < options.orderingSweeps && bestCrossings > 0 && sinceImprovement < 2 {
            sweep(down: false)
            sweep(down: true)
            let c = countCrossings()
            if c < bestCrossings {
                bestCrossings = c
                best = order
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            sweeps += 1
        }
        order = best
        refreshPositions()
        if bestCrossings > 0 && transpose() {
            bestCrossings = countCrossings()
        }
        keepPinnedSourcesInOrder()
    }

    /// The pinned sources (a graph's inputs) of the first layer in the order they were
    /// given, top to bottom, in the places the ordering chose for them — unless that adds
    /// crossings, which matter more.
    private mutating func keepPinnedSourcesInOrder() {
        guard let first = order.first, !options.pinnedSources.isEmpty else { return }
        let slots = first.indices.filter { options.pinnedSources.contains(first[$0]) }
        let sorted = slots.map { first[$0] }.sorted()
        guard sorted != slots.map({ first[$0] }) else { return }
        let before = order[0]
        for (slot, node) in zip(slots, sorted) { order[0][slot] = node }
        refreshPositions()
        let crossings = countCrossings()
        if crossings > bestCrossings {
            order[0] = before
            refreshPositions()
        } else {
            bestCrossings = crossings
        }
    }

    /// Local repair after the sweeps: swaps neighbours in a layer while that removes
    /// crossings (the "transpose" step of dot). Returns whether anything moved.
    private mutating func transpose() -> Bool {
        let maxPorts = (portCount.max() ?? 1) + 1
        func cost(_ u: Int, above v: Int) -> Int {
            var c = 0
            for su in inSegs[u] { for sv in inSegs[v] where pos[segFrom[su]] > pos[segFrom[sv]] { c += 1 } }
            for su in outSegs[u] {
                let ku = pos[segTo[su]] * maxPorts + segPort[su]
                for sv in outSegs[v] where ku > pos[segTo[sv]] * maxPorts + segPort[sv] { c += 1 }
            }
            return c
        }
        var movedAny = false
        var rounds = 0
        var improved = true
        while improved && rounds < 8 {
            improved = false
            rounds += 1
            for l in 0..<layerCount where order[l].count > 1 {
                for i in 0..<(order[l].count - 1) {
                    let u = order[l][i], v = order[l][i + 1]
                    if cost(v, above: u) < cost(u, above: v) {
                        order[l].swapAt(i, i + 1)
                        pos[u] = i + 1
                        pos[v] = i
                        improved = true
                        movedAny = true
                    }
                }
            }
        }
        return movedAny
    }

    private mutating func sweep(down: Bool) {
        guard layerCount > 1 else { return }
        let layerSeq = down ? Array(1..<layerCount) : Array((0..<(layerCount - 1)).reversed())
        for l in layerSeq {
            var keyed: [(key: Double, pos: Int, node: Int)] = []
            keyed.reserveCapacity(order[l].count)
            for v in order[l] {
                let segs = down ? inSegs[v] : outSegs[v]
                var key = Double(pos[v])
                if !segs.isEmpty {
                    var sum = 0.0
                    for s in segs { sum += down ? Double(pos[segFrom[s]]) : Double(pos[segTo[s]]) + portFraction(s) }
                    key = sum / Double(segs.count)
                }
                keyed.append((key, pos[v], v))
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.pos < $1.pos }
            order[l] = keyed.map(\.node)
            for (i, v) in order[l].enumerated() { pos[v] = i }
        }
    }

    /// Crossings between all adjacent layers: inversions among segments sorted by source.
    func countCrossings() -> Int {
        guard layerCount > 1 else { return 0 }
        let maxPorts = (portCount.max() ?? 1) + 1
        var total = 0
        for l in 0..<(layerCount - 1) {
            var pairs: [(Int, Int)] = []
            for u in order[l] { for s in outSegs[u] { pairs.append((pos[u], pos[segTo[s]] * maxPorts + segPort[s])) } }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var keys = pairs.map(\.1)
            total += Self.inversions(&keys)
        }
        return total
    }

    /// Pairs i < j with a[i] > a[j], by bottom-up merge sort (no recursion).
    static func inversions(_ a: inout [Int]) -> Int {
        let n = a.count
        guard n > 1 else { return 0 }
        var buffer = a
        var count = 0
        var width = 1
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if a[i] <= a[j] { buffer[k] = a[i]; i += 1 } else { buffer[k] = a[j]; count += mid - i; j += 1 }
                    k += 1
                }
                while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
                while j < hi { buffer[k] = a[j]; j += 1; k += 1 }
                lo += 2 * width
            }
            swap(&a, &buffer)
            width *= 2
        }
        return count
    }
}

