/// The operations a computed node can apply. Each one is a single gate in the graph, the
/// granularity of the CS231n figures. Its forward rule and local derivatives are in
/// `OpRules.swift`, side by side.
public enum Op: UInt8, Sendable, CaseIterable {
    case add, sub, mul, div, neg, pow
    case exp, log, tanh, sigmoid, relu, step, sign, abs, sqrt
    case max, min, sum

    /// How many inputs the op takes.
    public enum Arity: Sendable, Equatable {
        case unary, binary
        /// One or more inputs (`max`, `min`, `sum`).
        case variadic
    }

    public var arity: Arity {
        switch self {
        case .add, .sub, .mul, .div, .pow: .binary
        case .neg, .exp, .log, .tanh, .sigmoid, .relu, .step, .sign, .abs, .sqrt: .unary
        case .max, .min, .sum: .variadic
        }
    }

    /// Whether `count` inputs are acceptable.
    public func accepts(inputCount count: Int) -> Bool {
        switch arity {
        case .unary: count == 1
        case .binary: count == 2
        case .variadic: count >= 1
        }
    }

    /// The name used in the graph language for function-style ops (`exp`, `max`), and a
    /// readable name for operators (`add`).
    public var name: String { String(describing: self) }

    /// The symbol drawn in a gate: `+`, `*`, `exp`, `σ` …
    public var symbol: String {
        switch self {
        case .add: "+"
        case .sub: "-"
        case .mul: "*"
        case .div: "/"
        case .neg: "-"
        case .pow: "^"
        case .sum: "Σ"
        case .sigmoid: "σ"
        case .step: "u"
        default: name
        }
    }

    /// The symbol in plain ASCII, for terminals that cannot draw Unicode.
    public var asciiSymbol: String {
        switch self {
        case .sigmoid: "sig"
        case .sum: "sum"
        default: symbol
        }
    }

    /// Whether the op is written between its operands (`a + b`) rather than as a call.
    public var isInfix: Bool {
        switch self {
        case .add, .sub, .mul, .div, .pow: true
        default: false
        }
    }

    /// Whether the inputs' order leaves the result as it is (`a + b = b + a`): a drawing
    /// may let them arrive in any order.
    public var isCommutative: Bool {
        switch self {
        case .add, .mul, .max, .min, .sum: true
        default: false
        }
    }

    /// Whether the op picks one of its inputs (`max`, `min`): its gradient goes to the
    /// winner alone. The other variadic op, `sum`, hands it to every input.
    public var picksOneInput: Bool { self == .max || self == .min }

    /// The ops that the graph language spells as calls: `exp(x)`, `max(a, b, c)`, `sum(a, b, c)`.
    public static let functions: [String: Op] = Dictionary(
        uniqueKeysWithValues: [Op.exp, .log, .tanh, .sigmoid, .relu, .step, .sign, .abs, .sqrt, .max, .min, .sum]
            .map { ($0.name, $0) })
}
