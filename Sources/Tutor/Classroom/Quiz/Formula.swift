import Autograd

/// A forward rule written twice, with names and with numbers, for quiz prompts:
/// `x + y` and `−2 + 5`; `σ(ξ)` and `σ(0.5)`. Spelt by the tutor's `Notation`, so a
/// question reads exactly like the inspector's formula that answers it (the view turns
/// it into ASCII where the terminal needs that).
struct Formula: Equatable {
    var symbols: String
    var numbers: String

    static let notation = Notation(unicode: true)

    static func forward(op: Op, names: [String], values: [Double]) -> Formula {
        Formula(symbols: notation.apply(op, names), numbers: notation.apply(op, values: values))
    }

    /// A number as the screen writes it, with a real minus sign.
    static func number(_ value: Double) -> String { notation.number(value) }

    /// A number as an operand: negative numbers in parentheses.
    static func parenthesised(_ value: Double) -> String { notation.operand(value) }
}
