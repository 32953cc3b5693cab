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
        var rows: [[String]] = [["name", "kind", "value", "grad"]]
        for node in 0..<graph.count {
            guard let name = graph.names[node] else { continue }
            rows.append([
                name, graph.kinds[node].rawValue,
                NumberFormat.short(graph.values[node]), NumberFormat.short(graph.grads[node]),
            ])
        }
        var widths = [0, 0, 0, 0]
        for row in rows {
            for column in 0..<4 { widths[column] = max(widths[column], row[column].count) }
        }
        var text = ""
        for row in rows {
            text += pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  "
            text += padLeft(row[2], widths[2]) + "  " + padLeft(row[3], widths[3]) + "\n"
        }
        if let output = graph.output {
            text += "output: \(graph.label(of: output))\n"
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
