import Autograd
import Lessons

/// A graph from one expression and its leaves' values: `(x+y)*z` with `x=-2 y=5 z=-4`
/// becomes the graph file "x = -2 / y = 5 / z = -4 / f = (x+y)*z". Problems are reported
/// against the expression itself, with a caret under the spot.
struct ExpressionGraph {
    let expression: String
    let bindings: [String]

    /// The graph, or the error text to print (one or more lines).
    func build() throws(ExpressionError) -> Graph {
        var names: [String] = []
        var lines: [String] = []
        for binding in bindings {
            // The graph text has no spelling for nan or inf (1e400 reads as inf).
            guard let setting = LeafSetting(binding), setting.value.isFinite else {
                throw ExpressionError(message: "error: expected NAME=VALUE with a finite number, e.g. x=-2; got '\(binding)'")
            }
            guard !names.contains(setting.name) else { throw ExpressionError(message: "error: \(setting.name) is given twice") }
            names.append(setting.name)
            lines.append("\(setting.name) = \(setting.value)")
        }
        guard !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ExpressionError(message: "error: the expression is empty; e.g. backprop expr \"(x+y)*z\" x=-2 y=5 z=-4")
        }
        // Speak of the expression as typed: '#' would start a comment and '=' a statement of
        // the graph file the expression is wrapped in, which the user never wrote.
        for (symbol, why) in [("#", "'#' starts a comment in a graph file; an expression cannot hold it"),
                              ("=", "an expression has no '='; give the values after it, e.g. backprop expr \"x*2\" x=1")] {
            if let index = expression.firstIndex(where: { String($0) == symbol }) {
                throw ExpressionError(message: caret("error: \(why)", at: expression.distance(from: expression.startIndex, to: index)))
            }
        }
        let output = ["f", "out", "result", "output_"].first { !names.contains($0) } ?? "f_"
        let prefix = "\(output) = "
        lines.append(prefix + expression)
        let text = lines.joined(separator: "\n")
        let (program, diagnostics) = GraphParser.parse(text, file: "expr")
        guard let program else {
            throw ExpressionError(message: diagnostics.map { describe($0, expressionLine: lines.count, prefix: prefix) }.joined(separator: "\n"))
        }
        var graph = program.graph
        graph.output = graph.id(named: output)
        let consumers = graph.consumers()
        let unused = names.filter { name in
            guard let id = graph.id(named: name) else { return false }
            return consumers[id.index].isEmpty
        }
        if !unused.isEmpty {
            throw ExpressionError(message: "error: \(unused.joined(separator: ", ")) \(unused.count == 1 ? "is" : "are") given a value but not used in '\(expression)'")
        }
        return graph
    }

    /// A parser diagnostic as the user wrote it: on the expression with a caret, or on a binding.
    private func describe(_ diagnostic: Diagnostic, expressionLine: Int, prefix: String) -> String {
        var message = diagnostic.message
        if message.hasPrefix("unknown name") { message += "; give it a value, e.g. NAME=1" }
        // "'f' would only be another name for 'x'": f is ours, not the user's.
        if message.contains("would only be another name for") {
            message = "'\(expression.trimmingCharacters(in: .whitespaces))' computes nothing: it only names a leaf; try e.g. \"x*x\""
        }
        guard diagnostic.location.line == expressionLine else { return "error: \(message)" }
        return caret("error: \(message)", at: max(0, diagnostic.location.column - 1 - prefix.count))
    }

    /// A message over the expression with a caret under `column`.
    private func caret(_ message: String, at column: Int) -> String {
        Diagnostic.printable(message) + "\n  \(Diagnostic.printable(expression))\n  " + String(repeating: " ", count: column) + "^"
    }
}

/// Why an expression cannot be opened: the text to print (one or more lines).
struct ExpressionError: Error {
    let message: String
}
