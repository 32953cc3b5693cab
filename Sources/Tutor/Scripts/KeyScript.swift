import Lessons

/// A prepared key sequence for `backprop play LESSON --keys KEYS`: what a teacher types
/// before the lecture so the demonstration runs the same way every time.
///
/// The format, one item after another, separated by spaces and/or commas:
///
/// - a key: `right` `→` `next` `l` `space` · `left` `←` `back` `h` · `up` `↑` `down` `↓` ·
///   `enter` `⏎` `return` · `esc` · `tab` · `backspace` · `home` `end` `pgup` `pgdn` · or any
///   single character (`q`, `?`,
///   `+`, `-`, `f`, `5`);
/// - a repeat of the key before it: `×5`, `*5` or `x5`, as its own word or glued on
///   (`→×5`, `l*3`);
/// - `pause SECONDS` (or `wait SECONDS`): nothing happens for that long;
/// - `type TEXT`: the characters of TEXT, one key each (a quiz answer: `type -4 enter`).
///
/// Example: `"→ ×5, pause 2, ← ×2, type -4, enter, q"`. Names are case-insensitive.
public struct KeyScript: Sendable, Equatable {
    /// One thing the script does.
    public enum Event: Sendable, Equatable {
        /// Press the key with this canonical name (a value of `aliases`, or a single character; `KeyScript.key(named:)` turns it into a `Key`).
        case key(String)
        /// Do nothing for this many seconds.
        case pause(Double)
    }

    public var events: [Event]

    public init(events: [Event]) { self.events = events }

    /// Spellings of the named keys, all lowercase.
    static let aliases: [String: String] = [
        "right": "right", "→": "right", "next": "right",
        "left": "left", "←": "left", "back": "left",
        "up": "up", "↑": "up", "down": "down", "↓": "down",
        "enter": "enter", "return": "enter", "⏎": "enter", "↵": "enter",
        "esc": "escape", "escape": "escape", "tab": "tab",
        "backspace": "backspace", "bs": "backspace", "space": "space", "spc": "space",
        "home": "home", "end": "end", "pageup": "pageup", "pgup": "pageup", "pagedown": "pagedown", "pgdn": "pagedown",
    ]

    /// The longest script accepted, so a typo such as `→ ×1000000000` is an error rather
    /// than a program that never ends.
    public static let maxEvents = 100_000

    /// Reads a script, or says which word is wrong and why.
    public static func parse(_ text: String) -> Result<KeyScript, KeyScriptError> {
        let words = split(text)
        var events: [Event] = []
        var index = 0
        func number(after word: String) -> Result<Double, KeyScriptError> {
            guard index + 1 < words.count else { return .failure(KeyScriptError(word: index + 1, text: word, reason: "'\(word)' needs a number of seconds after it, e.g. '\(word) 2'")) }
            let next = words[index + 1]
            guard let seconds = Double(next), seconds.isFinite, seconds >= 0, seconds <= 3600 else {
                return .failure(KeyScriptError(word: index + 2, text: next, reason: "expected seconds between 0 and 3600 after '\(word)'"))
            }
            index += 1
            return .success(seconds)
        }
        while index < words.count {
            let word = words[index]
            let lower = word.lowercased()
            if lower == "pause" || lower == "wait" {
                switch number(after: word) {
                case .failure(let error): return .failure(error)
                case .success(let seconds): events.append(.pause(seconds))
                }
            } else if lower == "type" {
                guard index + 1 < words.count else {
                    return .failure(KeyScriptError(word: index + 1, text: word, reason: "'type' needs the text to type after it, e.g. 'type -4'"))
                }
                index += 1
                events += words[index].map { Event.key($0 == " " ? "space" : String($0)) }
            } else if let count = repeatCount(word) {
                guard let last = events.last, case .key = last else {
                    return .failure(KeyScriptError(word: index + 1, text: word, reason: "a repeat such as '×5' must follow a key"))
                }
                guard count >= 1 else { return .failure(KeyScriptError(word: index + 1, text: word, reason: "a repeat count must be at least 1")) }
                guard count - 1 <= maxEvents - events.count else { return tooLong(index, word) }
                events += Array(repeating: last, count: count - 1)
            } else {
                let (name, count) = splitGluedRepeat(word)
                guard let key = keyName(name) else {
                    return .failure(KeyScriptError(word: index + 1, text: word, reason: "unknown key '\(name)'; use a key name (right, left, up, down, space, enter, esc, tab, backspace, home, end, pgup, pgdn), a single character, 'pause SECONDS' or 'type TEXT'"))
                }
                guard count >= 1 else { return .failure(KeyScriptError(word: index + 1, text: word, reason: "a repeat count must be at least 1")) }
                guard count <= maxEvents - events.count else { return tooLong(index, word) }
                events += Array(repeating: .key(key), count: count)
            }
            index += 1
        }
        return .success(KeyScript(events: events))
    }

    private static func tooLong(_ index: Int, _ word: String) -> Result<KeyScript, KeyScriptError> {
        .failure(KeyScriptError(word: index + 1, text: word, reason: "the script would have more than \(maxEvents) keys"))
    }

    /// Words separated by whitespace or commas. A comma on its own between spaces is a
    /// separator, never the key `,` (write `type ,` for that).
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    }

    /// `×5`, `*5`, `x5` → 5; anything else → nil.
    static func repeatCount(_ word: String) -> Int? {
        guard let first = word.first, "×*xX".contains(first), word.count > 1 else { return nil }
        return count(word.dropFirst())
    }

    /// A repeat count; digits too many for an Int count as `Int.max`, which the length
    /// check then names ("more than 100000 keys") instead of calling them a key.
    static func count(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return Int(digits) }
        return Int(digits) ?? Int.max
    }

    /// `→×5` → (`→`, 5); `l*3` → (`l`, 3); a word without a glued repeat → (word, 1).
    static func splitGluedRepeat(_ word: String) -> (String, Int) {
        for marker in ["×", "*"] {
            guard let range = word.range(of: marker, options: .backwards), range.lowerBound != word.startIndex,
                  let count = count(word[range.upperBound...]) else { continue }
            return (String(word[..<range.lowerBound]), count)
        }
        return (word, 1)
    }

    /// The canonical name of a key word: a named key, or a single character as itself.
    static func keyName(_ word: String) -> String? {
        if let name = aliases[word.lowercased()] { return name }
        if word.count == 1, let ch = word.first, !ch.isWhitespace { return String(ch) }
        return nil
    }

    /// The keys in order, pauses dropped: what a run without a terminal replays.
    public var keys: [String] {
        events.compactMap { if case .key(let name) = $0 { name } else { nil } }
    }
}

/// Why a key script could not be read: the word (counted from 1) and what is wrong.
public struct KeyScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public var word: Int
    public var text: String
    public var reason: String

    /// Control characters typed into the script are written as `\u{1B}`, never raw.
    public var description: String { Diagnostic.printable("--keys: word \(word) ('\(text)'): \(reason)") }
}
