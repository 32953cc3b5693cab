import Autograd
import Screen

/// Everything the user can ask the tutor to do. Keys become actions in exactly one place
/// (`KeyMap.action(for:in:)`); `TutorState.apply(_:)` is the only code that acts on them.
///
/// Extending: add a case here, a binding (with its help text) to `KeyMap.standard` or to
/// a key map of your own, and a branch in `TutorState.apply(_:)` that calls a small
/// function of its own (see `Update.swift`). Hints and the help overlay pick the binding
/// up by themselves.
public enum Action: Hashable, Sendable {
    // Stepping through the plan.
    /// Take the next step (at the end of a lesson part: open the next part).
    case next
    /// Undo the last step (at the start of a lesson part: back to the previous part's end).
    case back
    /// Finish the current phase (jump to the next phase boundary).
    case finishPhase
    /// Rewind to the start of the phase of the last step.
    case rewindPhase
    /// Back to the start of the lesson part (of the graph).
    case restart
    /// Open the previous or the next part of a lesson at its start.
    case previousPart
    case nextPart
    /// Jump to the end of the plan.
    case toEnd
    /// Move the cursor to step `to` (0 = the start), clamped to the plan.
    case jump(to: Int)
    /// Switch the backward pass between one step per node and one step per edge.
    case toggleEdgeStepping
    /// The mistakes lab: switch on the next classic autograd bug (then none again).
    case cycleMistake

    // The graph pane.
    /// Switch between the circuit view and the flow-diagram view.
    case toggleGraphView
    /// Select the next (or previous) node in definition order; the inspector describes it.
    case selectNext
    case selectPrevious
    /// Select this node (a click on it).
    case select(NodeID)
    /// Move the graph viewport by whole cells.
    case pan(dx: Int, dy: Int)
    /// Bring the active (or selected) node back into view.
    case recenter

    /// Scroll the step and lesson text when it is longer than its pane (by rows).
    case scrollText(Int)

    // Around the screen.
    case toggleHelp
    /// Close the help overlay, or else clear the selection.
    case dismiss
    case quit

    // Quiz, gradient check, training views, autoplay (Classroom/Classroom.swift).
    case classroom(ClassroomAction)
}
