/// Row assignment: each node is pulled towards the rows that make its edges straight,
/// and the boxes of a layer are kept in order and apart (an exact weighted least-squares
/// fit under ordering constraints, solved by pool-adjacent-violators).
extension LayeredGraph {
    /// The row, within a node, where its outgoing edges leave (the middle).
    func outPortOffset(_ v: Int) -> Int { vHeight[v] / 2 }

    /// The row, within a node, where the segment `seg` arrives. Ports spread over the
    /// inner rows of a bordered box (height ≥ 3), or over all rows when there are more
    /// inputs than inner rows; only when a node has more inputs than rows do they share.
    func inPortOffset(_ seg: Int) -> Int {
        let v = segTo[seg]
        if isDummy(v) { return 0 }
        if let row = segRow[seg] { return min(max(0, row), vHeight[v] - 1) }
        return Self.portRow(port: segPort[seg], of: portCount[v], height: vHeight[v])
    }

    static func portRow(port: Int, of k: Int, height h: Int) -> Int {
        let m = h - 2
        if h >= 3 && k <= m { return 1 + ((2 * port + 1) * m) / (2 * k) }
        if k <= h { return ((2 * port + 1) * h) / (2 * k) }
        return port * h / k
    }

    mutating func assignRows() {
        let gap = max(0, options.nodeSpacing)
        y = [Int](repeating: 0, count: nodeCount)
        var fy = [Double](repeating: 0, count: nodeCount)
        for layerNodes in order {
            var top = 0
            for v in layerNodes { fy[v] = Double(top); top += vHeight[v] + gap }
        }
        func align(_ l: Int, down: Bool) {
            let nodes = order[l]
            var desired = [Double](repeating: 0, count: nodes.count)
            var weight = [Double](repeating: 0, count: nodes.count)
            for (i, v) in nodes.enumerated() {
                let segs = down ? inSegs[v] : outSegs[v]
                if segs.isEmpty {
                    desired[i] = fy[v]
                    weight[i] = 0.01  // free to move, but stays put when nothing pulls
                    continue
                }
                var sum = 0.0
                for s in segs {
                    let a = segFrom[s], b = segTo[s]
                    sum += down
                        ? fy[a] + Double(outPortOffset(a) - inPortOffset(s))
                        : fy[b] + Double(inPortOffset(s) - outPortOffset(a))
                }
                desired[i] = sum / Double(segs.count)
                // Long edges (dummies) weigh more: straight long lines read best.
                weight[i] = Double(segs.count) * (isDummy(v) ? 4 : 1)
            }
            let rows = Self.orderedFit(desired: desired, weight: weight,
                                       separation: nodes.map { Double(vHeight[$0] + gap) })
            for (i, v) in nodes.enumerated() { fy[v] = rows[i] }
        }
        if layerCount > 1 {
            for _ in 0..<max(0, options.alignmentPasses) {
                for l in 1..<layerCount { align(l, down: true) }
                for l in (0..<(layerCount - 1)).reversed() { align(l, down: false) }
            }
            for l in 1..<layerCount { align(l, down: true) }
        }
        // Whole rows, still apart; then the drawing starts at row 0.
        for layerNodes in order {
            var next = Int.min
            for v in layerNodes {
                let r = max(Int(fy[v].rounded()), next)
                y[v] = r
                next = r + vHeight[v] + gap
            }
        }
        breakRoutingCycles()
        let top = y.min() ?? 0
        for v in 0..<nodeCount { y[v] -= top }
        if options.compactHeight { raiseHangingLayers(gap: gap) }
    }

    /// Moves the boxes of each layer that reaches below the tallest layer's stack up from
    /// the bottom, each no further than it overhangs (`Options.compactHeight`): the
    /// alignment may hang a box below all the others to straighten one edge. Rows within
    /// a layer keep their order and gaps at least; only the bends of the edges change.
    mutating func raiseHangingLayers(gap: Int) {
        let needed = order.map { nodes in nodes.reduce(0) { $0 + vHeight[$1] } + gap * max(0, nodes.count - 1) }.max() ?? 0
        var moved = false
        for nodes in order {
            var floor = needed
            for v in nodes.reversed() {
                let top = min(y[v], floor - vHeight[v])
                if top < y[v] { y[v] = top; moved = true }
                floor = y[v] - gap
            }
        }
        guard moved else { return }
        breakRoutingCycles()
        let top = y.min() ?? 0
        for v in 0..<nodeCount { y[v] -= top }
    }

    /// Routing needs, in each channel, a source whose row is another's arrival row to
    /// take the track further left. When two sources each arrive on the other's row
    /// (they swap rows; longer cycles likewise), no track order works and their lines
    /// would run along each other. Such exact coincidences come from the alignment
    /// itself, so one row of difference undoes them: move one source of the cycle (and
    /// whatever is below it in its layer) down a row. Repeats a few times, since the
    /// move may create a coincidence elsewhere; the router copes with any that remain.
    mutating func breakRoutingCycles() {
        guard layerCount > 1 else { return }
        for _ in 0..<4 {
            var moved = false
            for l in 0..<(layerCount - 1) {
                guard let stuck = routingCycleMember(layer: l) else { continue }
                let from = pos[stuck]
                for v in order[l][from...] { y[v] += 1 }
                moved = true
            }
            if !moved { return }
        }
    }

    /// A source of layer `l` caught in a cycle of "must be left of" (see above), or nil.
    func routingCycleMember(layer l: Int) -> Int? {
        var sourceAt: [Int: Int] = [:]
        var bent: [Int] = []
        for u in order[l] where !outSegs[u].isEmpty {
            let row = y[u] + outPortOffset(u)
            if outSegs[u].allSatisfy({ y[segTo[$0]] + inPortOffset($0) == row }) { continue }
            sourceAt[row] = u
            bent.append(u)
        }
        guard bent.count > 1 else { return nil }
        // a → b: a must lie left of b (a's row is one of b's arrival rows).
        var next: [Int: [Int]] = [:]
        var blockers: [Int: Int] = [:]
        for b in bent {
            for s in outSegs[b] {
                if let a = sourceAt[y[segTo[s]] + inPortOffset(s)], a != b {
                    next[a, default: []].append(b)
                    blockers[b, default: 0] += 1
                }
            }
        }
        guard !blockers.isEmpty else { return nil }
        var ready = bent.filter { blockers[$0, default: 0] == 0 }
        var done = 0
        while let a = ready.popLast() {
            done += 1
            for b in next[a, default: []] {
                blockers[b, default: 0] -= 1
                if blockers[b, default: 0] == 0 { ready.append(b) }
            }
        }
        guard done < bent.count else { return nil }
        // The lowest node still blocked: moving it down disturbs the fewest others.
        return bent.last { blockers[$0, default: 0] > 0 }
    }

    /// Rows as close as possible (weighted squares) to `desired`, in order, each at
    /// least `separation[i]` below the previous one.
    static func orderedFit(desired: [Double], weight: [Double], separation: [Double]) -> [Double] {
        let n = desired.count
        guard n > 0 else { return [] }
        // Shift out the separations: z[i] = row[i] - offset[i] must be non-decreasing.
        var offset = [Double](repeating: 0, count: n)
        for i in 1..<max(1, n) { offset[i] = offset[i - 1] + separation[i - 1] }
        var blockValue: [Double] = []
        var blockWeight: [Double] = []
        var blockCount: [Int] = []
        for i in 0..<n {
            var v = desired[i] - offset[i], w = weight[i], c = 1
            while let last = blockValue.last, last > v {
                let lw = blockWeight.removeLast()
                let lc = blockCount.removeLast()
                blockValue.removeLast()
                v = (last * lw + v * w) / (lw + w)
                w += lw
                c += lc
            }
            blockValue.append(v)
            blockWeight.append(w)
            blockCount.append(c)
        }
        var out: [Double] = []
        out.reserveCapacity(n)
        for (b, v) in blockValue.enumerated() {
            for _ in 0..<blockCount[b] { out.append(v + offset[out.count]) }
        }
        return out
    }
}
