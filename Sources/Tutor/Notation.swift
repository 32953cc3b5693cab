import Foundation
import Autograd
import Lessons

/// How formulas and numbers are written on screen: Unicode mathematics (∂, −, ·, ←, η)
/// where the terminal can show it, plain ASCII (d, -, *, <-, eta) where it cannot. Every
/// text the tutor draws goes through here, so `LANG=C` never shows a blank glyph.
public struct Notation: Sendable, Hashable {
    public var unicode: Bool

    public init(unicode: Bool) { self.unicode = unicode }

    public var partial: String { unicode ? "∂" : "d" }
    public var minus: String { unicode ? "−" : "-" }
    public var times: String { unicode ? "·" : "*" }
    public var assign: String { unicode ? "←" : "<-" }
    public var eta: String { unicode ? "η" : "eta" }
    public var sum: String { unicode ? "Σ" : "sum" }
    /// Before a gradient in a one-line node: `∇−4` (ASCII `g=-4`).
    public var gradientMark: String { unicode ? "∇" : "g=" }
    /// Between the parts of a title or status line.
    public var separator: String { unicode ? " · " : " - " }
    /// "times" on an edge label (`×1=−4`) and in a gate; `*` in ASCII, as `x` would read
    /// as a name.
    public var edgeTimes: String { unicode ? "×" : "*" }

    /// The screen's one rounding rule: every number the tutor draws (graph, step pane,
    /// status, training views) is written with this many decimals from 1 up (`188.737`),
    /// this many significant digits below 1 (`0.368`, `0.0053`), trailing zeros dropped,
    /// and in exponent form below 10⁻³ and from 10⁷ on (`NumberFormat.short`, without the
    /// exponent's padding zero: `9.68e-4`). One value is written one way on one screen,
    /// and small factors keep enough digits for a product to be checked by hand. `eval`
    /// prints exact values.
    public static let digits = 3

    /// A number for people by the screen's rule (`digits` decimals unless asked for more,
    /// as the gradient check does to compare two close numbers), with a real minus sign
    /// in Unicode.
    public func number(_ value: Double, digits: Int = Notation.digits) -> String {
        var decimals = digits
        let magnitude = Swift.abs(value)
        if digits == Notation.digits, magnitude >= 1e-3, magnitude < 0.1 {
            // 0.0053 keeps its 3: as many decimals as give `digits` significant ones.
            decimals = digits - 1 - Int((Foundation.log10(magnitude)).rounded(.down))
        }
        var text = NumberFormat.short(value, digits: decimals)
        // A screen exponent keeps no padding zero: 2.29e-5, not 2.29e-05.
        if text.contains("e") { text = text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e+") }
        return unicode && text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// The value a reader takes from `number(value)`: what a product or sum is worked out
    /// from by hand.
    public func shown(_ value: Double) -> Double {
        Double(number(value).replacingOccurrences(of: minus, with: "-")) ?? value
    }

    /// The sign before a result worked out from rounded numbers: `=` where the numbers as
    /// shown give it, `≈` (ASCII `~=`) where their rounding shows in its last digit
    /// (0.197 · (−2) ≈ −0.393, from 0.1966 · (−2)); a reader checking by hand then knows why.
    public func equals(_ result: Double, byHand: Double) -> String {
        number(byHand) == number(result) || !byHand.isFinite ? " = " : (unicode ? " ≈ " : " ~= ")
    }

    /// A number as an operand after an operator: negative ones in parentheses, "(−4)".
    public func operand(_ value: Double) -> String {
        let text = number(value)
        return value < 0 || text.hasPrefix(minus) ? "(\(text))" : text
    }

    /// ∂f/∂x. In ASCII a name that begins with d (or δ, spelt "delta") goes in
    /// parentheses: "dL/d(d1)", "d(delta1)/d(d1)", not "dL/dd1", "ddelta1/dd1".
    public func derivative(_ of: String, _ wrt: String) -> String {
        "\(partial)\(differentiated(of))/\(partial)\(differentiated(wrt))"
    }

    private func differentiated(_ name: String) -> String {
        guard !unicode, let first = name.unicodeScalars.first, Notation.readAsPartial.contains(first) else { return name }
        return "(\(name))"
    }

    /// The first letters of a name that an ASCII "d" before it would run into.
    static let readAsPartial: Set<Unicode.Scalar> = ["d", "δ", "Δ"]

    /// The symbol of an op in formulas: `·` for multiplication, `σ` or `sig` …
    public func symbol(_ op: Op) -> String {
        switch op {
        case .mul: times
        case .sub, .neg: minus
        default: unicode ? op.symbol : op.asciiSymbol
        }
    }

    /// The symbol of an op in a gate of the graph: `×` rather than the formulas' `·`, which
    /// would be lost in a box title.
    public func gateSymbol(_ op: Op) -> String {
        switch op {
        case .mul: edgeTimes
        case .sum: "+"  // an n-ary add: arrowheads coming together, as in the slides
        default: symbol(op)
        }
    }

    /// An op applied to operand texts: `x + y`, `−a`, `exp(a)`, `max(a, b)`, and a sum
    /// written out as the slides write it, `a + b + c`, `a + b − 1.5`.
    public func apply(_ op: Op, _ operands: [String]) -> String {
        if op == .pow, operands.count == 2, let power = power(operands[0], operands[1]) { return power }
        switch op.arity {
        case .binary where operands.count == 2: return "\(operands[0]) \(symbol(op)) \(operands[1])"
        case .unary where op == .neg && operands.count == 1: return minus + operands[0]
        case .variadic where op == .sum:
            // A negative constant term is subtracted, as the slides write a bias: `x1 + x2 − 1.5`.
            return operands.enumerated().map { index, operand in
                guard index > 0 else { return operand }
                return operand.hasPrefix(minus) ? "\(minus) \(operand.dropFirst(minus.count))" : "+ \(operand)"
            }.joined(separator: " ")
        default: return "\(symbol(op))(\(operands.joined(separator: ", ")))"
        }
    }

    /// The superscripts a square or a cube is written with in Unicode.
    static let superscripts: [String: String] = ["2": "²", "3": "³"]

    /// A power with the exponent 2 or 3 as the slides write it, `r²`, `x³`, `(−0.5)²`
    /// (`nil` in ASCII, and for other exponents: `r ^ 2`, `a ^ b`). A number in exponent
    /// form gets parentheses, `(9.68e-4)²`, which would otherwise read as e-4 squared.
    func power(_ base: String, _ exponent: String) -> String? {
        guard unicode, let superscript = Notation.superscripts[exponent] else { return nil }
        let isExponentForm = base.contains("e") && Double(base.replacingOccurrences(of: minus, with: "-")) != nil
        return (isExponentForm ? "(\(base))" : base) + superscript
    }

    /// Whether `text` is a name or number raised to a square or cube, `e1²`: it binds
    /// tighter than any other operator, so it needs no parentheses as an operand.
    func isPower(_ text: String) -> Bool {
        guard let last = text.last, Notation.superscripts.values.contains(String(last)) else { return false }
        let base = text.dropLast()
        return !base.isEmpty && base.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// An op applied to numbers: negative operands after the first in parentheses
    /// ("3 · (−4)"), call arguments bare ("exp(−1)").
    public func apply(_ op: Op, values: [Double]) -> String {
        let isInfix = op.arity == .binary || op == .neg || op == .sum
        let texts = values.enumerated().map { index, value in
            isInfix && (index > 0 || op == .neg || op == .pow) ? operand(value) : number(value)
        }
        return apply(op, texts)
    }

    /// Text as this notation can show it: unchanged in Unicode; in ASCII the tutor's
    /// mathematical characters spelt out and anything else non-ASCII replaced by `?`.
    public func text(_ string: String) -> String {
        guard !unicode else { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        // "u(·)" is the slides' placeholder dot, not the product sign "*".
        let string = string.replacingOccurrences(of: "(·)", with: "(.)")
        // After "∂" (spelt "d"), a name that begins with d or δ goes in parentheses, as in
        // `derivative`: "dL/d(delta1)", not "dL/ddelta1".
        let scalars = Array(string.unicodeScalars)
        var inParentheses = false
        for (index, scalar) in scalars.enumerated() {
            if inParentheses, !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_") {
                out += ")"
                inParentheses = false
            }
            if scalar == "∂", index + 1 < scalars.count, Notation.readAsPartial.contains(scalars[index + 1]) {
                out += "d("
                inParentheses = true
            } else if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if scalar == "×" {
                // A product, "0.05 * (-4)", which "x" would read as the variable x; but a
                // size between digits, "80x24".
                let between = index > 0 && index + 1 < scalars.count
                    && scalars[index - 1].properties.numericType != nil && scalars[index + 1].properties.numericType != nil
                out += between ? "x" : "*"
            } else {
                let spelling = Notation.asciiSpelling[scalar] ?? "?"
                // A coefficient before a spelt-out letter keeps its sign of product: "2*delta1", not "2delta1".
                let word = spelling.count > 1 && spelling.first?.isLetter == true
                if word, out.last?.isNumber == true { out += "*" }
                out += spelling
                // Nor does it run into a letter after it: "sum w^2", not "sumw^2".
                if word, index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic { out += " " }
            }
        }
        if inParentheses { out += ")" }
        return out
    }

    /// ASCII spellings of the characters lessons, rules and formulas use.
    static let asciiSpelling: [Unicode.Scalar: String] = [
        "−": "-", "–": "-", "—": "-", "·": "*", "÷": "/", "∂": "d", "←": "<-", "→": "->",
        "η": "eta", "σ": "sig", "ξ": "xi", "Σ": "sum", "∑": "sum", "ε": "eps", "Δ": "delta", "δ": "delta",
        "∇": "grad", "√": "sqrt", "²": "^2", "³": "^3", "ᵇ": "^b", "ˣ": "^x", "⁻": "^-", "¹": "1", "≈": "~",
        "≠": "!=", "≤": "<=", "≥": ">=", "…": "...", "‘": "'", "’": "'", "“": "\"", "”": "\"", "▶": ">",
        "✓": "#", "✗": "x", "•": "*", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7",
        "₈": "8", "₉": "9", "ŷ": "y^", "θ": "theta", "λ": "lambda", "α": "alpha", "β": "beta", "μ": "mu",
        "π": "pi", "∞": "inf", "⊙": "(.)", "ᵀ": "^T", "½": "1/2", "\u{00A0}": " ", "ℓ": "l", "′": "'", "¬": "not ",
        "∧": "and", "∨": "or",
    ]
}
