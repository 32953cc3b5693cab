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
        guard diagnostic.location.line == expressionLine else { return "error: \(message)" }
        let column = max(0, diagnostic.location.column - 1 - prefix.count)
        return "error: \(message)\n  \(expression)\n  " + String(repeating: " ", count: column) + "^"
    }
}

/// Why an expression cannot be opened: the text to print (one or more lines).
struct ExpressionError: Error {
    let message: String
}
