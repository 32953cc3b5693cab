import Autograd
import Screen

/// What every drawing of the graph writes for a node: its mark (▶ ✓ ·) and the style the
/// mark and name take, and its value and gradient as spans ("?" until the pass on screen
/// has computed them). The circuit view and the flow diagram both draw from it, so they
/// cannot disagree about a node.
struct NodeText {
    let mark: PassProgress.Mark
    let glyph: Character
    /// The mark's and the name's style: highlighted when active, dimmed while pending.
    let markStyle: Style
    let value: Span
    let grad: Span

    init(_ id: NodeID, state: TutorState, progress: PassProgress) {
        let theme = state.theme, notation = state.notation, graph = state.stepper.graph
        mark = progress.mark(of: id)
        glyph = switch mark {
        case .active: theme.glyphs.active
        case .done: theme.glyphs.done
        case .pending: theme.glyphs.pending
        }
        markStyle = mark == .active ? theme(.active) : (mark == .pending ? theme(.pending) : theme(.title))
        value = progress.valueKnown[id.index]
            ? Span(notation.number(graph.values[id.index]), style: theme(.value)) : Span("?", style: theme(.pending))
        grad = progress.gradKnown[id.index]
            ? Span(notation.number(graph.grads[id.index]), style: theme(.gradient)) : Span("?", style: theme(.pending))
    }
}
