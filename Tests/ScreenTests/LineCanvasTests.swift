import Testing
@testable import Screen

/// How lines join: one net's lines meet in junctions; another net's line crossing straight
/// through passes over it (┿, the horizontal heavier), but one that ends on it joins it, as the
/// inputs of one gate converge on its arrow.
@Suite struct LineCanvasTests {
    func draw(_ lines: [(points: [Point], net: Int)]) -> [String] {
        var canvas = LineCanvas(area: Rect(x: 0, y: 0, width: 5, height: 3))
        for line in lines { canvas.addPolyline(line.points, net: line.net, style: .plain) }
        var buffer = Buffer(size: Size(width: 5, height: 3))
        canvas.render(into: &buffer, glyphs: .unicode)
        return buffer.trimmedLines
    }

    @Test func aLineCrossingAnotherNetPassesOverIt() {
        let vertical = [Point(x: 2, y: 0), Point(x: 2, y: 2)], horizontal = [Point(x: 0, y: 1), Point(x: 4, y: 1)]
        #expect(draw([(vertical, 1), (horizontal, 2)]) == ["  │", "──┿──", "  │"])
        #expect(draw([(horizontal, 2), (vertical, 1)]) == ["  │", "──┿──", "  │"])
    }

    @Test func aLineEndingOnAnotherNetJoinsIt() {
        // Two inputs converging on the row below: ┐ from above, ┤ where the second meets it.
        let first = [Point(x: 0, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 2)]
        let second = [Point(x: 0, y: 1), Point(x: 2, y: 1), Point(x: 2, y: 2)]
        #expect(draw([(first, 1), (second, 2)]) == ["──┐", "──┤", "  │"])
        #expect(draw([(second, 2), (first, 1)]) == ["──┐", "──┤", "  │"])
    }

    @Test func aCrossingKeepsTheHorizontalsStyle() {
        // The active edge runs across another net's track: its style holds at the crossing.
        var canvas = LineCanvas(area: Rect(x: 0, y: 0, width: 5, height: 3))
        let bold = Style.plain.bolded()
        canvas.addPolyline([Point(x: 2, y: 0), Point(x: 2, y: 2)], net: 1, style: .plain)
        canvas.addPolyline([Point(x: 0, y: 1), Point(x: 4, y: 1)], net: 2, style: bold)
        var buffer = Buffer(size: Size(width: 5, height: 3))
        canvas.render(into: &buffer, glyphs: .unicode)
        #expect(buffer[2, 1].symbol == "┿" && buffer[2, 1].style == bold && buffer[2, 0].style == .plain)
    }

    @Test func linesLeavingACellTheSameWayJoin() {
        // Arrows coming together at one arrowhead: one runs straight in along the row, the
        // other comes down its track and turns into the same row: ┼, not a crossing (┿).
        let straight = [Point(x: 0, y: 1), Point(x: 4, y: 1)]
        let turning = [Point(x: 2, y: 0), Point(x: 2, y: 2), Point(x: 2, y: 1), Point(x: 4, y: 1)]
        #expect(draw([(straight, 1), (turning, 2)]) == ["  │", "──┼──", "  │"])
        #expect(draw([(turning, 2), (straight, 1)]) == ["  │", "──┼──", "  │"])
    }

    @Test func oneNetsLinesMeetInAJunction() {
        let trunk = [Point(x: 0, y: 1), Point(x: 4, y: 1)], branch = [Point(x: 2, y: 1), Point(x: 2, y: 2)]
        #expect(draw([(trunk, 1), (branch, 1)]) == ["", "──┬──", "  │"])
    }
}
