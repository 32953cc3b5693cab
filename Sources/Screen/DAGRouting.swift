/// Columns and orthogonal edge routes. Between two layers lies a channel: an edge leaves
/// its source on the source's middle row, runs right to a vertical track, along it to
/// its arrival row, and right again to the target. All edges of one source share its
/// track (they form a tree that joins with ┬ ┤ …); different sources get tracks whose
/// vertical runs never touch, and a source whose row is another's arrival row gets the
/// track further left, so horizontal runs never overlap either. With `turnGaps`, a column
/// between those two tracks that is blank on that row: one wire ending where the next
/// begins on the same row, in adjacent columns (`──┘┌──`), reads as one wire.
extension LayeredGraph {
    struct Geometry: Sendable, Hashable {
        var frames: [Rect]
        var routes: [[Point]]
        var size: Size
    }

    /// A source's bundle of segments in one channel.
    private struct Net {
        var source: Int
        var row: Int
        var lo: Int
        var hi: Int
        var targetRows: [Int]
    }

    /// The rows a track is taken on: a net's vertical run, with the way it turns at each
    /// end (left to its source or right to a target), or a row kept blank (no turns).
    private struct Run {
        enum Turn { case left, right, none }
        var lo: Int
        var hi: Int
        var top = Turn.none
        var bottom = Turn.none

        init(lo: Int, hi: Int) { self.lo = lo; self.hi = hi }

        init(_ net: Net) {
            (lo, hi) = (net.lo, net.hi)
            top = net.lo == net.row ? .left : .right
            bottom = net.hi == net.row ? .left : .right
        }

        /// Whether `other` cannot share this run's track: their rows overlap, or with turn
        /// gaps, one ends right above where the other starts, turning the other way (┘ over
        /// ┌ reads as one wire with a kink; └ over ┌, both turning right, does not).
        func blocks(_ other: Run, turnGaps: Bool) -> Bool {
            if !(hi < other.lo || lo > other.hi) { return true }
            guard turnGaps else { return false }
            func opposite(_ a: Turn, _ b: Turn) -> Bool { a != .none && b != .none && a != b }
            return (hi + 1 == other.lo && opposite(bottom, other.top)) || (other.hi + 1 == lo && opposite(other.bottom, top))
        }
    }

    func route(turnGaps: Bool) -> Geometry {
        let gap = max(2, options.minimumChannelWidth)
        var columnWidth = [Int](repeating: 1, count: layerCount)
        for l in 0..<layerCount {
            for v in order[l] where !isDummy(v) { columnWidth[l] = max(columnWidth[l], sizes[v].width) }
        }
        // Tracks per channel: track index (within its channel) of each source, -1 if straight.
        var track = [Int](repeating: -1, count: nodeCount)
        var channelWidth = [Int](repeating: gap, count: max(0, layerCount - 1))
        var trackStart = [Int](repeating: 1, count: max(0, layerCount - 1))
        for l in 0..<max(0, layerCount - 1) {
            let used = assignTracks(layer: l, track: &track, turnGaps: turnGaps)
            channelWidth[l] = max(gap, used + 3)
            // A borderless gate's inputs converge in the column before it (┐├┘): with turn
            // gaps, a blank column between that and the tracks, or a wire ending on the
            // gate's row at the last track would seem to enter it (w2 ──┤├ (w1·x21)).
            if turnGaps && used > 0 {
                let converging = order[l + 1].filter { !isDummy($0) && sizes[$0].height < 3 && vHeight[$0] > sizes[$0].height }
                let lastTrackRows = order[l].filter { track[$0] == used - 1 }.map { y[$0] + outPortOffset($0) }
                if lastTrackRows.contains(where: { row in converging.contains { y[$0] <= row && row < y[$0] + vHeight[$0] } }) {
                    channelWidth[l] = max(channelWidth[l], used + 4)
                }
            }
            // Room for a label between the tracks and the arrowheads of the next layer.
            let label = order[l + 1].lazy.filter { !self.isDummy($0) }.map { self.options.incomingLabelWidths[$0] ?? 0 }.max() ?? 0
            if label > 0 { channelWidth[l] = max(channelWidth[l], 2 + used + 1 + label + 2) }
            // Two columns of stub before the first track when near the sources, so the
            // corner never touches the source's box.
            trackStart[l] = options.tracksNearSources ? 2 : max(1, (channelWidth[l] - used - 1) / 2)
        }
        var columnX = [Int](repeating: 0, count: layerCount)
        for l in 1..<max(1, layerCount) { columnX[l] = columnX[l - 1] + columnWidth[l - 1] + channelWidth[l - 1] }
        func frame(_ v: Int) -> Rect {
            let l = vLayer[v]
            let w = isDummy(v) ? columnWidth[l] : sizes[v].width  // height: vHeight, maybe grown
            return Rect(x: columnX[l], y: y[v], width: w, height: vHeight[v])
        }
        let frames = (0..<realCount).map(frame)
        var routes: [[Point]] = []
        routes.reserveCapacity(chains.count)
        for (e, chain) in chains.enumerated() {
            var points: [Point] = []
            for k in 0..<(chain.count - 1) {
                let a = chain[k], b = chain[k + 1]
                let seg = chainSegments[e][k]
                let fa = frame(a), fb = frame(b)
                let from = Point(x: fa.maxX, y: fa.y + outPortOffset(a))
                let to = Point(x: fb.x - 1, y: fb.y + inPortOffset(seg))
                points.append(from)
                if from.y != to.y {
                    let l = vLayer[a]
                    let tx = columnX[l] + columnWidth[l] + trackStart[l] + max(0, track[a])
                    points.append(Point(x: tx, y: from.y))
                    points.append(Point(x: tx, y: to.y))
                }
                points.append(to)
                if isDummy(b) { points.append(Point(x: fb.maxX - 1, y: to.y)) }
            }
            routes.append(Self.simplified(points))
        }
        let width = layerCount == 0 ? 0 : columnX[layerCount - 1] + columnWidth[layerCount - 1]
        var height = 0
        for v in 0..<nodeCount { height = max(height, y[v] + vHeight[v]) }
        return Geometry(frames: frames, routes: routes, size: Size(width: width, height: height))
    }

    /// Assigns tracks to the sources of layer `l`; returns how many tracks the channel uses.
    private func assignTracks(layer l: Int, track: inout [Int], turnGaps: Bool) -> Int {
        var nets: [Net] = []
        var netOfSourceRow: [Int: Int] = [:]
        for u in order[l] where !outSegs[u].isEmpty {
            let row = y[u] + outPortOffset(u)
            let targets = outSegs[u].map { y[segTo[$0]] + inPortOffset($0) }
            if targets.allSatisfy({ $0 == row }) { continue }  // straight: no track
            netOfSourceRow[row] = nets.count
            nets.append(Net(source: u, row: row, lo: min(row, targets.min() ?? row),
                            hi: max(row, targets.max() ?? row), targetRows: targets))
        }
        guard !nets.isEmpty else { return 0 }
        // "a before b": a's source row is one of b's arrival rows, so a's track must lie left.
        var after = [[Int]](repeating: [], count: nets.count)
        var blockers = [Int](repeating: 0, count: nets.count)
        for (b, net) in nets.enumerated() {
            for t in Set(net.targetRows) {
                if let a = netOfSourceRow[t], a != b {
                    after[a].append(b)
                    blockers[b] += 1
                }
            }
        }
        // Topological order of that relation, earliest-starting first; cycles (rare:
        // two sources each arriving at the other's row) are broken by start row.
        var remaining = Set(0..<nets.count)
        var ready = nets.indices.filter { blockers[$0] == 0 }
        var minTrack = [Int](repeating: 0, count: nets.count)
        var intervals: [[Run]] = []
        while !remaining.isEmpty {
            if ready.isEmpty, let pick = remaining.min(by: { (nets[$0].lo, $0) < (nets[$1].lo, $1) }) { ready = [pick] }
            ready.sort { (nets[$0].lo, nets[$0].hi, $0) < (nets[$1].lo, nets[$1].hi, $1) }
            let a = ready.removeFirst()
            guard remaining.remove(a) != nil else { continue }
            // With a gap to keep (a wire turns onto a's row further right), the next track
            // must be free on that row too.
            let gapRow = turnGaps && !after[a].isEmpty ? nets[a].row : nil
            let run = Run(nets[a])
            func taken(_ t: Int) -> Bool {
                guard t < intervals.count else { return false }
                if intervals[t].contains(where: { $0.blocks(run, turnGaps: turnGaps) }) { return true }
                guard let row = gapRow, t + 1 < intervals.count else { return false }
                return intervals[t + 1].contains { $0.lo <= row && row <= $0.hi }
            }
            var t = minTrack[a]
            while taken(t) { t += 1 }
            while t >= intervals.count { intervals.append([]) }
            intervals[t].append(run)
            track[nets[a].source] = t
            if let row = gapRow {
                // The gap on a's row stays blank: another wire's vertical there (┤│└) would
                // join the two as much as no gap.
                while t + 1 >= intervals.count { intervals.append([]) }
                intervals[t + 1].append(Run(lo: row, hi: row))
            }
            for b in after[a] {
                minTrack[b] = max(minTrack[b], t + (turnGaps ? 2 : 1))
                blockers[b] -= 1
                if blockers[b] == 0 && remaining.contains(b) { ready.append(b) }
            }
        }
        return intervals.count
    }

    /// Drops repeated points and points in the middle of a straight run.
    static func simplified(_ points: [Point]) -> [Point] {
        var out: [Point] = []
        for p in points {
            if out.last == p { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) { out[out.count - 1] = p; continue }
            }
            out.append(p)
        }
        return out
    }
}
