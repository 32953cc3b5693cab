import Foundation

/// Reads expectations as lessons write them. The grammar, in full:
///
///     expectation := [context ":"] quantity relation number [("±" | "+-") number]
///     context     := "after" INT ("epoch" | "epochs") | "with" NAME "=" number {"," NAME "=" number}
///     quantity    := NAME | NAME ".grad" | NAME ".value"
///     relation    := "=" | "≈" | "<" | "<=" | "≤" | ">" | ">=" | "≥"
///
/// Numbers may use the typographic minus `−` as the slides do.
public enum ExpectationParser {
    /// The pieces of an expectation, before its names are checked against a graph.
    public struct Parsed: Equatable, Sendable {
        public var context: Expectation.Context
        public var quantity: Expectation.Quantity
        public var relation: Expectation.Relation
        public var expected: Double
        public var tolerance: Double
    }

    /// Parses `context` (a mapping key such as `after 2000 epochs`, or `nil`) and
    /// `condition` (`loss < 0.05`). A condition without a separate context may carry one
    /// before a colon. Returns a message saying what is wrong on failure.
    public static func parse(context: String?, condition: String) -> Result<Parsed, ExpectationError> {
        var contextText = context
        var conditionText = condition
        if contextText == nil, let colon = condition.firstIndex(of: ":") {
            contextText = String(condition[..<colon])
            conditionText = String(condition[condition.index(after: colon)...])
        }
        let parsedContext: Expectation.Context
        if let contextText {
            guard let value = parseContext(contextText) else {
                return .failure(ExpectationError(
                    "cannot read '\(contextText.trimmed)' as a context; write 'after N epochs' or 'with x1 = 0, x2 = 1'"))
            }
            parsedContext = value
        } else {
            parsedContext = .initial
        }
        return parseCondition(conditionText).map {
            Parsed(context: parsedContext, quantity: $0.0, relation: $0.1, expected: $0.2, tolerance: $0.3)
        }
    }

    private static func parseContext(_ text: String) -> Expectation.Context? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count == 3, words[0] == "after", let epochs = Int(words[1]), epochs >= 0,
           words[2] == "epochs" || words[2] == "epoch" {
            return .afterEpochs(epochs)
        }
        let trimmed = text.trimmed
        guard trimmed.hasPrefix("with ") else { return nil }
        var assignments: [Expectation.Assignment] = []
        for piece in trimmed.dropFirst(5).split(separator: ",") {
            let sides = piece.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2, let value = number(String(sides[1])) else { return nil }
            let name = String(sides[0]).trimmed
            guard isName(name) else { return nil }
            assignments.append(Expectation.Assignment(name: name, value: value))
        }
        return assignments.isEmpty ? nil : .with(assignments)
    }

    private static let relations: [(String, Expectation.Relation)] = [
        ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("≤", .lessOrEqual), ("≥", .greaterOrEqual),
        ("≈", .equal), ("=", .equal), ("<", .less), (">", .greater),
    ]

    private static func parseCondition(
        _ text: String
    ) -> Result<(Expectation.Quantity, Expectation.Relation, Double, Double), ExpectationError> {
        guard let (symbol, relation) = relations.first(where: { text.contains($0.0) }),
              let range = text.range(of: symbol) else {
            return .failure(ExpectationError(
                "cannot read '\(text.trimmed)' as an expectation; write e.g. 'f = -12', 'x.grad = -4' or 'loss < 0.05'"))
        }
        let left = String(text[..<range.lowerBound]).trimmed
        var right = String(text[range.upperBound...]).trimmed
        let quantity: Expectation.Quantity
        if left.hasSuffix(".grad") {
            quantity = .grad(String(left.dropLast(5)))
        } else if left.hasSuffix(".value") {
            quantity = .value(String(left.dropLast(6)))
        } else {
            quantity = .value(left)
        }
        guard isName(quantity.node) else {
            return .failure(ExpectationError("'\(left)' is not a node name, NAME.grad or NAME.value"))
        }
        var explicitTolerance: Double?
        if let plusMinus = right.range(of: "±") ?? right.range(of: "+-") {
            guard let tolerance = number(String(right[plusMinus.upperBound...])), tolerance >= 0 else {
                return .failure(ExpectationError(
                    "cannot read the tolerance in '\(right)'; write e.g. '0.73 ± 0.01'"))
            }
            explicitTolerance = tolerance
            right = String(right[..<plusMinus.lowerBound]).trimmed
        }
        guard let expected = number(right) else {
            return .failure(ExpectationError("cannot read '\(right)' as a number"))
        }
        return .success((quantity, relation, expected, explicitTolerance ?? impliedTolerance(right, expected)))
    }

    /// Half a unit in the last written decimal: `0.73` → 0.005, `2.04` → 0.005, `24.5` →
    /// 0.05; an integer is exact up to rounding error.
    static func impliedTolerance(_ written: String, _ value: Double) -> Double {
        let lowered = written.lowercased()
        let mantissa = lowered.split(separator: "e").first.map(String.init) ?? lowered
        let exponent = lowered.contains("e") ? Int(lowered.split(separator: "e").last ?? "") ?? 0 : 0
        let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        if decimals == 0 && exponent >= 0 { return Swift.max(1e-9, 1e-9 * Swift.abs(value)) }
        return 0.5 * Foundation.pow(10, Double(-(decimals - exponent)))
    }

    /// A number as lessons write it, with `−` accepted for the minus sign; `nil` if it is
    /// not one.
    public static func number(_ text: String) -> Double? {
        let cleaned = text.trimmed.replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty, let value = Double(cleaned) else { return nil }
        // Double("nan") and Double("inf") parse, but a lesson never promises those.
        return value.isFinite ? value : nil
    }

    /// Whether `text` is a name in the graph language: letters (Greek included), digits and
    /// `_`, not starting with a digit — by the lexer's own rules, so the two cannot differ.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, LineLexer.startsName(first) else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy(LineLexer.continuesName)
    }
}

/// Why an expectation could not be read.
public struct ExpectationError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
