import Autograd
import Testing
@testable import Lessons

/// Numbers of a student's own (`--variant N`): reproducible, near the slide's, clear of
/// kinks, with what quotes the slide's numbers set aside; `variants:` in the lesson file.
@Suite struct VariantTests {
    /// A lesson file with `title`, `summary`, the chain-rule slide as its source, and `body`
    /// (its graph and any other fields) from line 6 on.
    static func lesson(title: String, summary: String, _ body: String) -> String {
        "title: \(title)\nsummary: \(summary)\nsource:\n  seed: 004_65d9b7a0499491d4.txt\n"
            + "  slide: \"Backpropagation: a simple example\"\n" + body
    }

    func values(_ lesson: Lesson, part: Int = 0, _ names: [String]) -> [Double] {
        let graph = lesson.parts[part].graph
        return names.compactMap { graph.id(named: $0).map(graph.value(of:)) }
    }

    /// The same N gives the same numbers, here and on every machine (no per-process hashing):
    /// variant 7 of the chain rule is pinned.
    @Test func reproducible() throws {
        let lesson = try loadLesson("chain-rule")
        #expect(values(lesson.variant(7), ["x", "y", "z", "q", "f"]) == [-2.8, 6.4, -4.9, 6.4 - 2.8, (6.4 - 2.8) * -4.9])
        #expect(values(lesson.variant(7), ["x", "y", "z"]) == values(lesson.variant(7), ["x", "y", "z"]))
        let distinct = Set((1...20).map { values(lesson.variant($0), ["x", "y", "z"]) })
        #expect(distinct.count >= 18)
        #expect(lesson.variant(7).variant == 7 && lesson.variant == nil)
    }

    /// Near the slide's value, with its sign and one decimal (the slide's −2, 5, −4).
    @Test func nearTheSlidesValues() throws {
        let lesson = try loadLesson("chain-rule")
        for n in 1...100 {
            let (x, y, z) = (values(lesson.variant(n), ["x"])[0], values(lesson.variant(n), ["y"])[0], values(lesson.variant(n), ["z"])[0])
            #expect((-3.0 ... -1.0).contains(x) && (2.5...7.5).contains(y) && (-6.0 ... -2.0).contains(z), "variant \(n)")
            for v in [x, y, z] { #expect((v * 10).rounded() == v * 10, "variant \(n): \(v)") }
        }
    }

    /// Data, targets and zeros stay; expectations, numeric quiz questions and step narration
    /// (they quote the slide's numbers) give way; pages stay.
    @Test func whatAVariantKeeps() throws {
        let bce = try loadLesson("bce-neuron").variant(3)
        #expect(values(bce, ["y"]) == [1])  // a label stays a label
        let perceptron = try loadLesson("perceptron")
        let and = perceptron.variant(5).parts[0]
        #expect(and.data == perceptron.parts[0].data)
        let multi = perceptron.variant(5).parts[5]
        #expect(multi.graph.ids.map(multi.graph.value(of:)) == perceptron.parts[5].graph.ids.map(perceptron.parts[5].graph.value(of:)))  // all zeros and data
        let chain = try loadLesson("chain-rule")
        let variant = chain.variant(2).parts[0]
        #expect(variant.expectations.isEmpty && !chain.parts[0].expectations.isEmpty)
        #expect(variant.quiz.isEmpty && !chain.parts[0].quiz.isEmpty)
        #expect(variant.narration.allSatisfy(\.isPage) && variant.narration.count == chain.parts[0].narration.filter(\.isPage).count)
    }

    /// No draw lands near a kink: relu's input keeps 0.05 from 0 in every variant.
    @Test func clearOfKinks() throws {
        let text = Self.lesson(title: "A kink", summary: "relu near 0.", """
            graph: |
              x = 0.08
              f = relu(x)
            """)
        let lesson = try #require(LessonLoader.load(text: text, file: "kink.yaml").lesson)
        var kept = 0
        for n in 1...100 {
            let x = values(lesson.variant(n), ["x"])[0]
            #expect(abs(x) >= VariantCheck.margin, "variant \(n): x = \(x)")
            if x == 0.08 { kept += 1 }
        }
        #expect(kept < 100)
    }

    @Test func rangesAndFixedInTheLessonFile() throws {
        let text = Self.lesson(title: "Ranges", summary: "Ranges of my own.", """
            graph: |
              x = -2
              y = 5
              z = -4
              f = (x + y) * z
            variants:
              x: [10, 20]
              y: fixed
            """)
        let (lesson, diagnostics) = LessonLoader.load(text: text, file: "ranges.yaml")
        #expect(diagnostics.isEmpty)
        let loaded = try #require(lesson)
        for n in 1...30 {
            let v = values(loaded.variant(n), ["x", "y"])
            #expect((10...20).contains(v[0]) && v[1] == 5)
        }
        let broken = text.replacingOccurrences(of: "  x: [10, 20]\n  y: fixed", with: "  f: [1, 2]\n  x: [3, 1]\n  nope: [1, 2]")
        #expect(checkMessages(broken, file: "ranges.yaml") == [
            "ranges.yaml:12:3: error: 'variants' gives ranges to inputs and params; 'f' is none",
            "ranges.yaml:13:6: error: 'x' needs a range [low, high] with low < high",
            "ranges.yaml:14:3: error: 'variants' gives ranges to inputs and params; 'nope' is none",
        ])
    }

    /// `check` tries variants 1…100: a part whose variants all fall on a kink is told.
    @Test func checkTriesTheVariants() throws {
        let text = Self.lesson(title: "Always a tie", summary: "max of a value and itself.", """
            graph: |
              x = 2
              f = max(x, x)
            """)
        #expect(checkMessages(text, file: "tie.yaml") == [
            "tie.yaml: warning: part 1: 100 of the variants 1…100 keep the slide's numbers: no draw kept clear of a kink (relu, step, max near a tie, division or log near 0) and told the slide's story (truth tables, gradient signs); give the leaves ranges under 'variants:'",
        ])
        for name in BundledLessonTests.names {
            #expect(LessonChecker.checkVariants(try loadLesson(name)).isEmpty, "\(name)")
        }
    }
}
