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
        /// Whether, without turn gaps, some channel has a column kept where a wire would end
        /// beside a gate it does not feed (`besideOtherGates`).
        var keepsWiresApart = false
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

    /// `besideOtherGates`: without turn gaps, a blank column still where a wire on the last
    /// track ends on the row of a gate it does not feed.
    func route(turnGaps: Bool, besideOtherGates: Bool = true) -> Geometry {
        let gap = max(2, options.minimumChannelWidth)
        var columnWidth = [Int](repeating: 1, count: layerCount)
        for l in 0..<layerCount {
            for v in order[l] where !isDummy(v) { columnWidth[l] = max(columnWidth[l], sizes[v].width) }
        }
        // Tracks per channel: track index (within its channel) of each source, -1 if straight.
        var track = [Int](repeating: -1, count: nodeCount)
        var channelWidth = [Int](repeating: gap, count: max(0, layerCount - 1))
        var trackStart = [Int](repeating: 1, count: max(0, layerCount - 1))
        var keepsWiresApart = false
        for l in 0..<max(0, layerCount - 1) {
            // A borderless gate's inputs converge in the column before it (┐├┘): with turn
            // gaps, a blank column between that and the tracks, or a wire ending on the
            // gate's rows at the last track would seem to enter it (w2 ──┤├ (w1·x21)).
            // Without them, only where it ends on the row of a gate it does not feed:
            // `x2 ──┤├ (w21·x1)` reads as x2 into that gate.
            let converging = order[l + 1].filter { !isDummy($0) && sizes[$0].height < 3 && vHeight[$0] > sizes[$0].height }
            func meetsAGate(_ u: Int) -> Bool {
                let row = y[u] + outPortOffset(u)
                return converging.contains { gate in
                    turnGaps ? y[gate] <= row && row < y[gate] + vHeight[gate]
                        : besideOtherGates && row == y[gate] + outPortOffset(gate) && !outSegs[u].contains { segTo[$0] == gate }
                }
            }
            let used = assignTracks(layer: l, track: &track, turnGaps: turnGaps, lastTrackMeets: meetsAGate)
            channelWidth[l] = max(gap, used + 3)
            if used > 0 && order[l].contains(where: { track[$0] == used - 1 && meetsAGate($0) }) {
                channelWidth[l] = max(channelWidth[l], used + 4)
                if !turnGaps { keepsWiresApart = true }
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
        return Geometry(frames: frames, routes: routes, size: Size(width: width, height: height), keepsWiresApart: keepsWiresApart)
    }

    /// Assigns tracks to the sources of layer `l`; returns how many tracks the channel uses.
    /// `lastTrackMeets(source)`: whether the wire from `source`, on the last track, would end
    /// beside a gate's inputs converging (the channel is then one wider).
    private func assignTracks(layer l: Int, track: inout [Int], turnGaps: Bool, lastTrackMeets: (Int) -> Bool) -> Int {
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
        var owners: [[Int?]] = []  // beside `intervals`: each run's net (nil: a gap kept blank)
        var netTrack = [Int](repeating: 0, count: nets.count)
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
            while t >= intervals.count { intervals.append([]); owners.append([]) }
            intervals[t].append(run)
            owners[t].append(a)
            netTrack[a] = t
            if let row = gapRow {
                // The gap on a's row stays blank: another wire's vertical there (┤│└) would
                // join the two as much as no gap.
                while t + 1 >= intervals.count { intervals.append([]); owners.append([]) }
                intervals[t + 1].append(Run(lo: row, hi: row))
                owners[t + 1].append(nil)
            }
            for b in after[a] {
                minTrack[b] = max(minTrack[b], t + (turnGaps ? 2 : 1))
                blockers[b] -= 1
                if blockers[b] == 0 && remaining.contains(b) { ready.append(b) }
            }
        }
        uncross(nets, after: after, tracks: &netTrack, intervals: &intervals, owners: &owners, turnGaps: turnGaps,
                lastTrackMeets: lastTrackMeets)
        for (a, net) in nets.enumerated() { track[net.source] = netTrack[a] }
        return intervals.count
    }

    /// The most nets in a channel whose tracks `uncross` reorders (it weighs each pair of
    /// nets against every other: cubic).
    static let largestUncrossed = 48

    /// Swaps the tracks of two nets where that makes fewer of the channel's wires cross and
    /// every run still fits its track: the packing above puts the net that starts higher
    /// on the track further left, which makes two nets bound the same way (down into a
    /// sum's ports, both) cross twice, where the other way round they do not cross at all.
    /// A swap keeps whether a wire on the last track ends beside a gate's inputs (that
    /// decides the channel's width).
    private func uncross(_ nets: [Net], after: [[Int]], tracks: inout [Int], intervals: inout [[Run]],
                         owners: inout [[Int?]], turnGaps: Bool, lastTrackMeets: (Int) -> Bool) {
        guard options.uncrossTracks, nets.count > 1, nets.count <= Self.largestUncrossed else { return }
        // Crossings of `l`'s wires with `r`'s, `l` on a track left of `r`'s: `r`'s run from
        // its source passes `l`'s upright; `l`'s runs to its targets pass `r`'s.
        let targetRows = nets.map { Array(Set($0.targetRows)) }
        func crossings(_ l: Int, _ r: Int) -> Int {
            let (left, right) = (nets[l], nets[r])
            var count = left.lo < right.row && right.row < left.hi ? 1 : 0
            for row in targetRows[l] where right.lo < row && row < right.hi { count += 1 }
            return count
        }
        func pairCost(_ a: Int, _ b: Int) -> Int {
            tracks[a] == tracks[b] ? 0 : tracks[a] < tracks[b] ? crossings(a, b) : crossings(b, a)
        }
        let step = turnGaps ? 2 : 1
        let orderings = after.enumerated().flatMap { a, later in later.map { (a, $0) } }
        func fits(_ net: Int, on t: Int, without other: Int) -> Bool {
            let run = Run(nets[net])
            return !zip(intervals[t], owners[t]).contains { $0.1 != other && $0.0.blocks(run, turnGaps: turnGaps) }
        }
        for _ in 0..<4 {
            var improved = false
            for a in nets.indices where after[a].isEmpty {
                for b in nets.indices where b != a && after[b].isEmpty && tracks[a] < tracks[b] {
                    let (ta, tb) = (tracks[a], tracks[b])
                    let last = intervals.count - 1
                    guard fits(a, on: tb, without: b), fits(b, on: ta, without: a),
                          tb != last || lastTrackMeets(nets[a].source) == lastTrackMeets(nets[b].source)
                            || nets.indices.contains(where: { $0 != b && tracks[$0] == last && lastTrackMeets(nets[$0].source) }) else { continue }
                    func cost() -> Int {
                        nets.indices.reduce(0) { $0 + ($1 == a ? 0 : pairCost(a, $1)) + ($1 == a || $1 == b ? 0 : pairCost(b, $1)) }
                    }
                    let before = cost()
                    (tracks[a], tracks[b]) = (tb, ta)
                    let now = cost()
                    guard now < before, orderings.allSatisfy({ tracks[$0.0] + step <= tracks[$0.1] }) else {
                        (tracks[a], tracks[b]) = (ta, tb)
                        continue
                    }
                    for (t, net, other) in [(ta, a, b), (tb, b, a)] {
                        let k = owners[t].firstIndex { $0 == net } ?? 0
                        intervals[t][k] = Run(nets[other])
                        owners[t][k] = other
                    }
                    improved = true
                }
            }
            if !improved { break }
        }
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
