import Autograd

/// What `backprop eval` prints: every named node's kind, value and gradient, in
/// definition order, as JSON for programs (the README's `eval --json`, a contract) or as an aligned table for people.
public enum GraphReport {
    /// `{"output": "f", "nodes": [{"name": "x", "kind": "input", "value": -2, "grad": -4}, …]}`
    /// with exact numbers (shortest round-trip form) and non-finite ones as the strings
    /// `"nan"`, `"inf"`, `"-inf"`. Ends with a newline.
    public static func json(_ graph: Graph) -> String {
        // Built as bytes, not by interpolation: a million-node graph has a million objects.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (graph.names.count + 1))
        func write(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func number(_ value: Double) {
            if let special = NumberFormat.nonFinite(value) {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: special.utf8)
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: NumberFormat.exact(value).utf8)
            }
        }
        write("{\"output\": ")
        if let output = graph.output, let name = graph.name(of: output) {
            string(name, into: &bytes)
        } else {
            write("null")
        }
        write(", \"nodes\": [")
        var first = true
        for node in 0..<graph.count {
            guard let name = graph.names[node] else { continue }
            if !first { write(", ") }
            first = false
            write("{\"name\": ")
            string(name, into: &bytes)
            write(", \"kind\": \"")
            bytes.append(contentsOf: graph.kinds[node].rawValue.utf8)
            write("\", \"value\": ")
            number(graph.values[node])
            write(", \"grad\": ")
            number(graph.grads[node])
            write("}")
        }
        write("]}\n")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func string(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
        // Built as bytes: appending to a [UInt8] is cheaper than to a String, a million times.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((named.count + 2) * (widths.name + widths.kind + widths.value + widths.grad + 8))
        func spaces(_ count: Int) {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, count)))
        }
        func row(_ name: String, _ kind: String, _ value: String, _ grad: String) {
            bytes.append(contentsOf: name.utf8)
            spaces(widths.name - width(name) + 2)
            bytes.append(contentsOf: kind.utf8)
            spaces(widths.kind - kind.utf8.count + 2 + widths.value - value.utf8.count)
            bytes.append(contentsOf: value.utf8)
            spaces(2 + widths.grad - grad.utf8.count)
            bytes.append(contentsOf: grad.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        row("name", "kind", "value", "grad")
        for (index, node) in named.enumerated() {
            row(graph.names[node] ?? "", graph.kinds[node].rawValue, values[index], grads[index])
        }
        if let output = graph.output {
            bytes.append(contentsOf: "output: \(graph.label(of: output))\n".utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Columns a name takes on screen: Characters, counted fast for ASCII names.
    private static func width(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }
}
