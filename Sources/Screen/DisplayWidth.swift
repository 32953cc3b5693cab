/// How many terminal columns text takes. Every glyph the tutor draws is one column wide;
/// East Asian wide characters and emoji take two; control and zero-width characters none.
/// An approximation of `wcwidth` that never traps, whatever the input.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if first.properties.isEmojiPresentation { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// Columns taken by a string.
    public static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for c in string { total += of(c) }
        return total
    }

    /// The longest prefix of `string` that fits in `width` columns.
    public static func prefix(_ string: String, fitting width: Int) -> String {
        var used = 0
        var end = string.startIndex
        for i in string.indices {
            let w = of(string[i])
            if used + w > width { break }
            used += w
            end = string.index(after: i)
        }
        return String(string[..<end])
    }

    /// `string` cut to `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ string: String, to width: Int, ellipsis: String = "…") -> String {
        if of(string) <= width { return string }
        let room = width - of(ellipsis)
        if room < 0 { return prefix(string, fitting: width) }
        return prefix(string, fitting: room) + ellipsis
    }

    /// `truncate`, but cut after a whole word where one ends in the second half of the
    /// room ("Learning XOR with…", not "Learning XOR with sigmoids and S…"), so a title
    /// never ends in a fragment of a word.
    public static func truncateAtWord(_ string: String, to width: Int, ellipsis: String = "…") -> String {
        if of(string) <= width { return string }
        let room = width - of(ellipsis)
        guard room > 0 else { return truncate(string, to: width, ellipsis: ellipsis) }
        let kept = prefix(string, fitting: room)
        // The cut already falls between words.
        if string.dropFirst(kept.count).first == " " || kept.last == " " {
            return kept.trimmingSuffix(" ,;:") + ellipsis
        }
        guard let space = kept.lastIndex(of: " "), of(String(kept[..<space])) >= room / 2 else {
            return kept + ellipsis
        }
        return String(kept[..<space]).trimmingSuffix(" ,;:") + ellipsis
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, the ranges that matter in practice).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

private extension String {
    /// Without trailing blanks and punctuation (any of `characters`).
    func trimmingSuffix(_ characters: String) -> String {
        var copy = self
        while let last = copy.last, characters.contains(last) { copy.removeLast() }
        return copy
    }
}
