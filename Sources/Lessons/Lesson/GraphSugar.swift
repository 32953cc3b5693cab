/// Lesson sugar: lines a lesson's graph may use that lower to plain graph-language lines
/// before the graph parser sees them.
///
///     neuron h1 = step(0.5 - x1 - x2)      →  ξ1 = 0.5 - x1 - x2
///                                             h1 = step(ξ1)
///     neuron ξ3, f = step(0.5 - h1 - h2)   →  ξ3 = 0.5 - h1 - h2
///                                             f = step(ξ3)
///     p1, p2 = softmax(s1, s2)             →  exp_s1 = exp(s1)
///                                             exp_s2 = exp(s2)
///                                             Z = exp_s1 + exp_s2
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
        /// The line in the original text (1-based).
        var line: Int
        /// Added to a column in the lowered line at or after `copiedFrom` to get the
        /// original column; columns before it (generated text) map to `anchor`.
        var shift: Int
        var copiedFrom: Int
        var anchor: Int

        static func identity(_ line: Int) -> Origin { Origin(line: line, shift: 0, copiedFrom: 1, anchor: 1) }

        func map(_ column: Int) -> Int { column >= copiedFrom ? column + shift : anchor }
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
        let body = String(code[code.index(after: open)..<close])
        let bodyColumn = column(of: code.index(after: open), in: code)
        let first = "\(excitation) = \(body)"
        let copiedFrom = excitation.count + 4
        out.append(first)
        origins.append(Origin(line: line, shift: bodyColumn - copiedFrom, copiedFrom: copiedFrom, anchor: nameColumn))
        out.append("\(activation) = \(function)(\(excitation))")
        origins.append(Origin(line: line, shift: 0, copiedFrom: Int.max, anchor: nameColumn))
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
        let generated = Origin(line: line, shift: 0, copiedFrom: Int.max, anchor: leading)
        let exps = arguments.map { "exp_\($0)" }
        for (exp, argument) in zip(exps, arguments) {
            out.append("\(exp) = exp(\(argument))")
            origins.append(generated)
        }
        out.append("\(sum) = " + exps.joined(separator: " + "))
        origins.append(generated)
        for (result, exp) in zip(results, exps) {
            out.append("\(result) = \(exp) / \(sum)")
            origins.append(generated)
        }
    }
}
