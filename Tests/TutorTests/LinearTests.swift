import Lessons
import Screen
import Testing
@testable import Tutor

/// Linear mode's words: formulas spelt out for a screen reader, and every screen of every
/// bundled lesson as plain sentences.
@Suite struct LinearTests {
    @Test(arguments: [
        ("q = x + y = −2 + 5 = 3", "q equals x plus y equals minus 2 plus 5 equals 3"),
        ("f = q · z = 3 · (−4) = −12", "f equals q times z equals 3 times (minus 4) equals minus 12"),
        ("∂f/∂x = ∂f/∂q · ∂q/∂x = −4", "d f by d x equals d f by d q times d q by d x equals minus 4"),
        ("∂f/∂(leaf)", "d f by d (leaf)"),
        ("loss 9.68e-4", "loss 9.68 times 10 to the minus 4"),
        ("w ← w − η·∂L/∂w", "w becomes w minus eta times d L by d w"),
        ("σ(z)(1 − σ(z))", "sigma(z)(1 minus sigma(z))"),
        ("ℓ = (ŷ − y)²", "loss equals (y hat minus y) squared"),
        ("Quiz · predict before it is shown", "Quiz, predict before it is shown"),
        ("(y_cat·lnp_cat) = y_cat · lnp_cat", "(y_cat times lnp_cat) equals y_cat times lnp_cat"),
        ("✗ Not 5. ✓ Right: 3.", "Not 5. Right: 3."),
        ("x1 = -1.5", "x1 equals minus 1.5"),
    ])
    func formulasAsWords(_ formula: String, _ words: String) {
        #expect(Speech.words(formula) == words)
    }

    @Test func theChainRuleAtStepFour() throws {
        let start = try TutorState(subject: .lesson(LessonFixtures.lesson("chain-rule")), theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        #expect(update(start, .jump(to: 4)).linearLines == [
            "Step 4 of 8, backward pass.",
            "Backward through f equals q times z.",
            "d f by d f equals 1 (the seed).",
            "d f by d q equals d f by d f times local equals 1 times (minus 4) equals minus 4.",
            "d f by d z equals d f by d f times local equals 1 times 3 equals 3.",
            "Rule: mul swaps its inputs: each input's local gradient is the other input's value.",
            "Next: backward through q equals x plus y.",
            "f equals q times z. The multiply gate swaps its inputs.",
            "d f by d q equals z equals minus 4, and d f by d z equals q equals 3.",
        ])
    }

    /// Every step of every bundled lesson's parts, read linearly: sentences only — no box
    /// drawing, no marks, no escape sequences, no line without its full stop.
    @Test(arguments: LessonLibrary.bundledNames) func everyScreenIsPlainSentences(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let drawing = Set("─│┌┐└┘├┤┬┴┼▶✓✗█▒░⠉↪")
        for part in lesson.parts.indices {
            let start = try TutorState(subject: .lesson(lesson), part: part, theme: .monochrome(), size: Size(width: 100, height: 30))
            for step in stride(from: 0, through: min(start.stepper.count, start.stepper.plan.stepsPerPass + 2), by: 1) {
                let lines = update(start, .jump(to: step)).linearLines
                #expect(lines.first?.hasPrefix(step == 0 ? (lesson.parts.count > 1 ? "Part " : "Start") : "Step \(step) of") == true)
                for line in lines {
                    #expect(!line.contains(where: drawing.contains) && !line.contains("\u{1B}"), "\(name) part \(part + 1) step \(step): \(line)")
                    #expect(line.last.map { ".!?:;,—".contains($0) } == true, "\(name) part \(part + 1) step \(step): \(line)")
                }
            }
        }
    }
}
