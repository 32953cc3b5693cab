@testable import Lessons

/// Graph source with marked positions, in the style of swift-format's tests: `1️⃣` marks
/// where the first diagnostic must point, `2️⃣` the second, and so on. The markers are
/// removed before parsing.
struct MarkedSource {
    let text: String
    let markers: [SourceLocation]

    static let symbols: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var found: [Int: SourceLocation] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if let number = Self.symbols.firstIndex(of: character) {
                found[number] = SourceLocation(line: line, column: column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = (0..<found.count).compactMap { found[$0] }
    }
}
