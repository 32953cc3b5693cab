/// Formulas as words a screen reader or a speech synthesiser reads well: "q = x + y =
/// −2 + 5 = 3" becomes "q equals x plus y equals minus 2 plus 5 equals 3". Greek letters
/// and symbols become their names, a derivative ∂f/∂x becomes "d f by d x", a number in
/// exponent form "9.68e-4" becomes "9.68 times 10 to the minus 4".
public enum Speech {
    /// The text with its symbols spelt out as words.
    public static func words(_ text: String) -> String {
        var s = text
        // Derivatives first: their slash is not a division.
        s = s.replacing(/∂([^\s\/()=,;:]+)\/∂(\([^)]*\)|[^\s()=,;:.]+)/) { "d \($0.1) by d \($0.2)" }
        s = s.replacing(/(\d)e([−-]?)(\d+)/) { match in
            "\(match.1) times 10 to the \(match.2.isEmpty ? "" : "minus ")\(match.3)"
        }
        // ℓ2 is a norm, not a loss; a placeholder argument u(·) is no product.
        s = s.replacingOccurrences(of: "ℓ2", with: "L2").replacingOccurrences(of: "ℓ₂", with: "L2")
        s = s.replacingOccurrences(of: "(·)", with: "")
        // A sum's index: Σ_i is "the sum over i".
        s = s.replacing(/Σ_(\w)/) { "the sum over \($0.1) of " }
        // A minus sign between two operands written close, 1−ŷ, is still "minus".
        s = s.replacing(/([\w)ŷ²])−(?=[\w(ŷσ])/) { "\($0.1) minus " }
        // A separator between words (a title's "Quiz · predict") is a pause, not a product;
        // between names (`y_cat · lnp_cat`, whose ends are words too) it is a product.
        s = s.replacing(/(^|[^\w])([A-Za-z]{3,}) · ([A-Za-z]{3,})(?!\w)/) { "\($0.1)\($0.2), \($0.3)" }
        for (symbol, word) in spelled { s = s.replacingOccurrences(of: symbol, with: word) }
        s = s.replacing(/\ {2,}/) { _ in " " }.replacing(/\(\ /) { _ in "(" }.replacing(/\ \)/) { _ in ")" }
        // A minus sign between two operands is "minus"; before a number or name alone too.
        s = s.replacing(/(\S) [−-] (?=\S)/) { "\($0.1) minus " }
        s = s.replacing(/(^|[\s(,=])[−-](?=[\w(])/) { "\($0.1)minus " }
        s = s.replacing(/\ {2,}/) { _ in " " }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Symbols and their words, longest first where one contains another.
    static let spelled: [(String, String)] = [
        (" = ", " equals "), ("=", " equals "),
        (" + ", " plus "),
        (" · ", " times "), ("·", " times "), (" × ", " times "), ("×", " times "),
        (" / ", " divided by "),
        ("≥", " at least "), ("≤", " at most "), ("≠", " is not "), (" ≈ ", " is about "), ("≈", " about "),
        ("←", " becomes "), ("→", " to "), ("↦", " to "),
        ("∇", "gradient "), ("∂", "d "), ("Σ", "sum of "), ("√", "square root of "),
        ("²", " squared"), ("³", " cubed"), ("′", " prime"), ("ᵀ", " transposed "), ("ᵇ⁻¹", " to the b minus 1"),
        ("ᵇ", " to the b"), ("⁻¹", " to the minus 1"), ("ˣ", " to the x"), ("ᵃ", " to the a"), ("₁₀", " base 10"),
        ("^", " to the power "), ("½", " one half "), ("¼", " one quarter "), (" > ", " greater than "), (" < ", " less than "),
        ("σ", "sigma"), ("ξ", " xi "), ("η", " eta "), ("α", " alpha "), ("δ", " delta "), ("ε", " epsilon "),
        ("ŷ", " y hat "), ("ℓ", " loss "), ("∧", " and "), ("∨", " or "), ("¬", "not "),
        // A verdict's mark says no more than its words ("✓ Right: 3", "✗ Not 5").
        ("…", " and so on"), ("✓ ", ""), ("✗ ", ""), ("✓", "done"), ("▶", "now"),
    ]
}
