import Autograd
import Screen

/// The output's numbers on the graph pane's bottom border while its box is out of view
/// (a drawing too large for the pane, panned to the step): `output ✓ loss 0.25 ∇1`, so
/// that where the pass ends, and what the backward pass starts from, stays on screen.
/// Written right of the middle, left of `more →`; left out where the border has no room.
struct OutputPin {
    let spans: [Span]
    /// Where it is written: one row of the pane's bottom border.
    let frame: Rect

    init?(_ state: TutorState) {
        let pane = state.graphPanes.graph
        let inner = pane.inset(by: 1)
        let output = state.stepper.plan.tape.output
        guard let box = GraphPane.screenFrames(state, in: inner).first(where: { $0.node == output })?.frame,
              box.x < inner.x || box.y < inner.y || box.maxX > inner.maxX || box.maxY > inner.maxY else { return nil }
        let theme = state.theme, text = NodeText(output, state: state, progress: state.progress)
        spans = [Span(" output ", style: theme(.muted)), Span("\(text.glyph) \(state.scene.names[output.index])", style: text.markStyle),
                 Span(" "), text.value, Span(" "), Span(state.notation.gradientMark, style: theme(.muted)), text.grad, Span(" ")]
        let width = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let markers = MoreMarkers(state)
        let end = pane.maxX - 2 - (markers.right ? DisplayWidth.of(MoreMarkers.right(state.notation.unicode)) : 0)
        let start = pane.x + 2 + (markers.left ? DisplayWidth.of(MoreMarkers.left(state.notation.unicode)) : 0)
        guard end - width >= start + 1 else { return nil }
        frame = Rect(x: end - width, y: pane.maxY - 1, width: width, height: 1)
    }

    func draw(in buffer: inout Buffer) {
        var x = frame.x
        for span in spans {
            buffer.write(span.text, at: Point(x: x, y: frame.y), style: span.style)
            x += DisplayWidth.of(span.text)
        }
    }
}
