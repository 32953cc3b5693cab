/// A wide layered drawing folded into two bands, one above the other, so that a long
/// chain fits a screen that is tall enough: the layers left of a cut stay where they are;
/// the rest move below them, shifted left. Each edge that crosses the cut starts again in
/// the lower band from a *stub*, a copy of its source's box at the band's left, on the
/// target's arrival row (`─▶` straight into it). Only cuts where every crossing edge ends
/// in the first layer after the cut, or has a clear run on its arrival row to a later one
/// (crossing at most the upright wires between), are used.
public struct DAGFold: Sendable, Hashable {
    /// The folded drawing: the original nodes, then one stub per crossing edge (but for the
    /// edges of a source moved below that start from it, `movedBelow`).
    public let layout: DAGLayout
    /// For each stub (layout node `layout.frames.count - stubs.count + k`), the node whose box it repeats.
    public let stubs: [Int]
    /// The sources moved into the lower band: every edge of theirs crossed the cut, so in
    /// the upper band they would stand with no wire; each sits where its first stub would,
    /// and its other wires branch off its own where no other stub's row lies between
    /// (else they start from stubs).
    public let movedBelow: Set<Int>
    /// The layer the lower band starts at.
    public let cut: Int

    /// Rows between the bands.
    static let gap = 0

    /// The layers a fold of `layout` can cut before, best-balanced first: the cuts where
    /// every edge that crosses ends in the first layer after it or has a clear run to a
    /// later one (`runsStraight`), and that narrow the
    /// drawing, by the wider band's width. `stubWidths[node]`, where given, is the width of
    /// a stub repeating `node` (one that shows more than the node's own box, such as its
    /// name); else the box's width. `runWidths[node]`, where given, is the columns the
    /// stubs' wires into `node` need (room for a label on them), where more than `channel`.
    /// `after`: a folded layout's cut; only later layers are cut again (its lower band
    /// folded into two), the band's width measured from its own nodes.
    public static func cuts(_ layout: DAGLayout, channel: Int, stubWidths: [Int] = [], runWidths: [Int: Int] = [:],
                            after folded: Int? = nil) -> [Int] {
        func stubWidth(_ node: Int) -> Int { DAGFold.stubWidth(of: node, in: layout, stubWidths) }
        let layerCount = (layout.layer.max() ?? 0) + 1
        guard layerCount >= 2 else { return [] }
        // Each layer's columns.
        var lo = [Int](repeating: Int.max, count: layerCount), hi = [Int](repeating: 0, count: layerCount)
        for (node, frame) in layout.frames.enumerated() {
            lo[layout.layer[node]] = min(lo[layout.layer[node]], frame.x)
            hi[layout.layer[node]] = max(hi[layout.layer[node]], frame.maxX)
        }
        var candidates: [(cut: Int, width: Int)] = []
        let firstCut = (folded ?? 0) + 1
        for cut in firstCut..<max(firstCut, layerCount) where lo[cut] != Int.max {
            let crossing = layout.edges.indices.filter { layout.layer[layout.edges[$0].from] < cut && layout.layer[layout.edges[$0].to] >= cut }
            guard crossing.allSatisfy({ runsStraight(edge: $0, in: layout, cut: cut, from: lo[cut]) }) else { continue }
            let widestStub = crossing.map { stubWidth(layout.edges[$0].from) }.max() ?? 0
            let left = hi[..<cut].max() ?? 0
            // (A folded layout's upper band may be the wider: the part cut off ends at its own nodes.)
            let end = folded == nil ? layout.size.width : hi[cut...].max() ?? 0
            let right = end - lo[cut] + widestStub + stubChannel(channel, crossing, layout, runWidths)
            let width = max(left, right)
            if width < layout.size.width { candidates.append((cut, width)) }
        }
        return candidates.sorted { ($0.width, $0.cut) < ($1.width, $1.cut) }.map(\.cut)
    }

    /// The fold of `layout` before layer `cut`, by default the one that best balances the
    /// bands' widths (`cuts`); `nil` when no cut narrows it (one layer, or every cut
    /// crosses an edge into a later layer), or `cut` is not one of them. `after`: as in `cuts`.
    public init?(_ layout: DAGLayout, channel: Int, stubWidths: [Int] = [], runWidths: [Int: Int] = [:], cut: Int? = nil,
                 after folded: Int? = nil) {
        let cuts = DAGFold.cuts(layout, channel: channel, stubWidths: stubWidths, runWidths: runWidths, after: folded)
        guard let cut = cut ?? cuts.first, cuts.contains(cut) else { return nil }
        self.init(layout, channel: channel, stubWidths: stubWidths, runWidths: runWidths, oneLine: false, at: cut)
    }

    /// The folds of `layout` at its `limit` best cuts (`cuts`), best-balanced first.
    /// `oneLine`: every node is one line of text at its frame's middle row, as `DAGView`
    /// draws a borderless one-line box (a gate's frame grows for its inputs' rows); the
    /// bands then meet at their text, not at the blank rows of such a frame.
    public static func folds(of layout: DAGLayout, channel: Int, stubWidths: [Int] = [], runWidths: [Int: Int] = [:], oneLine: Bool = false,
                             after folded: Int? = nil, limit: Int) -> [DAGFold] {
        cuts(layout, channel: channel, stubWidths: stubWidths, runWidths: runWidths, after: folded).prefix(limit).map {
            DAGFold(layout, channel: channel, stubWidths: stubWidths, runWidths: runWidths, oneLine: oneLine, at: $0)
        }
    }

    /// Whether edge `e`'s stub can run straight into its target from column `x`, the left
    /// edge of the cut's layer: the edge ends in that layer, or on its arrival row the run
    /// meets no box of the lower band and no wire running along that row; it may cross a
    /// wire that runs up or down, as the unfolded drawing's long edges do (`┿`).
    private static func runsStraight(edge e: Int, in layout: DAGLayout, cut: Int, from x: Int) -> Bool {
        let edge = layout.edges[e]
        guard layout.layer[edge.to] != cut else { return true }
        guard let end = layout.routes[e].last else { return false }
        let run = x..<end.x
        func overlaps(_ span: ClosedRange<Int>) -> Bool { span.lowerBound < run.upperBound && run.lowerBound <= span.upperBound }
        for (node, frame) in layout.frames.enumerated() where node != edge.to && layout.layer[node] >= cut {
            if (frame.y..<frame.maxY).contains(end.y), overlaps(frame.x...max(frame.x, frame.maxX - 1)) { return false }
        }
        for (other, route) in layout.routes.enumerated() where layout.layer[layout.edges[other].from] >= cut {
            for (a, b) in zip(route, route.dropFirst()) where a.y == end.y && b.y == end.y {
                if overlaps(min(a.x, b.x)...max(a.x, b.x)) { return false }
            }
        }
        return true
    }

    /// The columns between the stubs and the lower band's first layer: `channel`, or more
    /// where a crossing edge's target asks for it (`runWidths`).
    private static func stubChannel(_ channel: Int, _ crossing: [Int], _ layout: DAGLayout, _ runWidths: [Int: Int]) -> Int {
        crossing.reduce(channel) { max($0, runWidths[layout.edges[$1].to] ?? 0) }
    }

    /// How many of `rows` (sorted) lie in `range`: two binary searches, as a source may
    /// have thousands of wires across the fold (`max(x, x, …)`).
    private static func count(of rows: [Int], in range: Range<Int>) -> Int {
        func firstIndex(notBelow value: Int) -> Int {
            var (lo, hi) = (0, rows.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if rows[mid] < value { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return range.isEmpty ? 0 : firstIndex(notBelow: range.upperBound) - firstIndex(notBelow: range.lowerBound)
    }

    /// A stub's width: `stubWidths[node]` where given, else the node's box's.
    private static func stubWidth(of node: Int, in layout: DAGLayout, _ stubWidths: [Int]) -> Int {
        stubWidths.indices.contains(node) ? stubWidths[node] : layout.frames[node].width
    }

    /// The fold before layer `cut`, one of `cuts`.
    private init(_ layout: DAGLayout, channel: Int, stubWidths: [Int], runWidths: [Int: Int], oneLine: Bool, at cut: Int) {
        func stubWidth(_ node: Int) -> Int { DAGFold.stubWidth(of: node, in: layout, stubWidths) }
        var lo = Int.max
        for (node, frame) in layout.frames.enumerated() where layout.layer[node] == cut { lo = min(lo, frame.x) }
        let crossing = Set(layout.edges.indices.filter { layout.layer[layout.edges[$0].from] < cut && layout.layer[layout.edges[$0].to] >= cut })
        let widest = crossing.map { stubWidth(layout.edges[$0].from) }.max() ?? 0
        var fedBy = [Bool](repeating: false, count: layout.frames.count)
        var staysAbove = [Bool](repeating: false, count: layout.frames.count)
        for (e, edge) in layout.edges.enumerated() {
            fedBy[edge.to] = true
            if !crossing.contains(e) { staysAbove[edge.from] = true }
        }
        let moved = Set(crossing.map { layout.edges[$0].from }.filter { !fedBy[$0] && !staysAbove[$0] })
        // The upper band's rows: from its highest node or route (moved up to row 0) to its lowest.
        var upperTop = Int.max, upperBottom = 0
        // The rows a node draws on: a one-line node's text row (its frame's blank rows may
        // overlap the other band's), else its whole frame.
        func drawnRows(_ frame: Rect) -> Range<Int> {
            oneLine ? frame.y + (frame.height - 1) / 2 ..< frame.y + (frame.height - 1) / 2 + 1 : frame.y..<frame.maxY
        }
        for (node, frame) in layout.frames.enumerated() where layout.layer[node] < cut && !moved.contains(node) {
            upperTop = min(upperTop, frame.y)
            upperBottom = max(upperBottom, drawnRows(frame).upperBound)
        }
        for (e, route) in layout.routes.enumerated() where layout.layer[layout.edges[e].to] < cut {
            upperTop = min(upperTop, route.map(\.y).min() ?? Int.max)
            upperBottom = max(upperBottom, (route.map(\.y).max() ?? 0) + 1)
        }
        let up = upperTop == Int.max ? 0 : upperTop
        let upperHeight = upperBottom - up
        // The lower band's top: its highest node or route, moved to just below the gap.
        var lowerTop = Int.max
        for (node, frame) in layout.frames.enumerated() where layout.layer[node] >= cut { lowerTop = min(lowerTop, drawnRows(frame).lowerBound) }
        for (e, route) in layout.routes.enumerated() where layout.layer[layout.edges[e].to] >= cut {
            // A crossing edge keeps only its arrival row.
            let rows = layout.layer[layout.edges[e].from] >= cut ? route.map(\.y) : route.last.map { [$0.y] } ?? []
            lowerTop = min(lowerTop, rows.min() ?? Int.max)
        }
        let dx = widest + DAGFold.stubChannel(channel, Array(crossing), layout, runWidths) - lo
        let dy = upperHeight + DAGFold.gap - (lowerTop == Int.max ? 0 : lowerTop)
        var frames = layout.frames.enumerated().map { node, frame in
            layout.layer[node] < cut ? frame.offsetBy(dx: 0, dy: -up) : frame.offsetBy(dx: dx, dy: dy)
        }
        var edges = layout.edges
        var routes = layout.routes
        var layers = layout.layer
        var stubs: [Int] = []
        var placed: [Int: Point] = [:]  // a moved source: where its wire starts
        // The lower band's rows where a crossing edge arrives, sorted: all, and by source.
        var arrivalRows: [Int] = [], arrivalRowsBySource: [Int: [Int]] = [:]
        for e in crossing {
            guard let end = layout.routes[e].last else { continue }
            arrivalRows.append(end.y + dy)
            arrivalRowsBySource[layout.edges[e].from, default: []].append(end.y + dy)
        }
        arrivalRows.sort()
        for source in arrivalRowsBySource.keys { arrivalRowsBySource[source]?.sort() }
        for (e, route) in layout.routes.enumerated() {
            let edge = layout.edges[e]
            if layout.layer[edge.from] >= cut {
                routes[e] = route.map { Point(x: $0.x + dx, y: $0.y + dy) }
            } else if layout.layer[edge.to] < cut {
                routes[e] = route.map { Point(x: $0.x, y: $0.y - up) }
            } else if layout.layer[edge.to] >= cut, let end = route.last {
                // From a stub of the source, straight into the target's arrival row.
                let row = end.y + dy
                if moved.contains(edge.from) {
                    guard let start = placed[edge.from] else {
                        // The source itself, where its first stub would be.
                        let width = layout.frames[edge.from].width
                        frames[edge.from] = Rect(x: widest - width, y: row, width: width, height: 1)
                        layers[edge.from] = cut - 1
                        placed[edge.from] = Point(x: widest, y: row)
                        routes[e] = [Point(x: widest, y: row), Point(x: end.x + dx, y: row)]
                        continue
                    }
                    // Its other wires branch off its own (`┬`, `├`) where no other stub's
                    // row lies between: the source is drawn once, not again as a stub.
                    let between = min(start.y, row) + 1 ..< max(start.y, row)
                    let own = DAGFold.count(of: arrivalRowsBySource[edge.from] ?? [], in: between)
                    if DAGFold.count(of: arrivalRows, in: between) == own {
                        let arrival = Point(x: end.x + dx, y: row)
                        routes[e] = row == start.y ? [start, arrival] : [start, Point(x: start.x, y: row), arrival]
                        continue
                    }
                }
                let width = stubWidth(edge.from)
                let stub = Rect(x: widest - width, y: row, width: width, height: 1)
                stubs.append(edge.from)
                edges[e] = DAGEdge(from: frames.count, to: edge.to)
                frames.append(stub)
                layers.append(cut - 1)
                routes[e] = [Point(x: stub.maxX, y: row), Point(x: end.x + dx, y: row)]
            }
        }
        let width = max(frames.map(\.maxX).max() ?? 0, routes.flatMap { $0.map { $0.x + 1 } }.max() ?? 0)
        let height = max(frames.map(\.maxY).max() ?? 0, routes.flatMap { $0.map { $0.y + 1 } }.max() ?? 0)
        self.layout = DAGLayout(frames: frames, edges: edges, routes: routes, layer: layers, crossings: layout.crossings,
                                size: Size(width: width, height: height))
        self.stubs = stubs
        movedBelow = moved
        self.cut = cut
    }
}
