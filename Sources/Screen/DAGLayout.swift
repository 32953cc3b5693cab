/// One edge of a graph to lay out: from the node `from` into the node `to`. Order matters:
/// a node's incoming edges get their arrival rows (ports) top to bottom in edge order, and
/// the same pair may appear twice (`x*x`), each drawn as its own arrow.
public struct DAGEdge: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// The row of the target's box (0 its top) where the edge arrives, when it must be
    /// that one (a box of several lines, the edge meaning one of them); `nil` for the
    /// even spread of ports.
    public var row: Int?
    public init(from: Int, to: Int, row: Int? = nil) { self.from = from; self.to = to; self.row = row }
}

/// Why a graph cannot be laid out.
public enum DAGLayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An edge names a node that does not exist.
    case edgeOutOfRange(edge: Int, node: Int)
    /// The edges form a cycle through this node (a layered drawing needs a DAG).
    case cycle(node: Int)
    /// Long edges would cross more layers than a drawing may hold (`DAGLayout.maxCrossings`):
    /// one value used all along a long chain (x+x+…+x) needs a track through every layer.
    case tooLarge(crossings: Int, limit: Int)

    public var description: String {
        switch self {
        case .edgeOutOfRange(let e, let n): "edge \(e) refers to node \(n), which does not exist"
        case .cycle(let n): "the graph has a cycle through node \(n)"
        case .tooLarge(let crossings, let limit):
            "its edges would cross \(crossings) layers (at most \(limit)); `backprop eval` prints its values and gradients"
        }
    }
}

/// A layered (Sugiyama-style) drawing of a DAG, inputs at the left, outputs at the right.
///
/// Input: each node's box size and the edges. Steps, all iterative and deterministic:
/// layers by longest path from the sources; a dummy node per layer an edge skips;
/// crossing reduction by barycentre sweeps (the best ordering seen is kept); rows by
/// repeated least-squares alignment with neighbours (pool-adjacent-violators, so boxes
/// never overlap); orthogonal routing with one vertical track per source in each channel
/// between layers, tracks assigned so that lines of different sources only ever cross
/// at right angles, never run along each other (rows are nudged where two sources would
/// arrive on each other's rows, the one case no track order can route).
///
/// The result is pure geometry in drawing coordinates (origin top-left, x = column):
/// `frames[node]` and `routes[edge]` (a polyline from the cell right of the source to the
/// cell left of the target, where the arrowhead goes). `DAGView` draws it.
public struct DAGLayout: Sendable, Hashable {
    /// The most layer crossings of long edges a drawing takes (`DAGLayoutError.tooLarge`),
    /// chosen so that laying out and routing stay under a second and 200 MB.
    public static let maxCrossings = 200_000

    /// A drawing larger than this is panned on any screen, a few columns narrower or not:
    /// it gets no drawing without the turn gaps (`withoutTurnGaps`), which would cost a
    /// second routing of a large graph.
    public static let largestScreen = Size(width: 400, height: 150)

    /// Tunables; the defaults suit lesson-sized graphs.
    public struct Options: Sendable, Hashable {
        /// Blank rows between boxes in a layer.
        public var nodeSpacing: Int
        /// Columns between layers at least (more when many edges need vertical tracks).
        /// Raise it to make room for edge labels.
        public var minimumChannelWidth: Int
        /// Down-and-up barycentre sweeps for crossing reduction.
        public var orderingSweeps: Int
        /// Down-and-up passes aligning rows with neighbours.
        public var alignmentPasses: Int
        /// True: every source in the first column. False: a source sits just left of its
        /// nearest consumer (shorter edges for constants used late).
        public var sourcesInFirstLayer: Bool
        /// Sources that stay in the first column even when `sourcesInFirstLayer` is false
        /// (a graph's inputs, while its parameters sit next to the gates that use them).
        public var pinnedSources: Set<Int>
        /// Nodes placed as far right as their consumers allow, just left of the nearest one,
        /// rather than by longest path: a loss's target and the gates that read only it
        /// (`1−y`), drawn beside the gate that compares it instead of a screen away. Every
        /// predecessor of a listed node must be listed too, or a source.
        public var trailing: Set<Int> = []
        /// True: a box with more incoming edges than inner rows (height − 2) is made
        /// taller so each edge gets its own arrival row; a box under 3 rows (a borderless
        /// gate) with more inputs than rows grows to 2k − 1 rows, arrivals on every other
        /// row. The grown size is in `frames`. False: edges may share an arrival row.
        public var growForInputs: Bool
        /// True: a channel's vertical tracks sit next to the sources, so the horizontal
        /// runs into the targets are long — room for edge labels written beside them.
        /// False: the tracks are centred in the channel.
        public var tracksNearSources: Bool
        /// Columns a label needs on the last straight run into a node (a weight written on
        /// its edges): the channel before the node's layer is made wide enough for it after
        /// its tracks. Nodes not listed need none beyond `minimumChannelWidth`.
        public var incomingLabelWidths: [Int: Int] = [:]
        /// True: boxes that the alignment left hanging below the tallest layer's stack (a
        /// tall box centred on its inputs, a target put level with its arrow) move up, so
        /// the drawing is no taller than its tallest layer needs.
        public var compactHeight = false
        /// Nodes whose inputs may arrive in any order (a commutative gate: `+`, `×`, a
        /// sum): their ports follow their sources top to bottom, so their wires never
        /// cross one another. Other nodes' inputs arrive in edge order.
        public var freePorts: Set<Int> = []
        /// True: the long edges from one source share a line through the layers they skip
        /// together, branching where each turns off, instead of a row each.
        public var shareLongEdges = true
        /// True: a blank column between the tracks of two wires that turn on the same row,
        /// one ending where the other begins, which side by side read as one wire
        /// (`h2 ──┘┌── 0.5`); `withoutTurnGaps` gives the drawing without them.
        public var turnGaps = true
        /// True: two nets of a channel swap tracks where that makes fewer wires cross
        /// (`LayeredGraph.uncross`); false only to measure what that saves.
        var uncrossTracks = true

        public init(nodeSpacing: Int = 1, minimumChannelWidth: Int = 5, orderingSweeps: Int = 8,
                    alignmentPasses: Int = 4, sourcesInFirstLayer: Bool = true, growForInputs: Bool = true,
                    tracksNearSources: Bool = false, pinnedSources: Set<Int> = []) {
            self.pinnedSources = pinnedSources
            self.tracksNearSources = tracksNearSources
            self.growForInputs = growForInputs
            self.nodeSpacing = nodeSpacing
            self.minimumChannelWidth = minimumChannelWidth
            self.orderingSweeps = orderingSweeps
            self.alignmentPasses = alignmentPasses
            self.sourcesInFirstLayer = sourcesInFirstLayer
        }
    }

    /// The nodes' boxes, indexed like the input sizes (taller than asked when
    /// `Options.growForInputs` needed room for arrival rows).
    public let frames: [Rect]
    /// The edges, as given.
    public let edges: [DAGEdge]
    /// Each edge's polyline: consecutive points share a row or a column. The first point
    /// is the cell right of the source box, the last the cell left of the target box.
    public let routes: [[Point]]
    /// Each node's layer (column), 0 at the left.
    public let layer: [Int]
    /// The real nodes of each layer, top to bottom.
    public let layers: [[Int]]
    /// Edge crossings between adjacent layers in the chosen ordering (dummies included).
    public let crossings: Int
    /// The size of the whole drawing.
    public let size: Size
    /// The widest and the tallest box (maybe two different boxes): a window smaller than
    /// this can never show some box whole.
    public let largestFrame: Size
    /// The widest and the tallest span of a node with the nodes that feed it (in a fold,
    /// its stubs): a window smaller than this cannot show some step with its inputs.
    public let largestGroup: Size
    /// The same drawing without the turn gaps (`Options.turnGaps`), where they widen it;
    /// and narrower still, where a wire then ends beside a gate it does not feed.
    private let gapless: LayeredGraph.Geometry?, touching: LayeredGraph.Geometry?

    /// A drawing assembled from parts already placed (`DAGFold`).
    init(frames: [Rect], edges: [DAGEdge], routes: [[Point]], layer: [Int], crossings: Int, size: Size) {
        self.frames = frames
        self.edges = edges
        self.routes = routes
        self.layer = layer
        var layers = [[Int]](repeating: [], count: (layer.max() ?? -1) + 1)
        for (node, l) in layer.enumerated() { layers[l].append(node) }
        self.layers = layers.map { $0.sorted { frames[$0].y < frames[$1].y } }
        self.crossings = crossings
        self.size = size
        largestFrame = Self.largest(frames)
        largestGroup = Self.largestGroup(frames, edges)
        (gapless, touching) = (nil, nil)
    }

    /// Lays out nodes of the given sizes joined by `edges`.
    /// - Throws: `DAGLayoutError` for an edge to a missing node or a cycle.
    public init(sizes: [Size], edges: [DAGEdge], options: Options = Options()) throws(DAGLayoutError) {
        var work = try LayeredGraph(sizes: sizes, edges: edges, options: options)
        work.orderLayers()
        work.assignRows()
        let geometry = work.route(turnGaps: options.turnGaps)
        self.frames = geometry.frames
        self.edges = edges
        self.routes = geometry.routes
        self.layer = Array(work.vLayer.prefix(sizes.count))
        self.layers = work.order.map { $0.filter { $0 < sizes.count } }
        self.crossings = work.bestCrossings
        self.size = geometry.size
        largestFrame = Self.largest(geometry.frames)
        largestGroup = Self.largestGroup(geometry.frames, edges)
        if options.turnGaps && geometry.size.width <= Self.largestScreen.width && geometry.size.height <= Self.largestScreen.height {
            let narrower = work.route(turnGaps: false)
            gapless = narrower.size == geometry.size ? nil : narrower
            // (Where no column was kept so, the same width again: no second routing.)
            let touching = narrower.keepsWiresApart ? work.route(turnGaps: false, besideOtherGates: false) : nil
            self.touching = touching.flatMap { $0.size == narrower.size ? nil : $0 }
        } else {
            (gapless, touching) = (nil, nil)
        }
    }

    /// This drawing without the blank columns that keep two wires' turns apart
    /// (`Options.turnGaps`): narrower, for a screen where this one does not fit; `nil`
    /// where the gaps cost no width, and for a drawing larger than `largestScreen`. (A
    /// wire on the last track that would end on the row of a gate it does not feed keeps
    /// its blank column: side by side, `x2 ──┤├ (w21·x1)` reads as x2 into that gate.)
    public func withoutTurnGaps() -> DAGLayout? {
        gapless.map { DAGLayout(frames: $0.frames, edges: edges, routes: $0.routes, layer: layer, crossings: crossings, size: $0.size) }
    }

    /// Narrower than `withoutTurnGaps`, where that keeps a column for a wire ending beside
    /// a gate it does not feed: without that column (`┤├`); `nil` where it costs no width.
    /// A last resort: the wire reads as that gate's input.
    public func touchingOtherGates() -> DAGLayout? {
        touching.map { DAGLayout(frames: $0.frames, edges: edges, routes: $0.routes, layer: layer, crossings: crossings, size: $0.size) }
    }

    private static func largest(_ frames: [Rect]) -> Size {
        Size(width: frames.map(\.width).max() ?? 0, height: frames.map(\.height).max() ?? 0)
    }

    /// `largestGroup` of these frames and edges.
    private static func largestGroup(_ frames: [Rect], _ edges: [DAGEdge]) -> Size {
        var groups = frames
        for edge in edges where frames.indices.contains(edge.from) && frames.indices.contains(edge.to) {
            let (a, b) = (groups[edge.to], frames[edge.from])
            let x = min(a.x, b.x), y = min(a.y, b.y)
            groups[edge.to] = Rect(x: x, y: y, width: max(a.maxX, b.maxX) - x, height: max(a.maxY, b.maxY) - y)
        }
        return largest(groups)
    }

    /// The row where `edge` arrives at its target (the row of its arrowhead).
    public func arrivalRow(of edge: Int) -> Int? { routes.indices.contains(edge) ? routes[edge].last?.y : nil }

    /// A viewport offset that shows `node`'s box with `margin` cells around it inside a
    /// `viewport`-sized window (the top-left part when the box is larger). Along an axis
    /// where the box is already in view the offset stays at `current`, so the picture holds
    /// still while the steps move within it; where it is not, the box is centred, so its
    /// neighbours on both sides come into view too (scrolling just far enough would leave
    /// it on the window's edge, with empty drawing behind). Clamped so the view never pans
    /// past the drawing.
    public func offset(toShow node: Int, in viewport: Size, from current: Point = .zero, margin: Int = 1) -> Point {
        offset(toShow: [node], in: viewport, from: current, margin: margin)
    }

    /// The same for a group of nodes, most important first: the first node and as many of
    /// the others, in order, as fit in the window with it (a step's node, then its inputs,
    /// its consumers, the output). The group's bounding box is kept in view as one box.
    public func offset(toShow nodes: [Int], in viewport: Size, from current: Point = .zero, margin: Int = 1) -> Point {
        let known = nodes.filter { frames.indices.contains($0) }
        guard let first = known.first else { return clamp(current, to: viewport) }
        var box = frames[first]
        for node in known.dropFirst() {
            let f = frames[node]
            let union = Rect(x: min(box.x, f.x), y: min(box.y, f.y),
                             width: max(box.maxX, f.maxX) - min(box.x, f.x), height: max(box.maxY, f.maxY) - min(box.y, f.y))
            // A node that fits only without the margin is shown too (flush with the edge).
            if union.width <= viewport.width && union.height <= viewport.height { box = union }
        }
        func axis(_ cur: Int, _ lo: Int, _ hi: Int, _ view: Int) -> Int {
            if lo - margin >= cur && hi + margin <= cur + view { return cur }
            let centred = (lo + hi - view) / 2
            // A box larger than the window shows its top-left part; one that fits only
            // without the margin is shown whole.
            guard hi - lo + 2 * margin > view else { return centred }
            return hi - lo > view ? lo : centred
        }
        let p = Point(x: axis(current.x, box.x, box.maxX, viewport.width), y: axis(current.y, box.y, box.maxY, viewport.height))
        return snapped(clamp(p, to: viewport), keeping: box, in: viewport)
    }

    /// `offset` moved by a few columns, then rows, where that keeps `keep` in view and
    /// the window's edges then fall between boxes rather than through one: a box only
    /// partly in view is not drawn, and the arrows into it would point at blank cells.
    /// Unchanged where no such move is near.
    public func snapped(_ offset: Point, keeping keep: Rect, in viewport: Size) -> Point {
        func shifts(_ limit: Int) -> [Int] { [0] + (1...max(1, limit)).flatMap { [-$0, $0] } }
        // Whether a window edge at `lo` or `hi` (exclusive) cuts a frame that overlaps the
        // window across.
        func cuts(_ lo: Int, _ hi: Int, horizontal: Bool, across: Range<Int>) -> Bool {
            frames.contains { f in
                let (start, end) = horizontal ? (f.x, f.maxX) : (f.y, f.maxY)
                let (crossStart, crossEnd) = horizontal ? (f.y, f.maxY) : (f.x, f.maxX)
                guard crossStart < across.upperBound, crossEnd > across.lowerBound else { return false }
                return (start < lo && lo < end) || (start < hi && hi < end)
            }
        }
        // Along one axis: the nearest start within `limit` that keeps `keep` and cuts nothing.
        func nearest(_ start: Int, view: Int, total: Int, keep: (lo: Int, hi: Int), limit: Int,
                     horizontal: Bool, across: Range<Int>) -> Int {
            for d in shifts(limit) {
                let s = min(max(0, start + d), max(0, total - view))
                if keep.lo >= s, keep.hi <= s + view, !cuts(s, s + view, horizontal: horizontal, across: across) { return s }
            }
            return start
        }
        var best = offset
        best.x = nearest(offset.x, view: viewport.width, total: size.width, keep: (keep.x, keep.maxX),
                         limit: min(12, viewport.width / 4), horizontal: true, across: offset.y..<(offset.y + viewport.height))
        best.y = nearest(offset.y, view: viewport.height, total: size.height, keep: (keep.y, keep.maxY),
                         limit: min(3, viewport.height / 4), horizontal: false, across: best.x..<(best.x + viewport.width))
        return best
    }

    /// `offset` kept inside the drawing for a `viewport`-sized window.
    public func clamp(_ offset: Point, to viewport: Size) -> Point {
        Point(x: min(max(0, offset.x), max(0, size.width - viewport.width)),
              y: min(max(0, offset.y), max(0, size.height - viewport.height)))
    }
}
