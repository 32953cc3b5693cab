import Foundation

/// How numbers are written for people (screen, tables) and for programs (JSON).
public enum NumberFormat {
    /// A compact form for people: integers as integers, otherwise at most `digits` decimals
    /// with trailing zeros dropped; very large or small magnitudes in exponent form;
    /// non-finite values as `nan`, `inf`, `-inf`.
    public static func short(_ value: Double, digits: Int = 4) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }  // also −0
        let magnitude = Swift.abs(value)
        if value == value.rounded(), magnitude < 1e15 { return String(Int64(value)) }
        if magnitude >= 1e7 || magnitude < Foundation.pow(10, Double(-digits)) {
            return String(format: "%.\(Swift.max(1, digits - 1))e", value)
                .replacingOccurrences(of: #"\.?0+e"#, with: "e", options: .regularExpression)
        }
        var text = String(format: "%.\(digits)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The exact value for programs: integers as integers, otherwise the shortest decimal
    /// that reads back as the same Double; non-finite values as `nan`, `inf`, `-inf`.
    public static func exact(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `nan`, `inf` or `-inf` for a non-finite value, `nil` otherwise.
    public static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
