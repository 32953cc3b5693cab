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

    @Test func nothingToFold() throws {
        #expect(DAGFold(try chain(1), channel: 4) == nil)
    }
}
