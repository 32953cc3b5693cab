import Autograd
import Screen

/// The flow-diagram view of a graph, as the UIUC slides draw it: one box per neuron
/// holding its excitation ξ and activation h, the inputs and a bias "1" on the left, each
/// weight written on its edge, sums as arrows coming together. Nodes outside the neurons
/// (a loss, a target) are drawn one line each, as in the circuit view. Laid out once when
/// a part opens, like `GraphScene`.
public struct FlowScene: Sendable {
    /// What a drawn node of the diagram stands for.
    public enum Element: Sendable, Equatable {
        case node(NodeID)
        /// A neuron: index into `structure.neurons`.
        case neuron(Int)
        /// The constant input 1 of the biases.
        case bias
        /// The box of the head's lines (`FlowStructure.head`) when no one neuron's box
        /// takes them.
        case head
    }

    public let structure: FlowStructure
    public private(set) var layout: DAGLayout
    /// For each layout node, what it stands for.
    public let elements: [Element]
    /// A box of several lines (a neuron's, the head's): the graph nodes it writes and
    /// where each goes.
    public struct Box: Sendable {
        /// The graph nodes written as its lines, in the order they fill it: a neuron's ξ
        /// and h, then the head's lines where it takes them; the head box's lines.
        public let lines: [NodeID]
        /// The widths of the columns its lines fill, top to bottom, then the next column
        /// (one column but for a head box split past `headRows` lines).
        public let columns: [Int]
        /// The rows inside its border (of a split box, a column's lines).
        public let rows: Int
        /// The row of each line in an unsplit box (a split one fills its columns in order).
        public let lineRows: [Int]
        /// The row of the dotted rule between a neuron's lines and the head's it takes.
        public let divider: Int?
    }

    /// For each layout node, its box of lines; `nil` for a one-line node and the bias.
    public let boxes: [Box?]
    /// How many lines a column of the head box holds at most, when it is split: a box of
    /// 10 rows, which the 12 rows the graph pane has at 80×24 show whole.
    public static let headRows = 8
    /// For each layout edge, the neuron term it draws (`nil` for a plain graph edge).
    public let terms: [FlowStructure.Term?]
    /// For each graph node, the layout node that shows it or, for a product, negation or
    /// weight folded into an edge, the neuron that edge leads into.
    public let place: [Int?]
    /// For each graph node folded into an edge (a term's product or negation, a weight),
    /// the layout edge it is drawn as.
    public let edgeOf: [Int?]
    /// The one-line nodes' names, as in the circuit view.
    public let names: [String]
    /// The narrower drawing: each line shows one number (the value, and in the backward
    /// pass the gradient, as the circuit view's `.brief` nodes do) and a weight's label
    /// only its number, as the slides write it on the edge.
    public let brief: Bool
    /// Whether the weights are written on their edges. The narrowest drawing leaves them
    /// to the Step pane (its channels then need no room for labels), so that a network
    /// fits 80 columns whole rather than panned with its output out of view.
    public let labelled: Bool
    /// Whether the arrows into a neuron come together at its first line, as the slides'
    /// arrowheads do where their values are added, so that its box is only as tall as its
    /// lines (a linear unit's one line: 3 rows where each arrow had a row of its own). Only
    /// without labels, which need a run each.
    public let joined: Bool
    /// The arrows that come together at their neuron's first line (`DAGView.meetings`): in
    /// a drawing whose arrows keep a row each (with their weights, or not `joined`), each
    /// term's edge into a neuron that takes several (`Meeting`), as the slides' arrowheads
    /// come together where values are added. Edge → row in the box's frame.
    public let meetings: [Int: Int]

    /// The arrows into a line of the head's box after its first, and into a neuron whose
    /// arrows do not meet in the column before it (`meetings`, a drawing a column short),
    /// each turning up into the first one's arrowhead in the arrowhead's own column
    /// (`DAGView.arrowheadMeetings`), which takes no column more: edge → the line's row in
    /// the box's frame.
    public let arrowheadMeetings: [Int: Int]

    /// Which neurons' arrows meet in the column before their first line: each label before
    /// a meeting needs a column more, so a drawing one column short of a pane has them meet
    /// there only where it matters, then nowhere (the others turn into the first arrow's
    /// arrowhead, which costs no column).
    public enum Meeting: Sendable, CaseIterable {
        /// Every neuron that takes several terms.
        case all
        /// Only a neuron of two lines (ξ and h), where an arrow on h's row would read as an
        /// edge into h; a linear unit's arrows after its first turn into the first's
        /// arrowhead (`arrowheadMeetings`).
        case twoLines
        /// None: every arrow after a neuron's first turns into the first's arrowhead.
        case none
    }
    /// Whether a neuron's box takes the head's lines, under its own: the one neuron they
    /// read, where the box stays short enough (else, or `headApart`, they have a box of
    /// their own beside it).
    public let hostsHead: Bool
    /// Whether the box that takes the head left out its divider to stay short enough for
    /// the 80×24 pane (a `ruled` drawing has it).
    public private(set) var leftOutDivider = false
    /// How many of its lines the head's own box shows, where it does not show them all: a
    /// window of consecutive lines around the one selected or the pass is at
    /// (`headFocus`), then the output. For a network whose loss box is wider or taller
    /// than the 80×24 pane has room for (a softmax's fifteen lines), so that the output is
    /// in view rather than panned away.
    public let headWindow: Int?
    /// Whether the head's box shows a window of its lines (`headWindow`).
    public var collapsedHead: Bool { headWindow != nil }
    /// For each line of the head's own box, the lines of it that it reads (indices).
    private var headReads: [[Int]] = []
    /// For each line of the head's box that arrows point at, the nodes they come from (an
    /// input outside the box that feeds several lines has one arrow, to the first).
    public private(set) var headArrows: [NodeID: [NodeID]] = [:]

    /// The flow diagram of `graph`, or `nil` when it has no neurons. `scene` gives the
    /// names and the number widths (its boxes are sized for every pass the part makes).
    /// `nil` too for a graph larger than `GraphScene.largestScaledGraph`: its diagram could
    /// not be read on any screen, and laying it out would cost as much as the circuit's.
    /// `splitHead`: the head box, when it has more than `headRows` lines, in columns.
    /// `joined`: the arrows into a neuron meet at its first line (when not `labelled`).
    /// `ruled`: a neuron's box that takes the head has its divider even where that makes
    /// it taller than the 80×24 pane has room for (a drawing for larger panes).
    /// `headWindow`: the head's own box, where it has more lines, shows that many
    /// (`headWindow`, the property), every arrow into it arriving at the first.
    /// `meeting`: which neurons' arrows meet at their first line (`meetings`).
    /// `headApart`: the head's lines in a box of their own even where the one neuron they
    /// read could take them (`hostsHead`).
    public init?(graph: Graph, scene: GraphScene, notation: Notation, brief: Bool = false,
                 labelled: Bool = true, splitHead: Bool = false, joined: Bool = false, ruled: Bool = false,
                 headWindow: Int? = nil, meeting: Meeting = .all, headApart: Bool = false) throws(DAGLayoutError) {
        guard graph.count <= GraphScene.largestScaledGraph, let structure = FlowStructure(graph) else { return nil }
        self.brief = brief
        self.labelled = labelled
        let joined = joined && !labelled
        self.joined = joined
        func numberWidth(_ id: NodeID) -> Int { scene.numberWidths[id.index] }
        func gradWidth(_ id: NodeID) -> Int { scene.gradWidths[id.index] }
        self.structure = structure
        names = scene.names
        let absorbed = structure.absorbed
        let consumers = graph.consumers()
        var elements: [Element] = []
        var boxLines: [[NodeID]] = []
        var place = [Int?](repeating: nil, count: graph.count)
        // The head's lines go in the box of the one neuron they read, as the slides write
        // the loss beside the output; with several (a softmax of scores), or where that box
        // would grow too tall, in a box of their own.
        let head = structure.head.filter { scene.layoutNode(of: $0) != nil }
        let inHead = Set(head)
        let neuronOf = Dictionary(structure.neurons.enumerated().map { ($1.output, $0) }, uniquingKeysWith: { a, _ in a })
        let feeders = Set(head.flatMap { graph.inputs(of: $0) }.compactMap { neuronOf[$0] })
        // Only where the neuron's box stays short enough for the 80×24 pane (its rows and
        // the head's) — else the head's own box, which can split in columns.
        let tallest = FlowScene.headRows + 2
        func neuronRows(_ neuron: Int) -> Int {
            let lines = structure.neurons[neuron].lines.count
            return joined ? lines : max(lines, structure.neurons[neuron].terms.count)
        }
        let host = feeders.first.flatMap { feeder -> Int? in
            !headApart && feeders.count == 1 && neuronRows(feeder) + head.count <= tallest ? feeder : nil
        }
        hostsHead = host != nil
        let window = headWindow.flatMap { host == nil && head.count > $0 ? max(FlowScene.smallestWindow, $0) : nil }
        self.headWindow = window
        let collapsed = window != nil
        // The nodes drawn as themselves, in definition order, with the neurons where their
        // activation is defined and the head box where its first line is.
        for id in graph.ids {
            if let neuron = neuronOf[id] {
                place[id.index] = elements.count
                elements.append(.neuron(neuron))
                boxLines.append(structure.neurons[neuron].lines)
            } else if inHead.contains(id) {
                guard host == nil, id == head.first else { continue }
                elements.append(.head)
                boxLines.append(head)
            } else if !absorbed.contains(id), scene.layoutNode(of: id) != nil {
                place[id.index] = elements.count
                elements.append(.node(id))
                boxLines.append([])
            }
        }
        let headBox = host.flatMap { place[structure.neurons[$0].output.index] } ?? elements.firstIndex(of: .head)
        if let headBox {
            if host != nil { boxLines[headBox] += head }
            for id in head { place[id.index] = headBox }
        }
        let hasBias = structure.neurons.contains { $0.terms.contains { $0.source == .bias } }
        let biasIndex = hasBias ? elements.count : nil
        if hasBias {
            elements.append(.bias)
            boxLines.append([])
        }
        // A neuron's box that takes the head has a row for each term's arrow, then a
        // divider where the pane has the row for it, then the head's lines (`lineRows`,
        // below, once the arrows are known).
        var dividerRows = [Int?](repeating: nil, count: elements.count)
        var headStart = 0
        if let host, let box = headBox {
            let rows = neuronRows(host)
            dividerRows[box] = ruled || rows + 1 + head.count <= tallest ? rows : nil
            leftOutDivider = dividerRows[box] == nil
            headStart = dividerRows[box].map { $0 + 1 } ?? rows
        }

        var edges: [DAGEdge] = []
        var terms: [FlowStructure.Term?] = []
        var edgeOf = [Int?](repeating: nil, count: graph.count)
        for neuron in structure.neurons {
            guard let target = place[neuron.output.index] else { continue }
            place[neuron.excitation.index] = target
            // Inputs first, the bias last, as the slides draw them.
            let ordered = neuron.terms.filter { $0.source != .bias } + neuron.terms.filter { $0.source == .bias }
            // Into a box that also holds the head, the terms' arrows keep to its top rows.
            let keepToTop = host != nil && target == headBox
            for (k, term) in ordered.enumerated() {
                let from: Int?
                switch term.source {
                case .bias: from = biasIndex
                case .node(let id): from = place[id.index]
                }
                guard let from else { continue }
                if term.isFolded {
                    place[term.node.index] = target
                    edgeOf[term.node.index] = edges.count
                }
                if case .leaf(let leaf) = term.weight, edgeOf[leaf.index] == nil {
                    place[leaf.index] = target
                    edgeOf[leaf.index] = edges.count
                }
                edges.append(DAGEdge(from: from, to: target, row: joined ? 1 : keepToTop ? 1 + k : nil))
                terms.append(term)
            }
        }
        for (to, element) in elements.enumerated() {
            guard case .node(let id) = element else { continue }
            for input in graph.inputs(of: id) {
                guard let from = place[input.index], edgeOf[input.index] == nil else { continue }
                edges.append(DAGEdge(from: from, to: to))
                terms.append(nil)
            }
        }
        // Into the head's box, an arrow from each node outside it that its lines read,
        // arriving at the first line that reads it (a leaf's at every such line): each
        // line gets a row per arrow it takes (the second on a blank row under it). A box
        // split in columns (when asked, past `headRows` lines) lists the lines that take
        // arrows first, in its first column, where arrows can point at them; where they do
        // not fit there, its arrows are spread and point at no line.
        var lineRows = boxLines.map { Array($0.indices) }
        // A second arrow into one line of the head turns up into the first's arrowhead
        // (`(y_off·s_off)` takes y_off's and s_off's, the second of which pointed at the
        // blank row under it): `─▶` over `─┘`. Edge → the line's row in the frame.
        var headMeetings: [Int: Int] = [:]
        var split = false
        var headBoxRows = 0
        if let headBox {
            // A leaf (a target such as y) has an arrow to each line that reads it, as in
            // bce's (−y) and (1−y); a neuron feeding several lines, one to the first, which
            // keeps a network's crossings down (the Step pane names every reader). Into a
            // box kept apart from the one neuron it reads, an arrow to each reader too: one
            // arrow would claim the neuron feeds that line alone (bce's ŷ into (1−ŷ), whose
            // gradient is 0, and not into log(ŷ), which takes all of it).
            // Each line's arrows: the box each comes from, and the node it carries.
            var arrivals: [[(box: Int, input: NodeID)]] = head.map { _ in [] }
            var seen = Set<Int>()
            for k in head.indices {
                for input in graph.inputs(of: head[k]) where !inHead.contains(input) && edgeOf[input.index] == nil {
                    guard let from = place[input.index], from != headBox, !arrivals[k].contains(where: { $0.box == from }) else { continue }
                    guard seen.insert(from).inserted || graph.op(of: input) == nil || headApart else { continue }
                    arrivals[k].append((from, input))
                }
            }
            let own = boxLines[headBox].count - head.count
            var order = Array(head.indices)
            var explicit = true
            split = splitHead && !collapsed && host == nil && head.count > FlowScene.headRows
            if split {
                let taking = order.filter { !arrivals[$0].isEmpty }
                order = taking + order.filter { arrivals[$0].isEmpty }
                explicit = taking.count <= FlowScene.headRows && taking.allSatisfy { arrivals[$0].count == 1 }
            }
            boxLines[headBox] = Array(boxLines[headBox].prefix(own)) + order.map { head[$0] }
            var row = headStart
            var rows = Array(0..<own)
            for k in order {
                rows.append(row)
                row += split ? 1 : max(1, arrivals[k].count)
            }
            lineRows[headBox] = rows
            // A line that takes several arrows keeps blank rows under it.
            // A collapsed box: a blank row where the arrows arrive (at whichever line the
            // window shows first they would read as feeding it), its window's lines, a
            // dotted rule, the output.
            headBoxRows = window.map { $0 + 2 } ?? row
            if let window { dividerRows[headBox] = window }
            headReads = boxLines[headBox].map { line in
                graph.inputs(of: line).compactMap { boxLines[headBox].firstIndex(of: $0) }
            }
            if explicit && !collapsed {
                headArrows = Dictionary(uniqueKeysWithValues: head.indices.filter { !arrivals[$0].isEmpty }.map { (head[$0], arrivals[$0].map(\.input)) })
            }
            for (position, k) in order.enumerated() {
                for (j, from) in arrivals[k].map(\.box).enumerated() {
                    // Into a collapsed box, at its blank first row.
                    let arrival = collapsed ? 1 : explicit ? 1 + rows[own + position] + j : nil
                    if let arrival, !collapsed, j > 0 { headMeetings[edges.count] = arrival - j }
                    edges.append(DAGEdge(from: from, to: headBox, row: arrival))
                    terms.append(nil)
                }
            }
        }

        // Sizes: a neuron's box holds "▶ ξ1 −0.5 ∇0" over "▶ h1 1 ∇0" (brief: "▶ ξ1 −0.5"
        // or "▶ ξ1 ∇0"), a linear unit's the first line alone, then any head lines it takes;
        // the head's box a line per head node; any other node one line, as
        // in the circuit view; the bias a "1".
        let mark = DisplayWidth.of(notation.gradientMark)
        func numbers(_ id: NodeID) -> Int {
            brief ? max(numberWidth(id), mark + gradWidth(id)) : numberWidth(id) + 1 + mark + gradWidth(id)
        }
        var sizes: [Size] = []
        var boxes = [Box?](repeating: nil, count: elements.count)
        for (index, element) in elements.enumerated() {
            switch element {
            case .neuron, .head:
                let lines = boxLines[index]
                let rows = element == .head && split ? FlowScene.headRows
                    : index == headBox ? headBoxRows : (lineRows[index].last.map { $0 + 1 } ?? 0)
                // (A collapsed box's one column may show any of its lines.)
                let perColumn = element == .head && collapsed ? lines.count : max(1, rows)
                let widths = stride(from: 0, to: lines.count, by: perColumn).map { start in
                    lines[start..<min(lines.count, start + perColumn)].map {
                        2 + DisplayWidth.of(scene.names[$0.index]) + 1 + numbers($0)
                    }.max() ?? 9
                }
                var columns = widths.isEmpty ? [9] : widths
                if let window, element == .head {
                    // A collapsed box is as wide as its widest line and its widest title
                    // ("lines 7–13, 15 of 15").
                    let shown = max(1, min(lines.count - 1, window - 1))
                    let titles = (0...max(0, lines.count - 1 - shown)).map {
                        DisplayWidth.of(FlowScene.windowTitle($0..<($0 + shown), of: lines.count))
                    }
                    columns = [max(widths.max() ?? 9, (titles.max() ?? 0) + 2)]
                }
                boxes[index] = Box(lines: lines, columns: columns, rows: rows, lineRows: lineRows[index], divider: dividerRows[index])
                // A blank between columns, and after the widest line before the border.
                let width = columns.reduce(0, +) + columns.count
                sizes.append(Size(width: width + 2, height: 2 + rows))
            case .node(let id):
                // A blank after the numbers keeps the widest apart from the edge leaving it.
                sizes.append(Size(width: 3 + DisplayWidth.of(scene.names[id.index]) + 1 + numbers(id) + 1, height: 1))
            case .bias:
                sizes.append(Size(width: 3, height: 1))
            }
        }
        // Where a neuron takes several terms, their arrows meet at its first line.
        var termCounts: [Int: Int] = [:]
        for (e, term) in terms.enumerated() where term != nil { termCounts[edges[e].to, default: 0] += 1 }
        let meets = terms.indices.filter { e in
            guard terms[e] != nil, case .neuron(let neuron) = elements[edges[e].to], termCounts[edges[e].to, default: 0] > 1
            else { return false }
            switch meeting {
            case .all: return true
            case .twoLines: return structure.neurons[neuron].lines.count > 1
            case .none: return false
            }
        }
        let meetings = !joined ? Dictionary(uniqueKeysWithValues: meets.map { ($0, 1) }) : [:]
        self.meetings = meetings
        // Where a drawing a column short has the arrows into a neuron keep their own
        // arrowheads, each after the first turns into the first's instead (no column
        // more): an arrowhead on h's row reads as an edge into h, one on a blank row as
        // feeding nothing.
        var turning = headMeetings
        for (e, term) in terms.enumerated() where term != nil && !joined && meetings[e] == nil {
            if case .neuron = elements[edges[e].to], termCounts[edges[e].to, default: 0] > 1 { turning[e] = 1 }
        }
        arrowheadMeetings = turning
        // Each neuron's channel is as wide as its weights' labels need; others are narrow.
        // Without labels, arrows that meet keep a straight run of two columns before the
        // box: the meeting line's and one between it and the tracks.
        var labelWidths: [Int: Int] = [:]
        for (e, term) in terms.enumerated() {
            guard let term else { continue }
            guard labelled else {
                if meetings[e] != nil { labelWidths[edges[e].to] = 2 }
                continue
            }
            let width = FlowScene.widestLabel(term, names: scene.names, notation: notation, brief: brief,
                                              numberWidth: numberWidth, gradWidth: gradWidth)
            // A blank either side, room for the active mark ("▶ "), and for the column
            // where arrows meet.
            labelWidths[edges[e].to] = max(labelWidths[edges[e].to] ?? 0, width + 4 + (meetings[e] == nil ? 0 : 1))
        }
        let pinned = Set(elements.indices.filter {
            switch elements[$0] {
            case .bias: true
            // The network's inputs; a target that only the head reads sits beside it.
            case .node(let id): graph.kind(of: id) == .input && !consumers[id.index].allSatisfy(inHead.contains)
            case .neuron, .head: false
            }
        })
        var options = DAGLayout.Options(nodeSpacing: 0, minimumChannelWidth: GraphScene.channelWidth(.brief),
                                        sourcesInFirstLayer: false, tracksNearSources: true, pinnedSources: pinned)
        options.incomingLabelWidths = labelWidths
        options.compactHeight = true
        // Joined arrows share their arrival row rather than grow the box a row for each.
        options.growForInputs = !joined
        layout = try DAGLayout(sizes: sizes, edges: edges, options: options)
        self.elements = elements
        self.boxes = boxes
        self.terms = terms
        self.place = place
        self.edgeOf = edgeOf
    }

    /// The widest a term's label gets: a number, or a weight's name with its value or its
    /// gradient (`w11 −0.25`, `w11 ∇0.031`; brief, without the name).
    static func widestLabel(_ term: FlowStructure.Term, names: [String], notation: Notation, brief: Bool = false,
                            numberWidth: (NodeID) -> Int, gradWidth: (NodeID) -> Int) -> Int {
        switch term.weight {
        case .number(let value): DisplayWidth.of(notation.number(value))
        case .leaf(let leaf):
            (brief ? 0 : DisplayWidth.of(names[leaf.index]) + 1)
                + max(numberWidth(leaf), DisplayWidth.of(notation.gradientMark) + gradWidth(leaf))
        }
    }

    /// Where graph node `id`'s line is in its box: the row (0 the first inside the border)
    /// and the column and width within the box's inside; `nil` for a node that is not a
    /// line of a box, and for the lines of a collapsed head box (`lineSlot(of:at:)`).
    public func lineSlot(of id: NodeID) -> (row: Int, x: Int, width: Int)? {
        guard let node = layoutNode(of: id), let box = boxes[node], let index = box.lines.firstIndex(of: id),
              !(collapsedHead && elements[node] == .head) else { return nil }
        let columns = box.columns, rows = max(1, box.rows)
        guard columns.count > 1 else { return (box.lineRows[index], 0, columns[0]) }
        let column = index / rows
        return (index % rows, columns[..<column].reduce(0, +) + column, columns[column])
    }

    /// The fewest lines a collapsed head box shows: the one in focus, then the output.
    static let smallestWindow = 2

    /// The windows a collapsed head box is drawn with, the largest first: as many lines as
    /// a split box's column (`headRows`: seven and the output, with the arrows' row above
    /// them and the rule between, a box of 12 rows, which the 80×24 pane's 12 show
    /// whole), then two.
    static let headWindows = [FlowScene.headRows, FlowScene.smallestWindow]

    /// The title of the head's own box, whose last line is the graph's output: "loss"
    /// where the output is named as one (L, ℓ, loss, …), as the slides call it, for a box
    /// that would otherwise stand untitled beside the neurons' σ and + boxes; else none
    /// (its lines name themselves).
    static func headTitle(_ output: String) -> String? {
        ["L", "ℓ", "ℒ", "𝔏", "J", "E"].contains(output) || output.lowercased().contains("loss") ? "loss" : nil
    }

    /// The title of a collapsed head box: which of its lines it shows, its window's
    /// (indices into them, from 0) and the output, the last, under the rule: "lines 9–15
    /// of 15" where they run on, else "lines 5–11, 15 of 15" or "lines 4, 15 of 15".
    static func windowTitle(_ window: Range<Int>, of count: Int) -> String {
        if window.upperBound >= count - 1 { return "lines \(window.lowerBound + 1)–\(count) of \(count)" }
        let shown = window.count == 1 ? "\(window.lowerBound + 1)" : "\(window.lowerBound + 1)–\(window.upperBound)"
        return "lines \(shown), \(count) of \(count)"
    }

    /// The title of a collapsed head box with the box named, where `box` is (`headTitle`):
    /// `loss, lines 7–13/15`, the output under the rule, which every window shows, left
    /// unsaid (a reviewer read `lines 7–13, 15 of 15` alone as the program's words, naming
    /// neither the box nor what it hides); else `windowTitle`.
    static func windowTitle(_ window: Range<Int>, of count: Int, box: String?) -> String {
        guard let box else { return windowTitle(window, of: count) }
        let last = window.upperBound >= count - 1 ? count : window.upperBound
        let shown = window.lowerBound + 1 == last ? "line \(last)" : "lines \(window.lowerBound + 1)–\(last)"
        return "\(box), \(shown)/\(count)"
    }

    /// The head's line a collapsed head box shows over its output: the one selected, or
    /// the one the step is about; else in the backward pass the last whose gradient is
    /// complete (or, before any, the next to come); else the last computed (or, before
    /// any, the first).
    public func headFocus(_ progress: PassProgress, selection: NodeID?) -> NodeID? {
        guard let lines = elements.firstIndex(of: .head).flatMap({ boxes[$0]?.lines.dropLast() }) else { return nil }
        if let selection, lines.contains(selection) { return selection }
        if let active = progress.active, lines.contains(active) { return active }
        if progress.inBackward {
            return lines.first { progress.gradComplete[$0.index] } ?? lines.last
        }
        return lines.last { progress.valueKnown[$0.index] } ?? lines.first
    }

    /// The lines box `index` shows at `progress` with `selection`: all its lines, but a
    /// collapsed head box's window (`headWindowLines`) and its output.
    public func shownLines(of index: Int, at progress: PassProgress, selection: NodeID?) -> [NodeID] {
        guard let box = boxes.indices.contains(index) ? boxes[index] : nil else { return [] }
        guard collapsedHead, elements[index] == .head, let output = box.lines.last,
              let window = headWindowLines(at: progress, selection: selection) else { return box.lines }
        return Array(box.lines[window]) + [output]
    }

    /// Which of the head's lines (indices into the head box's) a collapsed head box shows
    /// above its output: `headWindow − 1` in a row with the one in focus, and of those as
    /// many of the lines it reads as can be (where a step's numbers come from, and where
    /// its gradient goes: p_cat's step shows exp_s_cat and Z), then the focus nearest the
    /// middle; `nil` where the box is not collapsed.
    public func headWindowLines(at progress: PassProgress, selection: NodeID?) -> Range<Int>? {
        guard let window = headWindow, let box = elements.firstIndex(of: .head).flatMap({ boxes[$0] }) else { return nil }
        let body = box.lines.count - 1, shown = min(body, window - 1)
        let focus = headFocus(progress, selection: selection).flatMap { box.lines.firstIndex(of: $0) } ?? 0
        let centred = max(0, min(focus - (shown - 1) / 2, body - shown))
        let reads = headReads.indices.contains(focus) ? headReads[focus] : []
        let starts = stride(from: max(0, focus - shown + 1), through: min(focus, body - shown), by: 1)
        let start = starts.max { a, b in
            let (inA, inB) = (reads.filter { (a..<(a + shown)).contains($0) }.count, reads.filter { (b..<(b + shown)).contains($0) }.count)
            return inA != inB ? inA < inB : abs(a - centred) > abs(b - centred)
        } ?? centred
        return start..<(start + shown)
    }

    /// The lines box `index` shows at `progress` with `selection`, each where it goes
    /// (`lineSlot(of:)`); in a collapsed head box, the lines of its window in order, then,
    /// under a dotted rule, the output. Worked out once per box and frame: a collapsed
    /// box's window depends on the step.
    public func lineSlots(of index: Int, at progress: PassProgress,
                          selection: NodeID?) -> [(id: NodeID, slot: (row: Int, x: Int, width: Int))] {
        guard collapsedHead, elements.indices.contains(index), elements[index] == .head, let box = boxes[index] else {
            let lines = boxes.indices.contains(index) ? boxes[index]?.lines ?? [] : []
            return lines.compactMap { id in lineSlot(of: id).map { (id, $0) } }
        }
        let shown = shownLines(of: index, at: progress, selection: selection)
        // (Under the arrows' blank row; the output under the rule.)
        return shown.enumerated().map { row, id in (id, (row == shown.count - 1 ? row + 2 : row + 1, 0, box.columns[0])) }
    }

    /// `lineSlot(of:)` at `progress` with `selection` (`lineSlots`): `nil` for the lines a
    /// collapsed head box hides.
    public func lineSlot(of id: NodeID, at progress: PassProgress, selection: NodeID?) -> (row: Int, x: Int, width: Int)? {
        guard collapsedHead, let node = layoutNode(of: id), elements[node] == .head else { return lineSlot(of: id) }
        return lineSlots(of: node, at: progress, selection: selection).first { $0.id == id }?.slot
    }

    /// The size of the whole drawing.
    public var size: Size { layout.size }

    /// This diagram without the blank columns that keep two wires' turns apart
    /// (`DAGLayout.withoutTurnGaps`), where they widen it.
    public func withoutTurnGaps() -> FlowScene? {
        guard let narrower = layout.withoutTurnGaps() else { return nil }
        var copy = self
        copy.layout = narrower
        return copy
    }

    /// The layout node that shows graph node `id` (for a folded node, its neuron).
    public func layoutNode(of id: NodeID) -> Int? { place.indices.contains(id.index) ? place[id.index] : nil }
}
