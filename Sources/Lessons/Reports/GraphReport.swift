import Autograd

/// What `backprop eval` prints: every named node's kind, value and gradient, in
/// definition order, as JSON for programs (DESIGN §4) or as an aligned table for people.
public enum GraphReport {
    /// `{"output": "f", "nodes": [{"name": "x", "kind": "input", "value": -2, "grad": -4}, …]}`
    /// with exact numbers (shortest round-trip form) and non-finite ones as the strings
    /// `"nan"`, `"inf"`, `"-inf"`. Ends with a newline.
    public static func json(_ graph: Graph) -> String {
        var text = "{\"output\": "
        text += graph.output.flatMap { graph.name(of: $0) }.map(jsonString) ?? "null"
        text += ", \"nodes\": ["
        var first = true
        for node in 0..<graph.count {
            guard let name = graph.names[node] else { continue }
            if !first { text += ", " }
            first = false
            text += "{\"name\": \(jsonString(name)), \"kind\": \"\(graph.kinds[node].rawValue)\", "
            text += "\"value\": \(jsonNumber(graph.values[node])), \"grad\": \(jsonNumber(graph.grads[node]))}"
        }
        text += "]}\n"
        return text
    }

    private static func jsonNumber(_ value: Double) -> String {
        if let special = NumberFormat.nonFinite(value) { return "\"\(special)\"" }
        return NumberFormat.exact(value)
    }

    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A table a student can read: name and kind left-aligned, value and grad right-aligned
    /// (rounded to 4 decimals), and the output's name at the end.
    ///
    ///     name  kind   value  grad
    ///     x     input     -2    -4
    public static func table(_ graph: Graph) -> String {
        // Two passes over flat columns, not an array per row: `eval` of a million-node
        // chain prints a million rows.
        var named: [Int] = []
        var values: [String] = []
        var grads: [String] = []
        var widths = (name: 4, kind: 4, value: 5, grad: 4)
        for node in 0..<graph.count {
            guard let name = graph.names[node] else { continue }
            named.append(node)
            values.append(NumberFormat.short(graph.values[node]))
            grads.append(NumberFormat.short(graph.grads[node]))
            widths.name = max(widths.name, width(name))
            widths.kind = max(widths.kind, graph.kinds[node].rawValue.utf8.count)
            widths.value = max(widths.value, values[values.count - 1].utf8.count)
            widths.grad = max(widths.grad, grads[grads.count - 1].utf8.count)
        }
        var text = ""
        text.reserveCapacity((named.count + 2) * (widths.name + widths.kind + widths.value + widths.grad + 8))
        func row(_ name: String, _ kind: String, _ value: String, _ grad: String) {
            text += name
            text += spaces(widths.name - width(name) + 2)
            text += kind
            text += spaces(widths.kind - kind.utf8.count + 2 + widths.value - value.utf8.count)
            text += value
            text += spaces(2 + widths.grad - grad.utf8.count)
            text += grad
            text += "\n"
        }
        row("name", "kind", "value", "grad")
        for (row_, node) in named.enumerated() {
            row(graph.names[node] ?? "", graph.kinds[node].rawValue, values[row_], grads[row_])
        }
        if let output = graph.output {
            text += "output: \(graph.label(of: output))\n"
        }
        return text
    }

    /// Columns a name takes on screen: Characters, counted fast for ASCII names.
    private static func width(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    private static func spaces(_ count: Int) -> Substring {
        padding.prefix(max(0, count))
    }

    private static let padding = String(repeating: " ", count: 256)[...]
}
