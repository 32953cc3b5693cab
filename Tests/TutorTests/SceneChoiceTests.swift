import Testing
import Screen
@testable import Tutor

/// Which drawing a pane too small for every one of them pans (`SceneChoice.panned`).
@Suite struct SceneChoiceTests {
    let screen = Size(width: 80, height: 24)

    /// The pane's window for a drawing of `size`, panned.
    func window(_ size: Size) -> Size {
        Panes(size: screen, graphHeight: SceneChoice.pannedHeight(size.height, screen: screen), sidePane: false).graphViewport
    }

    /// Of two drawings too large, the one in which every step fits the window with its
    /// inputs, though the other shows more of itself: perceptron part 6's circuit at 80×24,
    /// where a fold's gate `max` had its inputs 12 rows apart.
    @Test func aStepWithItsInputsOutranksAShare() {
        let wide = Size(width: 120, height: 30), narrow = Size(width: 90, height: 30)
        let view = window(narrow)
        let apart = Size(width: 20, height: view.height + 1), together = Size(width: 20, height: view.height)
        let boxes = [Size(width: 10, height: 3), Size(width: 10, height: 3)]
        #expect(SceneChoice.panned([wide, narrow], size: screen, side: false, largestBoxes: boxes).scene == 1)
        #expect(SceneChoice.panned([wide, narrow], size: screen, side: false, largestBoxes: boxes,
                                   largestGroups: [together, apart]).scene == 0)
        // A box that cannot be seen whole still weighs more.
        #expect(SceneChoice.panned([wide, narrow], size: screen, side: false,
                                   largestBoxes: [Size(width: 10, height: view.height + 1), boxes[1]],
                                   largestGroups: [together, apart]).scene == 1)
    }

    /// A drawing wanting rows (a circuit in three bands) is taken only where the Step and
    /// Lesson panes keep `Panes.textRowsWanted` rows beside it; else the next that fits
    /// is, though it leaves them as few (no twin is looked for in its place).
    @Test func aDrawingWantingRowsGivesWayWhereTheTextIsShort() {
        let three = Size(width: 70, height: 11), two = Size(width: 58, height: 12), compact = Size(width: 58, height: 10)
        let tries: [(drawings: Range<Int>, side: Bool)] = [(0..<3, false)]
        func best(_ size: Size, wanting: Bool) -> Int {
            SceneChoice.best([three, two, compact], size: size, tries: tries, sideWhenPanned: false,
                             wantingRows: { $0 == 0 && wanting }).scene
        }
        #expect(best(Size(width: 100, height: 30), wanting: true) == 0)
        #expect(best(screen, wanting: false) == 0)
        #expect(best(screen, wanting: true) == 1)
    }

    /// Among equals otherwise, the drawing whose output is in view where the part starts:
    /// bce-neuron part 1's circuit at 80×24, whose fold at log(ŷ) left ℓ two columns out.
    @Test func theOutputInViewAtTheStartOutranksAShare() {
        let wider = Size(width: 120, height: 20), closer = Size(width: 82, height: 20)
        let view = window(closer)
        let out = Rect(x: view.width - 1, y: 0, width: 3, height: 1), seen = Rect(x: 10, y: 2, width: 3, height: 1)
        #expect(SceneChoice.panned([wider, closer], size: screen, side: false).scene == 1)
        #expect(SceneChoice.panned([wider, closer], size: screen, side: false, outputs: [seen, out]).scene == 0)
    }
}
