import Foundation
import Testing
@testable import Lessons

/// Broken lessons and the exact diagnostics `check` prints for them.
@Suite struct BrokenLessonTests {
    /// A small valid lesson the fixtures below break one way each.
    static let valid = """
        title: Chain rule
        summary: f = (x + y)·z
        source:
          seed: 004_65d9b7a0499491d4.txt
          slide: "Backpropagation: a simple example"
        graph: |
          x = -2
          y = 5
          z = -4
          q = x + y
          f = q * z
        narration:
          - at: forward q
            text: q = 3.
        expect:
          - f = -12
          - x.grad = -4

        """

    @Test func theValidFixturePasses() {
        #expect(checkMessages(Self.valid) == [])
    }

    @Test func badYAML() {
        let text = Self.valid.replacingOccurrences(of: "title: Chain rule", with: "title: [Chain rule")
        #expect(checkMessages(text) == [
            "broken.yaml:2:8: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 8)",
        ])
    }

    @Test func textWithAColonMustBeQuoted() {
        let text = Self.valid.replacingOccurrences(of: "    text: q = 3.", with: "    text: Note: q = 3.")
        #expect(checkMessages(text) == [
            "broken.yaml:14:15: error: invalid YAML: a ':' inside a value: put the text in quotes (text: \"Note: q = 3.\"), or indent this field under the one above (YAML: mapping values are not allowed in this context)",
        ])
    }

    /// A quiz answer is an expectation too: one that disagrees with the step it is asked
    /// at fails `check` (it passed).
    @Test func aQuizAnswerThatTheGraphDoesNotComputeFails() {
        let quiz = "quiz:\n  - before: backward q\n    ask: What is ∂f/∂x?\n    answer: -5\nexpect:"
        let text = Self.valid.replacingOccurrences(of: "expect:", with: quiz)
        #expect(checkMessages(text) == [
            "broken.yaml:16:5: error: the answer -5 is none of the numbers 'backward q' computes (-4, 1); check the answer or the step it is asked at",
        ])
        #expect(checkMessages(text.replacingOccurrences(of: "answer: -5", with: "answer: -4")) == [])
    }

    /// With `batch: all` an update comes after every row's pass: a question asked before it
    /// is checked against that update (w ← 1 − 0.1 × mean(2, 4) = 0.7), not skipped.
    @Test func aQuizOnABatchedUpdate() {
        let lesson = """
            title: t
            summary: s
            source: {seed: a.txt, slide: b}
            graph: |
              x = 1
              param w = 1
              L = w * x
            data:
              inputs: [x]
              rows: [[2], [4]]
            training: {rule: sgd, η: 0.1, epochs: 1, batch: all}
            quiz:
              - before: update w
                ask: New w?
                answer: 0.7

            """
        #expect(checkMessages(lesson) == [])
        #expect(checkMessages(lesson.replacingOccurrences(of: "answer: 0.7", with: "answer: 0.8")) == [
            "broken.yaml:13:5: error: the answer 0.8 is none of the numbers 'update w' computes (0.7, 3); check the answer or the step it is asked at",
        ])
    }

    /// libyaml's "found a tab character…" says what to do.
    @Test func aTabBeforeAListItemIsNamed() {
        let text = Self.valid.replacingOccurrences(of: "  - at: forward q", with: "\t- at: forward q")
        #expect(checkMessages(text) == [
            "broken.yaml:13:1: error: invalid YAML: a tab: YAML indents with spaces only; replace the tab with spaces (YAML: found character that cannot start any token)",
        ])
    }

    /// A duplicate points at the file's line of the first definition, not the graph
    /// block's; a name used above its definition says where it is defined.
    @Test func namesRefersToFileLines() {
        let duplicate = Self.valid.replacingOccurrences(of: "  f = q * z\n", with: "  f = q * z\n  f = q + z\n")
        #expect(checkMessages(duplicate).first == "broken.yaml:12:3: error: 'f' is already defined at line 11")
        let later = Self.valid.replacingOccurrences(of: "  q = x + y\n", with: "  q = x + w\n  w = 1\n")
        #expect(checkMessages(later).first
            == "broken.yaml:10:11: error: 'w' is used before it is defined, at line 11; define a name before using it")
    }

    /// `view:` is circuit or flow, and the flow diagram needs a neuron to draw.
    @Test func views() {
        let flow = Self.valid.replacingOccurrences(of: "graph: |", with: "view: flow\ngraph: |")
        #expect(checkMessages(flow) == [
            "broken.yaml:6:7: error: 'view: flow' draws neurons (an activation of a sum, as 'neuron h = sigmoid(w * x + b)' writes it, or a named weighted sum of params, 's = w1 * x1 + w2 * x2'); this graph has none",
        ])
        let bogus = Self.valid.replacingOccurrences(of: "graph: |", with: "view: flows\ngraph: |")
        #expect(checkMessages(bogus) == ["broken.yaml:6:7: error: 'view' must be circuit or flow; got 'flows'"])
        let neuron = flow.replacingOccurrences(of: "  f = q * z\n", with: "  neuron f = sigmoid(q * z + x)\n")
        #expect(checkMessages(neuron.replacingOccurrences(of: "  - f = -12\n  - x.grad = -4\n", with: "  - q = 3\n")) == [])
    }

    @Test func unknownField() {
        let text = Self.valid.replacingOccurrences(of: "summary:", with: "sumary:")
        #expect(checkMessages(text) == [
            "broken.yaml:1:1: error: the lesson is missing the required field 'summary'",
            "broken.yaml:2:1: error: unknown field 'sumary' in the lesson; expected one of: data, expect, graph, mistake, narration, parts, quiz, source, summary, title, training, variants, view",
        ])
    }

    @Test func unknownFieldInANarrationEntry() {
        let text = Self.valid.replacingOccurrences(of: "    text: q = 3.", with: "    txt: q = 3.")
        #expect(checkMessages(text) == [
            "broken.yaml:13:5: error: narration entry 1 needs exactly one of 'text' (beside a step) or 'page' (its own page)",
            "broken.yaml:14:5: error: unknown field 'txt' in narration entry 1; expected one of: after, at, before, page, text",
        ])
    }

    @Test func emptyAndNonMappingFiles() {
        #expect(checkMessages("") == [
            "broken.yaml:1:1: error: the lesson file is empty; it needs at least 'title', 'summary', 'source' and 'graph'",
        ])
        #expect(checkMessages("# only a comment\n") == [
            "broken.yaml:1:1: error: the lesson file is empty; it needs at least 'title', 'summary', 'source' and 'graph'",
        ])
        #expect(checkMessages("just words\n") == ["broken.yaml:1:1: error: the lesson must be a mapping of 'field: value' lines"])
        #expect(checkMessages("- a\n- b\n") == ["broken.yaml:1:1: error: the lesson must be a mapping of 'field: value' lines"])
    }

    @Test func duplicateField() {
        let text = Self.valid.replacingOccurrences(of: "summary: f = (x + y)·z", with: "summary: f = (x + y)·z\ntitle: again")
        #expect(checkMessages(text) == ["broken.yaml:3:1: error: field 'title' appears twice"])
        let nested = Self.valid.replacingOccurrences(of: "    text: q = 3.", with: "    text: q = 3.\n    text: again")
        #expect(checkMessages(nested) == ["broken.yaml:15:5: error: field 'text' appears twice"])
    }

    @Test func badTrainingSettings() {
        let text = Self.valid + "data:\n  inputs: [x]\n  rows:\n    - [1]\n    - [1, 2]\ntraining:\n  rule: adam\n  epochs: 0\n  batch: 3\n"
        #expect(checkMessages(text) == [
            "broken.yaml:22:7: error: this row has 2 values; expected 1 (x)",
            "broken.yaml:24:3: error: training is missing the required field 'η'",
            "broken.yaml:24:9: error: 'rule' must be sgd or perceptron; got 'adam'",
            "broken.yaml:25:11: error: 'epochs' must be a whole number from 1 to 100000",
            "broken.yaml:26:10: error: 'batch' must be 1 (update after every sample) or all (once per epoch, mean gradient)",
        ])
    }

    @Test func badWeightDecay() {
        let data = "data:\n  inputs: [x]\n  rows:\n    - [1]\n"
        #expect(checkMessages(Self.valid + data + "training:\n  η: 0.1\n  epochs: 1\n  decay: -0.5\n") == [
            "broken.yaml:25:10: error: 'decay' must be at least 0 (the weight decay α)",
        ])
        #expect(checkMessages(Self.valid + data + "training:\n  η: 0.1\n  epochs: 1\n  decay: lots\n") == [
            "broken.yaml:25:10: error: 'decay' must be a number",
        ])
    }

    @Test func badZeroGrad() {
        let data = "data:\n  inputs: [x]\n  rows:\n    - [1]\n"
        #expect(checkMessages(Self.valid + data + "training:\n  η: 0.1\n  epochs: 1\n  zero_grad: false\n") == [
            "broken.yaml:25:14: error: 'zero_grad: false' needs 'batch: all' (the summed gradients are what is not zeroed)",
        ])
        #expect(checkMessages(Self.valid + data + "training:\n  η: 0.1\n  epochs: 1\n  zero_grad: maybe\n") == [
            "broken.yaml:25:14: error: 'zero_grad' must be true or false",
        ])
    }

    @Test func missingGraph() {
        let text = "title: t\nsummary: s\nsource: {seed: a.txt, slide: b}\n"
        #expect(checkMessages(text) == [
            "broken.yaml:1:1: error: the lesson is missing the required field 'graph'",
        ])
    }

    @Test func unknownNodeInNarration() {
        let text = Self.valid.replacingOccurrences(of: "  - at: forward q", with: "  - at: forward qq")
        #expect(checkMessages(text) == [
            "broken.yaml:13:5: error: narration refers to unknown node 'qq' (the graph has: x, y, z, q, f)",
        ])
    }

    @Test func unknownNodeInAnExpectation() {
        let text = Self.valid.replacingOccurrences(of: "  - x.grad = -4", with: "  - w.grad = -4")
        #expect(checkMessages(text) == [
            "broken.yaml:17:5: error: expectation refers to unknown node 'w' (the graph has: x, y, z, q, f)",
        ])
    }

    @Test func wrongExpectation() {
        let text = Self.valid.replacingOccurrences(of: "  - f = -12", with: "  - f = -13")
        #expect(checkMessages(text) == ["broken.yaml:16:5: error: expected f = -13, got -12"])
    }

    @Test func wrongTrainingExpectation() {
        let text = """
            title: t
            summary: s
            source: {seed: a.txt, slide: b}
            graph: |
              x = 1
              y = 2
              param w = 0
              δ = w * x - y
              loss = δ * δ
            data:
              inputs: [x]
              targets: [y]
              rows:
                - [1, 2]
            training:
              η: 0.25
              epochs: 1
            expect:
              - after 1 epoch: w = 0.5
              - after 1 epoch: w = 1.5
              - after 1 epoch: loss < 0.5

            """
        // One step: ∂loss/∂w = 2(w·x − y)·x = −4, so w = 0 − 0.25·(−4) = 1, loss = 1.
        #expect(checkMessages(text) == [
            "broken.yaml:19:5: error: expected after 1 epoch: w = 0.5, got 1",
            "broken.yaml:20:5: error: expected after 1 epoch: w = 1.5, got 1",
            "broken.yaml:21:5: error: expected after 1 epoch: loss < 0.5, got 1",
        ])
    }

    @Test func graphErrorOnAGivenLineOfTheLessonFile() {
        let text = Self.valid.replacingOccurrences(of: "  f = q * z", with: "  f = q * zz")
        #expect(checkMessages(text) == ["broken.yaml:11:11: error: unknown name 'zz'"])
    }

    @Test func graphErrorInsideSugarPointsAtTheLineWritten() {
        let text = Self.valid.replacingOccurrences(of: "  f = q * z", with: "  neuron h = sigmoid(q * zz)")
        #expect(checkMessages(text) == ["broken.yaml:11:26: error: unknown name 'zz'"])
    }

    @Test func aFoldedGraphBlockIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "graph: |", with: "graph: >")
        #expect(checkMessages(text) == [
            "broken.yaml:6:8: error: write the graph as a literal block 'graph: |'; a '>' block folds its lines into one",
        ])
    }

    @Test func aOneLineGraphIsPlacedAtItsColumn() {
        let text = "title: t\nsummary: s\nsource: {seed: a.txt, slide: b}\ngraph: \"f = 2 * qq\"\n"
        #expect(checkMessages(text) == ["broken.yaml:4:17: error: unknown name 'qq'"])
    }

    @Test func malformedSugar() {
        let text = Self.valid.replacingOccurrences(of: "  f = q * z", with: "  neuron h = cosh(q)")
        #expect(checkMessages(text) == [
            "broken.yaml:11:14: error: a neuron's activation must be one of relu, sigmoid, sign, step, tanh; got 'cosh'",
        ])
    }

    @Test func unreadableExpectation() {
        let text = Self.valid.replacingOccurrences(of: "  - f = -12", with: "  - f is -12")
        #expect(checkMessages(text) == [
            "broken.yaml:16:5: error: cannot read 'f is -12' as an expectation; write e.g. 'f = -12', 'x.grad = -4' or 'loss < 0.05'",
        ])
    }

    @Test func updateOfANodeThatIsNotAParam() {
        let text = Self.valid.replacingOccurrences(of: "  - at: forward q", with: "  - at: update x")
        #expect(checkMessages(text) == [
            "broken.yaml:13:5: error: narration refers to 'update x', but x is not a param",
            "broken.yaml:13:5: error: narration refers to 'update x', but this part has no 'training'",
        ])
    }

    @Test func nonFiniteValuesAreWarnings() {
        let text = Self.valid.replacingOccurrences(of: "  f = q * z", with: "  f = log(q - 3)")
            .replacingOccurrences(of: "  - f = -12\n  - x.grad = -4\n", with: "  - q = 3\n")
        #expect(checkMessages(text) == [
            "broken.yaml:11:3: warning: 'f' is -inf (its inputs are 0)",
        ])
    }

    @Test func quizAnswerMustBeAChoice() {
        let text = Self.valid + "quiz:\n  - ask: Which?\n    choices: [a, b]\n    answer: c\n"
        #expect(checkMessages(text) == ["broken.yaml:21:13: error: the answer 'c' is not one of the choices"])
    }

    /// Every prefix of a real lesson, cut at every line, and a few mangled copies: errors
    /// or a lesson, never a crash.
    @Test(arguments: BundledLessonTests.names)
    func truncatedAndMangledLessonsNeverCrash(name: String) throws {
        let text = try lessonText(name)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for cut in 0..<lines.count {
            let prefix = lines[..<cut].joined(separator: "\n")
            let diagnostics = LessonChecker.check(text: prefix, file: "cut.yaml")
            let hasError = diagnostics.contains { $0.isError }
            if cut < 3 { #expect(hasError, "cut at \(cut)") }
        }
        for mangle in [("  ", "\t"), (":", ""), ("-", "["), ("|", ">"), ("\n", "\n  ")] {
            _ = LessonChecker.check(text: text.replacingOccurrences(of: mangle.0, with: mangle.1), file: "m.yaml")
        }
        for length in stride(from: 0, to: text.unicodeScalars.count, by: 97) {
            let cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
            _ = LessonChecker.check(text: cut, file: "c.yaml")
        }
    }
}
