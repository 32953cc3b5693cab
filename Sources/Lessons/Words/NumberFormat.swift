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
            return printf("%.\(Swift.max(1, digits - 1))e", value)
                .replacingOccurrences(of: #"\.?0+e"#, with: "e", options: .regularExpression)
        }
        if let text = fixed(value, digits: digits) { return text }
        var text = printf("%.\(digits)f", value)
        // Byte checks: `hasSuffix` compares Unicode-canonically and is slow per row.
        while text.utf8.last == UInt8(ascii: "0") { text.removeLast() }
        if text.utf8.last == UInt8(ascii: ".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The exact value for programs: integers as integers, otherwise the shortest decimal
    /// that reads back as the same Double; non-finite values as `nan`, `inf`, `-inf`.
    public static func exact(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `%.{digits}f` with trailing zeros (and a bare `.`) dropped, by integer arithmetic;
    /// `nil` when `value · 10^digits` is too close to a rounding tie for the floating-point
    /// product to decide it (then printf does). Where it answers, the answer is printf's:
    /// the computed product is within half an ulp of the exact one, and the margin is
    /// wider than that.
    private static func fixed(_ value: Double, digits: Int) -> String? {
        guard (0...6).contains(digits) else { return nil }
        var power: Int64 = 1
        for _ in 0..<digits { power *= 10 }
        let scaled = Swift.abs(value) * Double(power)
        guard scaled < 1e12 else { return nil }
        let fraction = scaled - scaled.rounded(.down)
        guard Swift.abs(fraction - 0.5) > Swift.max(1e-6, scaled.ulp * 4) else { return nil }
        var units = Int64(scaled.rounded())
        var decimals = digits
        while decimals > 0, units % 10 == 0 {
            units /= 10
            decimals -= 1
        }
        if units == 0 { return "0" }  // rounds to zero, either sign
        // Digits from the right into a small buffer: no intermediate Strings.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var position = buffer.count
            func put(_ byte: UInt8) {
                position -= 1
                buffer[position] = byte
            }
            for _ in 0..<decimals {
                put(UInt8(ascii: "0") + UInt8(units % 10))
                units /= 10
            }
            if decimals > 0 { put(UInt8(ascii: ".")) }
            repeat {
                put(UInt8(ascii: "0") + UInt8(units % 10))
                units /= 10
            } while units > 0
            if value < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }

    /// C's formatting of one Double. `String(format:)` goes through CFString and is ten
    /// times slower, which shows when `eval` prints a million rows.
    private static func printf(_ format: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let length = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
            let bytes = UnsafeRawBufferPointer(buffer).prefix(Swift.max(0, Swift.min(Int(length), buffer.count - 1)))
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `nan`, `inf` or `-inf` for a non-finite value, `nil` otherwise.
    public static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
