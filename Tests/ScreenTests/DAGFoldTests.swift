import Testing
@testable import Screen

/// A long chain folded into two bands: the right part below the left, each edge across
/// the fold starting again from a stub of its source.
@Suite struct DAGFoldTests {
    /// a → b → c → d → e → f, one-line boxes.
    func chain(_ count: Int) throws -> DAGLayout {
        let sizes = Array(repeating: Size(width: 5, height: 1), count: count)
        let edges = (0..<(count - 1)).map { DAGEdge(from: $0, to: $0 + 1) }
        return try DAGLayout(sizes: sizes, edges: edges, options: .init(minimumChannelWidth: 4))
    }

    @Test func aChainFoldsInHalf() throws {
        let layout = try chain(6)
        let fold = try #require(DAGFold(layout, channel: 4))
        let folded = fold.layout
        #expect(folded.size.width < layout.size.width)
        #expect(folded.size.height > layout.size.height)
        // One edge crosses the fold: its source gets a stub, left of its target, on its row.
        #expect(fold.stubs.count == 1)
        let stub = folded.frames.count - 1
        let source = try #require(fold.stubs.first)
        let edge = try #require(folded.edges.firstIndex { $0.from == stub })
        let target = folded.edges[edge].to
        #expect(layout.edges.contains(DAGEdge(from: source, to: target)))
        #expect(folded.frames[stub].y == folded.frames[target].y)
        #expect(folded.frames[stub].maxX < folded.frames[target].x)
        #expect(folded.routes[edge] == [Point(x: folded.frames[stub].maxX, y: folded.frames[stub].y),
                                        Point(x: folded.frames[target].x - 1, y: folded.frames[target].y)])
        // Every box stays whole and apart, the lower band below the upper.
        for (i, a) in folded.frames.enumerated() {
            for b in folded.frames[(i + 1)...] { #expect(!a.intersects(b)) }
        }
        #expect(folded.frames[target].y > folded.frames[0].maxY - 1)
    }

    /// A fold's lower band folded again (`after` its cut): three bands, each below the
    /// last, the third starting from a stub of the second's last node; only the lower
    /// band is cut, and it is measured by its own nodes, not the wider upper band's.
    @Test func aFoldsLowerBandFoldsAgain() throws {
        let layout = try chain(9)
        let first = try #require(DAGFold(layout, channel: 4, cut: 3))
        #expect(DAGFold.cuts(first.layout, channel: 4, after: 3).allSatisfy { $0 > 3 })
        let second = try #require(DAGFold.folds(of: first.layout, channel: 4, after: 3, limit: 1).first)
        #expect(second.cut > 3 && second.stubs.count == 1)
        let folded = second.layout
        #expect(folded.size.width < first.layout.size.width)
        // Three bands: a (row of the first), d (the second), and the second cut's layer below both.
        let rows = Set(folded.frames.map(\.y))
        #expect(rows.count == 3)
        #expect(folded.frames[second.cut].y > folded.frames[3].y && folded.frames[3].y > folded.frames[0].y)
        for (i, a) in folded.frames.enumerated() {
            for b in folded.frames[(i + 1)...] { #expect(!a.intersects(b)) }
        }
    }

    @Test func everyCutThatNarrowsIsOffered() throws {
        // Six boxes: the cut before the fourth balances the bands; the cuts either side
        // of it come next, and the fold at any of them puts that layer first in the lower band.
        let layout = try chain(6)
        let cuts = DAGFold.cuts(layout, channel: 4)
        #expect(cuts.first == 3 && Set(cuts.prefix(3)) == [2, 3, 4])
        for cut in cuts {
            let fold = try #require(DAGFold(layout, channel: 4, cut: cut))
            #expect(fold.layout.size.width < layout.size.width)
            let lowerBand = (0..<6).filter { fold.layout.frames[$0].y > fold.layout.frames[0].y }
            #expect(lowerBand == Array(cut..<6))
        }
        // A cut that does not narrow the drawing (the first box alone above, the rest
        // below beside a stub) is refused.
        #expect(!cuts.contains(1) && DAGFold(layout, channel: 4, cut: 1) == nil)
    }

    /// Where every node is one line of text in the middle of its frame (`oneLine`), the
    /// bands meet at their text: a lower band that starts with a frame taller than its
    /// line (a gate grown for its inputs) comes up by that frame's blank row above its
    /// line, and no two nodes' text rows overlap.
    @Test func oneLineBandsMeetAtTheirText() throws {
        var sizes = Array(repeating: Size(width: 5, height: 1), count: 6)
        sizes[3] = Size(width: 5, height: 3)
        let edges = (0..<5).map { DAGEdge(from: $0, to: $0 + 1) }
        let layout = try DAGLayout(sizes: sizes, edges: edges, options: .init(minimumChannelWidth: 4))
        let framed = try #require(DAGFold.folds(of: layout, channel: 4, limit: 1).first { $0.layout.layer[3] == 3 })
        let cut = try #require(DAGFold.cuts(layout, channel: 4).first)
        #expect(cut == 3)
        let text = try #require(DAGFold.folds(of: layout, channel: 4, oneLine: true, limit: 1).first)
        #expect(text.layout.size.height == framed.layout.size.height - 1)
        func textRow(_ frame: Rect) -> Int { frame.y + (frame.height - 1) / 2 }
        let upperText = (0..<3).map { textRow(text.layout.frames[$0]) }.max() ?? 0
        #expect(textRow(text.layout.frames[3]) == upperText + 1)
        let rows = text.layout.frames.map { Rect(x: $0.x, y: textRow($0), width: $0.width, height: 1) }
        for (i, a) in rows.enumerated() {
            for b in rows[(i + 1)...] { #expect(!a.intersects(b)) }
        }
    }

    /// An edge that skips the cut's first layer is carried across the fold where its run
    /// on its arrival row is clear: bce's y → (1 − y), whose target trails beside its
    /// consumer a layer later, no longer rules out the cut that fits 80 columns.
    @Test func anEdgeSkippingTheCutsLayerCrossesWhereItsRunIsClear() throws {
        // 0 → 1 → 2 → 3 → 4 → 5, and 6 (floating to layer 2) into 3 and into 4.
        let sizes = Array(repeating: Size(width: 5, height: 1), count: 7)
        let edges = (0..<5).map { DAGEdge(from: $0, to: $0 + 1) } + [DAGEdge(from: 6, to: 3), DAGEdge(from: 6, to: 4)]
        let layout = try DAGLayout(sizes: sizes, edges: edges,
                                   options: .init(minimumChannelWidth: 4, sourcesInFirstLayer: false, pinnedSources: [0]))
        #expect(layout.layer[6] == 2 && layout.layer[4] == 4)
        #expect(DAGFold.cuts(layout, channel: 4).contains(3))
        let fold = try #require(DAGFold(layout, channel: 4, cut: 3))
        let skipping = try #require(fold.layout.edges.indices.first { fold.layout.edges[$0].to == 4 && fold.layout.edges[$0].from != 3 })
        let route = fold.layout.routes[skipping]
        // (From 6 itself, moved below beside 3, or from a stub of it: straight in at the end.)
        let end = try #require(route.last)
        #expect(route.count >= 2 && route[route.count - 2].y == end.y)
        #expect(fold.layout.frames[4].x == end.x + 1 && (fold.layout.frames[4].y..<fold.layout.frames[4].maxY).contains(end.y))
        #expect(fold.layout.frames[3].y > fold.layout.frames[2].y)
    }

    /// Every fold at every offered cut of some tangled graphs: each stub's run, straight
    /// along its target's arrival row, meets no box but its own two and runs along no
    /// other wire, and no two boxes overlap. So does a moved source's wire, which may
    /// first branch down or up past other wires' runs (never along them).
    @Test func everyStubsRunIsClear() throws {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var cutsSeen = 0, skipsSeen = 0, branchesSeen = 0
        for graph in 0..<40 {
            let count = 6 + next(10)
            let sizes = (0..<count).map { _ in Size(width: 3 + next(6), height: 1) }
            var edges: [DAGEdge] = []
            for to in 1..<count {
                for _ in 0...next(2) { edges.append(DAGEdge(from: next(to), to: to)) }
            }
            // Half with the sources floating to their consumers, as the lessons' constants do.
            let options = DAGLayout.Options(minimumChannelWidth: 4, sourcesInFirstLayer: graph.isMultiple(of: 2), pinnedSources: [0])
            let layout = try DAGLayout(sizes: sizes, edges: edges, options: options)
            for cut in DAGFold.cuts(layout, channel: 4) {
                cutsSeen += 1
                let fold = try #require(DAGFold(layout, channel: 4, cut: cut)), folded = fold.layout
                for (e, edge) in folded.edges.enumerated() where edge.from >= count || fold.movedBelow.contains(edge.from) {
                    if folded.layer[edge.to] > cut { skipsSeen += 1 }
                    let route = folded.routes[e]
                    let row = try #require(route.last).y
                    let source = folded.frames[edge.from]
                    #expect(route.first == Point(x: source.maxX, y: source.y))
                    if route.count == 3 {
                        // A moved source's branch: down or up its first column, past no box
                        // and across no other wire's run.
                        branchesSeen += 1
                        #expect(fold.movedBelow.contains(edge.from) && route[1] == Point(x: source.maxX, y: row))
                        let rows = min(source.y, row) + 1 ..< max(source.y, row)
                        for frame in folded.frames { #expect(!(frame.x...frame.maxX - 1 ~= source.maxX && rows.overlaps(frame.y..<frame.maxY))) }
                        for (other, wire) in folded.routes.enumerated() where folded.edges[other].from != edge.from {
                            for (a, b) in zip(wire, wire.dropFirst()) where a.y == b.y && rows.contains(a.y) {
                                #expect(!(min(a.x, b.x)...max(a.x, b.x) ~= source.maxX))
                            }
                        }
                    } else {
                        #expect(route.count == 2 && route[0].y == row)
                    }
                    let run = route[route.count - 2].x..<folded.frames[edge.to].x
                    for (node, frame) in folded.frames.enumerated() where node != edge.from && node != edge.to {
                        #expect(!((frame.y..<frame.maxY).contains(row) && frame.x < run.upperBound && run.lowerBound < frame.maxX))
                    }
                    for (other, wire) in folded.routes.enumerated() where other != e {
                        for (a, b) in zip(wire, wire.dropFirst()) where a.y == row && b.y == row {
                            #expect(!(min(a.x, b.x) < run.upperBound - 1 && run.lowerBound < max(a.x, b.x)))
                        }
                    }
                }
                for (i, a) in folded.frames.enumerated() {
                    for b in folded.frames[(i + 1)...] { #expect(!a.intersects(b)) }
                }
            }
        }
        #expect(cutsSeen > 20 && skipsSeen > 0 && branchesSeen > 0)
    }

    /// A stub's wire into a gate that asks for room (a label on it) is that long; the
    /// others keep the channel, and the cut is weighed with the wider band.
    @Test func aStubsWireHasTheRoomItsGateAsksFor() throws {
        let layout = try chain(6)
        let plain = try #require(DAGFold(layout, channel: 4, cut: 3)).layout
        let roomy = try #require(DAGFold(layout, channel: 4, runWidths: [3: 12], cut: 3)).layout
        func run(_ folded: DAGLayout) -> Int {
            let e = folded.edges.firstIndex { $0.to == 3 } ?? 0
            return (folded.routes[e].last?.x ?? 0) - (folded.routes[e].first?.x ?? 0) + 1
        }
        #expect(run(plain) == 4 && run(roomy) == 12)
        #expect(roomy.size.width == plain.size.width + 8)
        #expect(DAGFold(layout, channel: 4, runWidths: [5: 12], cut: 3)?.layout.size.width == plain.size.width)
    }

    @Test func nothingToFold() throws {
        #expect(DAGFold(try chain(1), channel: 4) == nil)
    }
}
