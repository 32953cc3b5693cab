import Autograd

/// The sizes a lesson file may ask for, chosen so that `check`, `eval`, `render` and the
/// tutor each stay under a second and 200 MB on a lesson at the limits (documented in
/// lessons/README.md). The reader reports a file beyond them at the line and column of the
/// field, before anything is trained.
public enum LessonLimits {
    /// `training: epochs:` and `after N epochs`.
    public static let epochs = 100_000
    /// `data: rows:`.
    public static let rows = 10_000
    /// Rows × epochs × steps per pass: the steps the tutor can walk through one part
    /// (xor's training: 4 × 2,000 × 57 = 456,000). `render --all` at the limit takes
    /// about half a second and 120 MB; the fast path of `check` and `eval` far less.
    public static let steps = 2_000_000

    /// An upper bound of the steps of one pass over `graph`: a forward step per op, a
    /// backward step per node, an update per parameter, and the sample, seed and batch steps.
    public static func stepsPerPass(_ graph: Graph) -> Int {
        let ops = graph.ops.lazy.filter { $0 != nil }.count
        let params = graph.kinds.lazy.filter { $0 == .param }.count
        return ops + graph.count + params + 3
    }
}
