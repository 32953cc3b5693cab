import Lessons
import Screen
import Testing
@testable import Tutor

/// Issue 12, item 3: a bundled part's graph is panned only where it truly does not fit,
/// that is where none of the drawings its scenes make (every level of detail, fold and
/// squeeze: `GraphScene.scenes`, `TutorState.flows`) fits the largest graph pane the
/// screen allows, the Step and Lesson panes kept to their least (`Panes`, 8 rows).
@Suite struct PannedPartsTests {
    static let sizes = [Size(width: 100, height: 30), Size(width: 80, height: 24)]

    /// The cases panned at step 0: (lesson, part from 1, view, width). The list only
    /// shrinks. The largest pane is 98×18 at 100×30 and 78×12 at 80×24; the closest
    /// drawings (width×height) were, when the list was made:
    /// - perceptron 6 circuit: 14 rows at the least (110 wide), 51 columns (23 rows);
    /// - bce-neuron 2 circuit: 102×18 at 100×30, four columns over; 12 rows only 186 wide;
    /// - softmax 2 circuit: 18 rows only 196 wide, 109 columns at the least (29 rows);
    /// - xor 2 circuit: 14 rows at the least (175 wide), 97 columns (24 rows);
    /// - two-layer-relu 1 circuit: 18 rows only 163 wide, 96 columns (38 rows);
    /// - two-layer-relu 3 circuit: 21 rows at the least, 118 columns at the least;
    /// - polynomial-fit 4 circuit: 21 rows at the least, 100 columns (37 rows);
    /// - two-layer-relu 3 flow: 93×12, 15 columns over; polynomial-fit 4 flow: 82×16.
    static let panned: Set<String> = [
        "perceptron 6 circuit 80", "bce-neuron 2 circuit 100", "bce-neuron 2 circuit 80",
        "softmax 2 circuit 100", "softmax 2 circuit 80", "xor 2 circuit 80",
        "two-layer-relu 1 circuit 100", "two-layer-relu 1 circuit 80",
        "two-layer-relu 3 circuit 100", "two-layer-relu 3 circuit 80", "two-layer-relu 3 flow 80",
        "polynomial-fit 4 circuit 100", "polynomial-fit 4 circuit 80", "polynomial-fit 4 flow 80",
    ]

    @Test(arguments: ScreenAuditTests.lessons) func onlyWhatCannotFitIsPanned(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        for size in Self.sizes {
            let largest = Panes(size: size, graphHeight: size.height).graphViewport
            for part in lesson.parts.indices {
                let opened = try TutorState(subject: .lesson(lesson), part: part, theme: .monochrome(), size: size)
                for state in opened.flow == nil ? [opened] : [opened, update(opened, .toggleGraphView)] {
                    let key = "\(name) \(part + 1) \(state.graphView) \(size.width)"
                    let drawings = state.showsFlow ? state.flows.map(\.size) : state.scenes.map(\.size)
                    let fitting = drawings.filter { $0.width <= largest.width && $0.height <= largest.height }
                    if state.choice.fits {
                        #expect(!Self.panned.contains(key), "\(key) fits now: take it off the list")
                    } else {
                        #expect(Self.panned.contains(key), "\(key) is panned")
                        #expect(fitting.isEmpty, "\(key) is panned, yet \(fitting.count) drawings fit \(largest)")
                    }
                }
            }
        }
    }
}
