/// Lesson sugar: lines a lesson's graph may use that lower to plain graph-language lines
/// before the graph parser sees them.
///
///     neuron h1 = step(0.5 - x1 - x2)      →  ξ1 = sum(0.5, -x1, -x2)
///                                             h1 = step(ξ1)
///     neuron ξ3, f = step(0.5 - h1 - h2)   →  ξ3 = sum(0.5, -h1, -h2)
///                                             f = step(ξ3)
///     p1, p2 = softmax(s1, s2)             →  exp_s1 = exp(s1)
///                                             exp_s2 = exp(s2)
///                                             Z = sum(exp_s1, exp_s2)
///                                             p1 = exp_s1 / Z
///                                             p2 = exp_s2 / Z
///
/// A neuron names its excitation ξ and its activation h as the slides do: `h1` gets `ξ1`,
/// any other name `ξ_NAME`, unless the line names it. The softmax sum is `Z` (`Z2`, `Z3`
/// … when taken). Every lowered line remembers where it came from, so a diagnostic in it
/// points at the lesson's own line and column.
enum GraphSugar {
    /// Where a lowered line came from.
    struct Origin: Equatable {
        /// A run of lowered columns copied from the original line: columns `from..<to`
        /// of the lowered line are the original's plus `shift`.
        struct Piece: Equatable {
            var from: Int
            var to: Int
            var shift: Int
        }

        /// The line in the original text (1-based).
        var line: Int
        /// The copied runs; a column in none of them (generated text) maps to `anchor`.
        var pieces: [Piece]
        var anchor: Int

        static func identity(_ line: Int) -> Origin { Origin(line: line, pieces: [Piece(from: 1, to: Int.max, shift: 0)], anchor: 1) }

        /// A line copied from column `copiedFrom` on, `shift` columns to the original's.
        static func copied(line: Int, from copiedFrom: Int, shift: Int, anchor: Int) -> Origin {
            Origin(line: line, pieces: [Piece(from: copiedFrom, to: Int.max, shift: shift)], anchor: anchor)
        }

        /// A line made up entirely of generated text.
        static func generated(line: Int, anchor: Int) -> Origin { Origin(line: line, pieces: [], anchor: anchor) }

        func map(_ column: Int) -> Int {
            pieces.first { $0.from <= column && column < $0.to }.map { column + $0.shift } ?? anchor
        }
    }

    struct Lowered {
        var text: String
        var origins: [Origin]
    }

    static let activations: Set<String> = ["step", "sigmoid", "tanh", "relu", "sign"]

    /// Lowers every sugar line; other lines pass through unchanged. Malformed sugar is
    /// reported against the original line.
    static func lower(_ text: String, report: (_ line: Int, _ column: Int, _ message: String) -> Void) -> Lowered {
        var out: [String] = []
        var origins: [Origin] = []
        var usedNames = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let code = String(line.prefix { $0 != "#" })
            if let range = code.range(of: #"^\s*neuron\s"#, options: .regularExpression) {
                lowerNeuron(code, after: range.upperBound, line: number, into: &out, &origins, report: report)
            } else if code.range(of: #"=\s*softmax\s*\("#, options: .regularExpression) != nil {
                lowerSoftmax(code, line: number, used: &usedNames, into: &out, &origins, report: report)
            } else {
                out.append(line)
                origins.append(.identity(number))
            }
            for word in code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
                usedNames.insert(String(word))
            }
        }
        return Lowered(text: out.joined(separator: "\n"), origins: origins)
    }

    /// The 1-based column of a string index in `line`.
    private static func column(of index: String.Index, in line: String) -> Int {
        line.distance(from: line.startIndex, to: index) + 1
    }

    private static func lowerNeuron(
        _ code: String, after start: String.Index, line: Int,
        into out: inout [String], _ origins: inout [Origin],
        report: (Int, Int, String) -> Void
    ) {
        let nameColumn = column(of: start, in: code)
        guard let equals = code[start...].firstIndex(of: "=") else {
            report(line, nameColumn, "a neuron line reads 'neuron h1 = step(EXPRESSION)'")
            return
        }
        let names = code[start..<equals].split(separator: ",").map { String($0).trimmed }
        let rhs = code[code.index(after: equals)...]
        guard let open = rhs.firstIndex(of: "("), let close = rhs.lastIndex(of: ")"), open < close,
              rhs[rhs.index(after: close)...].allSatisfy(\.isWhitespace),
              names.count == 1 || names.count == 2,
              names.allSatisfy(ExpectationParser.isName)
        else {
            report(line, nameColumn, "a neuron line reads 'neuron h1 = step(EXPRESSION)' or 'neuron ξ1, h1 = step(EXPRESSION)'")
            return
        }
        let function = String(rhs[..<open]).trimmed
        guard activations.contains(function) else {
            report(line, column(of: rhs.startIndex, in: code) + (rhs.prefix { $0 == " " }.count),
                   "a neuron's activation must be one of \(activations.sorted().joined(separator: ", ")); got '\(function)'")
            return
        }
        let activation = names[names.count - 1]
        let excitation = names.count == 2 ? names[0] : excitationName(for: activation)
        let bodyStart = code.index(after: open)
        let (first, origin) = excitationLine(excitation, body: code[bodyStart..<close],
                                             bodyColumn: column(of: bodyStart, in: code), line: line, anchor: nameColumn)
        out.append(first)
        origins.append(origin)
        out.append("\(activation) = \(function)(\(excitation))")
        origins.append(.generated(line: line, anchor: nameColumn))
    }

    /// The excitation's line: a body of several terms (`w1 * x1 + w2 * x2 + b`,
    /// `0.5 - x1 - x2`) becomes one n-ary sum of them, as the slides draw a neuron
    /// (`ξ1 = sum(w1 * x1, w2 * x2, b)`, `ξ1 = sum(0.5, -x1, -x2)`); a single term is kept
    /// as it is. Every term is copied from the original line, so a diagnostic in it points
    /// at the lesson's own column.
    private static func excitationLine(_ excitation: String, body: Substring, bodyColumn: Int, line: Int,
                                       anchor: Int) -> (String, Origin) {
        let terms = additiveTerms(body)
        let head = "\(excitation) = "
        guard terms.count > 1 else {
            let copiedFrom = head.count + 1
            return (head + body, .copied(line: line, from: copiedFrom, shift: bodyColumn - copiedFrom, anchor: anchor))
        }
        var text = head + "sum("
        var pieces: [Origin.Piece] = []
        for (index, term) in terms.enumerated() {
            if index > 0 { text += ", " }
            let trimmed = term.text.drop { $0 == " " }
            let offset = body.distance(from: body.startIndex, to: trimmed.startIndex)
            let core = String(trimmed.reversed().drop { $0 == " " }.reversed())
            let isSimple = core.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } || isOneGroup(core)
            if term.negated { text += isSimple ? "-" : "-(" }
            let from = text.count + 1
            text += core
            pieces.append(Origin.Piece(from: from, to: text.count + 1, shift: bodyColumn + offset - from))
            if term.negated && !isSimple { text += ")" }
        }
        text += ")"
        return (text, Origin(line: line, pieces: pieces, anchor: anchor))
    }

    /// Whether `text` is one parenthesised group, `(a + b)`, which a minus can go before.
    private static func isOneGroup(_ text: String) -> Bool {
        guard text.first == "(", text.last == ")" else { return false }
        var depth = 0
        for (offset, c) in text.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0 && offset < text.count - 1 { return false }
        }
        return true
    }

    /// The terms of an expression's top-level sum: split at every `+` and `-` outside
    /// parentheses that follows an operand (a unary minus, or the sign of an exponent as
    /// in `1e-3`, splits nothing). Each term's text starts after its sign.
    static func additiveTerms(_ body: Substring) -> [(text: Substring, negated: Bool)] {
        var terms: [(text: Substring, negated: Bool)] = []
        var depth = 0
        var start = body.startIndex, negated = false
        var afterOperand = false, inNumber = false
        var previous: Character = " "
        for index in body.indices {
            let c = body[index]
            switch c {
            case _ where (c == "+" || c == "-") && depth == 0 && afterOperand && !(inNumber && (previous == "e" || previous == "E")):
                terms.append((body[start..<index], negated))
                negated = c == "-"
                start = body.index(after: index)
                afterOperand = false
                inNumber = false
            case "(": depth += 1; afterOperand = false
            case ")": depth -= 1; afterOperand = true
            case " ": break
            case _ where c.isNumber || c == ".":
                // A digit after a letter is part of a name (`x1`), not a number.
                if !(previous.isLetter || previous.isNumber || previous == "_" || previous == ".") { inNumber = true }
                afterOperand = true
            case _ where c.isLetter || c == "_":
                if !(inNumber && (c == "e" || c == "E")) { inNumber = false }
                afterOperand = true
            default:
                // `*`, `/`, `^`, a unary sign, an exponent's sign: an operand is still to come.
                afterOperand = false
            }
            if c != " " { previous = c }
        }
        terms.append((body[start..<body.endIndex], negated))
        return terms
    }

    /// `h1` → `ξ1`, `h` → `ξ`, anything else → `ξ_NAME`.
    static func excitationName(for activation: String) -> String {
        if activation.hasPrefix("h"), activation.dropFirst().allSatisfy({ $0.isNumber || $0 == "_" }) {
            return "ξ" + activation.dropFirst()
        }
        return "ξ_" + activation
    }

    private static func lowerSoftmax(
        _ code: String, line: Int, used: inout Set<String>,
        into out: inout [String], _ origins: inout [Origin],
        report: (Int, Int, String) -> Void
    ) {
        let leading = code.prefix { $0 == " " }.count + 1
        guard let equals = code.firstIndex(of: "="), let open = code.firstIndex(of: "("),
              let close = code.lastIndex(of: ")"), open < close,
              code[code.index(after: close)...].allSatisfy(\.isWhitespace)
        else {
            report(line, leading, "a softmax line reads 'p1, p2 = softmax(s1, s2)'")
            return
        }
        let results = code[..<equals].split(separator: ",").map { String($0).trimmed }
        let arguments = code[code.index(after: open)..<close].split(separator: ",").map { String($0).trimmed }
        guard results.allSatisfy(ExpectationParser.isName), arguments.allSatisfy(ExpectationParser.isName) else {
            report(line, leading, "softmax takes names of scores and gives names of probabilities: 'p1, p2 = softmax(s1, s2)'")
            return
        }
        guard results.count == arguments.count, results.count >= 2 else {
            report(line, leading, "softmax needs at least two scores and one name per score (got \(results.count) names for \(arguments.count) scores)")
            return
        }
        var sum = "Z"
        var suffix = 2
        while used.contains(sum) {
            sum = "Z\(suffix)"
            suffix += 1
        }
        used.insert(sum)
        let generated = Origin.generated(line: line, anchor: leading)
        let exps = arguments.map { "exp_\($0)" }
        for (exp, argument) in zip(exps, arguments) {
            out.append("\(exp) = exp(\(argument))")
            origins.append(generated)
        }
        out.append("\(sum) = sum(" + exps.joined(separator: ", ") + ")")
        origins.append(generated)
        for (result, exp) in zip(results, exps) {
            out.append("\(result) = \(exp) / \(sum)")
            origins.append(generated)
        }
    }
}
