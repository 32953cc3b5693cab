import Foundation
import Testing
@testable import Lessons

/// The sizes a lesson may ask for (`LessonLimits`): the fuzz campaign's reproducers that
/// crashed, hung or took gigabytes are refused where they are written.
@Suite struct LessonLimitTests {
    static func lesson(epochs: String, after: String, rows: Int = 1) -> String {
        let data = (0..<rows).map { _ in "    - [1]" }.joined(separator: "\n")
        return """
            title: Too long
            summary: One weight, trained for ever.
            source:
              seed: 004_65d9b7a0499491d4.txt
              slide: x
            graph: |
              x = 1
              param w = 1
              L = (w * x)^2
            data:
              inputs: [x]
              rows:
            \(data)
            training:
              rule: sgd
              η: 0.1
              epochs: \(epochs)
            expect:
              - after \(after) epochs: L < 1

            """
    }

    @Test(arguments: ["1000000000000", "9223372036854775807", "100001"])
    func epochsBeyondTheLimitAreRefusedWhereWritten(_ epochs: String) {
        let messages = checkMessages(Self.lesson(epochs: epochs, after: "1"))
        #expect(messages.contains("broken.yaml:17:11: error: 'epochs' must be a whole number from 1 to 100000"))
    }

    @Test func anExpectationAfterTooManyEpochsIsRefused() {
        let messages = checkMessages(Self.lesson(epochs: "10", after: "1000000000000"))
        #expect(messages == [
            "broken.yaml:19:5: error: 'after 1000000000000 epochs' trains too long to check: at most 100000 epochs here (1 row of about 11 steps each; a part may take 2000000 steps)",
        ])
    }

    /// Rows × epochs × steps per pass: many rows lower the epochs a part may take.
    @Test func rowsTimesEpochsIsBounded() {
        let messages = checkMessages(Self.lesson(epochs: "50000", after: "1", rows: 10))
        #expect(messages == [
            "broken.yaml:24:3: error: training for 50000 epochs is too long: at most 18181 epochs here (10 rows of about 11 steps each; a part may take 2000000 steps)",
        ])
        #expect(checkMessages(Self.lesson(epochs: "18181", after: "18181", rows: 10)) == [])
    }

    @Test func tooManyRowsAreRefused() {
        let messages = checkMessages(Self.lesson(epochs: "1", after: "1", rows: LessonLimits.rows + 1))
        #expect(messages.contains("broken.yaml:13:5: error: 'rows' lists 10001 rows; a lesson may have at most 10000"))
    }
}

/// Control characters from the input: named where they are, and never echoed raw.
@Suite struct ControlCharacterTests {
    /// A 0x01 on line 12 was reported at 1:1 without naming it.
    @Test func aControlCharacterInALessonIsNamedWhereItIs() {
        var lines = BrokenLessonTests.valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[11] += "\u{01}"
        let messages = checkMessages(lines.joined(separator: "\n"))
        #expect(messages == ["broken.yaml:12:\(lines[11].count): error: the control character U+0001 cannot be in a lesson; delete it"])
    }

    /// A NUL printed as '', a backspace erased the quotes and ESC reached the terminal.
    @Test func messagesEscapeControlCharacters() {
        let (_, diagnostics) = GraphParser.parse("x = 1\nf = x * y\u{1B}[31m\u{0}\u{8}\n", file: "a.graph")
        let text = diagnostics.map(\.description).joined(separator: "\n")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("\\u{1B}"))
        #expect(Diagnostic.printable("a\u{0}b\u{8}c\u{7F}") == "a\\u{0}b\\u{8}c\\u{7F}")
    }
}
