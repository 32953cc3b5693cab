import Autograd

// The words the tutor uses for an op, kept beside the screens that say them (the engine
// knows only the rules, OpRules.swift).
extension Op {
    /// What the op does to the gradient flowing back through it, in one sentence a student
    /// can remember: the CS231n gates by their names ("add", "mul swaps its inputs"), the
    /// others by what they compute ("a difference", not the op's name "sub").
    var gradientRule: String {
        switch self {
        case .add: "add hands the upstream gradient on unchanged to every input"
        case .sub: "a difference hands the gradient on unchanged to its left input and negated to its right"
        case .mul: "mul swaps its inputs: each input's local gradient is the other input's value"
        case .div: "a quotient: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²"
        case .neg: "a negation flips the sign of the gradient"
        case .pow: "a power: ∂(aᵇ)/∂a = b·aᵇ⁻¹ and ∂(aᵇ)/∂b = aᵇ·ln a"
        case .exp: "exp multiplies the gradient by its own value eˣ"
        case .log: "log multiplies the gradient by 1/x"
        case .tanh: "tanh multiplies the gradient by 1 − tanh²"
        case .sigmoid: "σ multiplies the gradient by σ(1 − σ)"
        case .relu: "relu passes the gradient where its input is positive and blocks it elsewhere"
        case .step: "the unit step u(·) is flat: its local gradient is 0, so nothing flows back"
        case .sign: "sign is flat: its local gradient is 0, so nothing flows back"
        case .abs: "abs multiplies the gradient by the sign of its input"
        case .sqrt: "sqrt multiplies the gradient by 1/(2√x)"
        case .max: "max routes the whole gradient to its largest input; the others get 0"
        case .min: "min routes the whole gradient to its smallest input; the others get 0"
        case .sum: "a sum hands the upstream gradient on unchanged to every input"
        }
    }
}
