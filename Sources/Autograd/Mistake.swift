/// The classic autograd bugs the mistakes lab switches on, so a student sees what each
/// does to the gradients next to the right run (the fast path always computes the right
/// one). A zero_grad forgotten between iterations is a training setting instead
/// (`TrainingSettings.zeroGrad`).
public enum Mistake: String, Sendable, CaseIterable, Hashable {
    /// `=` where `+=` belongs: at a fan-out each contribution replaces the one before, so
    /// the gradient keeps only the last path.
    case assign
    /// `backward()` called a second time without zeroing: every leaf's gradient starts
    /// from what the first call left, and ends twice as large.
    case backwardTwice = "backward-twice"

    /// How the status line and the Step pane name it.
    public var title: String {
        switch self {
        case .assign: "= instead of +="
        case .backwardTwice: "backward() twice"
        }
    }
}
