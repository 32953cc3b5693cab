import Autograd
import Screen
import Testing
@testable import Tutor

/// The mouse (`mouse: true` in the settings): a click selects the node under it, the wheel
/// scrolls the text; anywhere else a click does nothing.
@Suite struct MouseTests {
    @Test func aClickSelectsTheNodeUnderIt() throws {
        let start = try state()
        let area = start.panes.graph.inset(by: 1)
        let (node, frame) = try #require(GraphPane.screenFrames(start, in: area).first { start.stepper.graph.name(of: $0.node) == "z" })
        let clicked = update(start, .key(.mouse(MouseEvent(.click, x: frame.x + 1, y: frame.y + 1))))
        #expect(clicked.selection == node)
        // Between the boxes, or outside the graph pane, nothing happens.
        let status = update(start, .key(.mouse(MouseEvent(.click, x: 5, y: 0))))
        #expect(status.selection == nil && status.message == nil)
        #expect(start.keyMap.action(for: .mouse(MouseEvent(.click, x: area.x, y: area.maxY - 1)), in: start) == nil)
    }

    @Test func theWheelScrollsTheText() throws {
        let start = try state()
        #expect(start.keyMap.action(for: .mouse(MouseEvent(.wheelDown, x: 10, y: 20)), in: start) == .scrollText(3))
        #expect(start.keyMap.action(for: .mouse(MouseEvent(.wheelUp, x: 10, y: 20)), in: start) == .scrollText(-3))
    }
}
