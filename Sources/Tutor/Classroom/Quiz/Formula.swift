import Autograd

/// A forward rule written twice, with names and with numbers, for quiz prompts:
/// `x + y` and `-2 + 5`; `σ(ξ)` and `σ(0.5)`.
struct Formula: Equatable {
    var symbols: String
    var numbers: String

    static func forward(op: Op, inputs: [Operand]) -> Formula {
        let names = inputs.map(\.label)
        let values = inputs.map(\.value)
        if op.isInfix, inputs.count == 2 {
            return Formula(symbols: "\(names[0]) \(op.symbol) \(names[1])",
                           numbers: "\(parenthesised(values[0], first: true)) \(op.symbol) \(parenthesised(values[1]))")
        }
        if op == .neg, inputs.count == 1 {
            return Formula(symbols: "-\(names[0])", numbers: "-\(parenthesised(values[0]))")
        }
        return Formula(symbols: "\(op.symbol)(\(names.joined(separator: ", ")))",
                       numbers: "\(op.symbol)(\(values.map { NumberFormat.short($0) }.joined(separator: ", ")))")
    }

    /// A number as an operand: negative numbers in parentheses, except at the very start.
    static func parenthesised(_ value: Double, first: Bool = false) -> String {
        let text = NumberFormat.short(value)
        return value < 0 && !first ? "(\(text))" : text
    }
}
