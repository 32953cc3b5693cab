import Autograd
import Lessons
import Screen

/// The tutor's classroom features as one part of `TutorState`: quiz mode, the gradient
/// check, the training views and autoplay. Kept apart from the stepping core so that each
/// feature is a small function here and the core's update only hands actions over.
public struct Classroom: Sendable {
    /// Whether the tutor asks for a prediction before each step reveals a number.
    public var quizEnabled = false
    public var quiz = QuizSession()
    /// Whether the inspector shows the gradient check of the focused node.
    public var gradientCheckVisible = false
    /// Whether parts with data show the decision map and the loss chart beside the graph:
    /// as the student chose with `t`, or `nil` until then — shown where the graph fits
    /// beside them, else (the graph panned) only once the first epoch has trained, since
    /// stepping through the first pass needs the graph's width more than a map of it.
    public var trainingVisible: Bool?
    /// Hands-free playback (`play --autoplay`), `nil` when stepping by hand.
    public var autoplay: Autoplay?
    /// The time of the last tick (seconds on the run loop's monotonic clock).
    public var now: Double = 0
    /// The training track of the open part, when it has data: computed when the part
    /// opens (not for every part at start-up: `render --step 1` of part 1 trains nothing).
    public internal(set) var track: TrainingTrack?

    /// The classroom of part `part` of `subject`.
    public init(subject: Subject, part: Int) {
        track = subject.lessonPart(part).flatMap(TrainingTrack.init(part:))
    }

    /// A classroom with no lesson data (a bare graph).
    public init() {}
}

/// What the classroom features can be asked to do. One case of `Action`
/// (`.classroom(_:)`), handled by `TutorState.applyClassroom(_:)`.
public enum ClassroomAction: Hashable, Sendable {
    /// Quiz mode on or off.
    case toggleQuiz
    /// Typing an answer.
    case quizType(Character)
    case quizErase
    case quizSubmit
    /// Show the answer without trying (counts as missed).
    case quizReveal
    /// Show or hide the gradient check of the selected (or active) node.
    case toggleGradientCheck
    /// Show or hide the training views.
    case toggleTraining
    /// Train `epochs` epochs on, the screen following.
    case fastForward(epochs: Int)
    /// Autoplay: pause or resume; faster; slower.
    case togglePlayback
    case faster
    case slower
}

extension Classroom {
    /// The classroom's key bindings (`KeyMap.classroom`). Letters not taken by the
    /// stepping core: v(erify the gradient), f/F (fast-forward), t(raining views), z (quiz).
    /// They are listed in the `?` help, not in the hint line, which stays the core's.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("z")], .classroom(.toggleQuiz),
                   help: "quiz: predict each number first", section: .stepping),
        KeyBinding([.character("v")], .classroom(.toggleGradientCheck),
                   help: "gradient check (until the next step)", section: .graph),
        KeyBinding([.character("f")], .classroom(.fastForward(epochs: 10)), help: "fast-forward 10 epochs",
                   section: .stepping, group: "fast-forward 10 / 100 epochs"),
        KeyBinding([.character("F")], .classroom(.fastForward(epochs: 100)), help: "fast-forward 100 epochs",
                   section: .stepping, group: "fast-forward 10 / 100 epochs"),
        KeyBinding([.character("t")], .classroom(.toggleTraining), help: "decision map and loss chart",
                   section: .graph),
    ]

    /// Playback's keys, bound before the standard ones so that space pauses instead of
    /// stepping (→ and l still step).
    public static let playbackBindings: [KeyBinding] = [
        KeyBinding([.character(" ")], .classroom(.togglePlayback), help: "pause or resume the autoplay", section: .stepping,
                   inHints: true, hint: "pause"),
        KeyBinding([.character("+"), .character("=")], .classroom(.faster), help: "autoplay faster", section: .stepping,
                   inHints: true, hint: "faster", group: "autoplay faster / slower"),
        KeyBinding([.character("-")], .classroom(.slower), help: "autoplay slower", section: .stepping, inHints: true,
                   hint: "slower", group: "autoplay faster / slower"),
    ]

    /// The keys while an answer is being typed: every printable character goes into the
    /// answer, so none of them may step or quit.
    public static let answerBindings: [KeyBinding] = [
        KeyBinding([.enter], .classroom(.quizSubmit), help: "check the answer", section: .general, inHints: true,
                   hint: "check"),
        KeyBinding([.backspace, .delete], .classroom(.quizErase), help: "erase", section: .general, inHints: true),
        KeyBinding([.escape], .classroom(.quizReveal), help: "show the answer", section: .general, inHints: true,
                   hint: "show answer"),
    ]

    /// `answerBindings` as a key map, built once rather than on every key and frame.
    static let answerKeyMap = KeyMap(answerBindings)

    /// The key map of `play`: playback keys first, then `base`'s without space.
    public static func playbackKeyMap(_ base: KeyMap) -> KeyMap {
        let rest = base.bindings.map { binding in
            var binding = binding
            binding.keys.removeAll { $0 == .character(" ") }
            return binding
        }
        return KeyMap(playbackBindings + rest.filter { !$0.keys.isEmpty })
    }
}

extension KeyMap {
    /// The tutor's keys with the classroom's (quiz, gradient check, fast-forward, training
    /// views): what `learn`, `play` and the picker run with. `standard` stays the stepping
    /// core. The help lists both whole at 80×24, in two columns.
    public static let classroom = standard.adding(Classroom.bindings)
}
