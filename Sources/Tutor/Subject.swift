import Autograd
import Lessons

/// What the tutor has open: a bare graph (a graph file or one expression) or a lesson,
/// whose parts are opened one at a time.
public enum Subject: Sendable {
    /// A graph with the name the status line shows (`chain-rule.graph`, `(x+y)*z`).
    case graph(title: String, Graph)
    case lesson(Lesson)

    /// What the status line calls it.
    public var title: String {
        switch self {
        case .graph(let title, _): title
        case .lesson(let lesson): lesson.title
        }
    }

    /// The title as an error message names it: a long expression (`backprop expr` of
    /// thousands of terms) cut to its first 40 characters and an ellipsis.
    public var messageLabel: String {
        title.count <= 40 ? title : String(title.prefix(39)) + "…"
    }

    /// The variant (`--variant N`) whose numbers part `index` shows: nil for the slide's
    /// numbers, also where a variant's part kept them (all data, zeros and labels, or no
    /// draw told the same story).
    public func variant(ofPart index: Int) -> Int? {
        guard case .lesson(let lesson) = self, lessonPart(index)?.isVaried == true else { return nil }
        return lesson.variant
    }

    /// The number of parts (1 for a bare graph).
    public var partCount: Int {
        switch self {
        case .graph: 1
        case .lesson(let lesson): lesson.parts.count
        }
    }

    /// The lesson part at `index`, `nil` for a bare graph.
    public func lessonPart(_ index: Int) -> LessonPart? {
        guard case .lesson(let lesson) = self, lesson.parts.indices.contains(index) else { return nil }
        return lesson.parts[index]
    }

    /// The title of part `index` when the lesson has several.
    public func partTitle(_ index: Int) -> String? { lessonPart(index)?.title }

    /// A step machine over part `index` (forward, backward and, for lessons that train,
    /// the updates of every epoch).
    /// `mistake` (when given) overrides the part's own.
    public func makeStepper(part index: Int, granularity: BackwardGranularity, mistake: Mistake?? = nil) throws(TrainingError) -> Stepper {
        switch self {
        case .graph(_, let graph): return try Stepper(graph: graph, granularity: granularity, mistake: mistake ?? nil)
        case .lesson(let lesson): return try lesson.parts[index].makeStepper(granularity: granularity, mistake: mistake)
        }
    }
}
