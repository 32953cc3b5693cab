import Foundation
import Testing

/// The classroom features in a real terminal (tmux): autoplay reaching the gradients by
/// itself, the lesson picker, and a quiz answered wrong then right.
@Suite(.serialized) struct ClassroomScreenTests {
    @Test func autoplayReachesTheGradientsWithoutAKey() throws {
        let tmux = try TmuxSession(["play", "chain-rule", "--autoplay", "0.2"])
        defer { tmux.stop() }
        try tmux.wait(for: "▶ every 0.2 s")
        let end = try tmux.wait(for: "step 8/8")
        #expect(end.contains("∂f/∂x = −4"))
        #expect(end.contains("∂f/∂z = 3"))
        // It stops at the end and waits.
        try tmux.wait(for: "■ stopped")
        try tmux.send("q")
        let (status, modes) = try tmux.ending()
        #expect(status == 0)
        #expect(modes == "isig icanon echo")
    }

    @Test func spacePausesAndPlusSpeedsUp() throws {
        let tmux = try TmuxSession(["play", "chain-rule", "--autoplay", "0.5"])
        defer { tmux.stop() }
        try tmux.wait(for: "step 1/8")
        try tmux.send("Space")
        let paused = try tmux.wait(for: "⏸ paused")
        let step = try #require(paused.firstMatch(of: #/step (\d)/8/#)).1
        try tmux.send("+")  // the speed changes while paused, and shows
        try tmux.wait(for: "⏸ paused (every 0.2 s)")
        #expect(try tmux.screen().contains("step \(step)/8"))
        try tmux.send("Space")
        try tmux.wait(for: "■ stopped")
        try tmux.send("q")
        #expect(try tmux.ending().status == 0)
    }

    @Test func thePickerOpensALessonWithEnter() throws {
        let tmux = try TmuxSession([])
        defer { tmux.stop() }
        let menu = try tmux.wait(for: "choose a lesson")
        #expect(menu.contains("▶ chain-rule  The chain rule, one gate at a time"))
        #expect(menu.contains("xor  XOR — two layers"))
        try tmux.send("Down")
        try tmux.wait(for: "▶ partials")
        try tmux.send("Up")
        try tmux.wait(for: "▶ chain-rule")
        try tmux.send("Enter")
        let lesson = try tmux.wait(for: "step 0/8")
        #expect(lesson.contains("The chain rule, one gate at a time"))
        // q leaves the lesson for the menu, q again quits.
        try tmux.send("q")
        try tmux.wait(for: "choose a lesson")
        try tmux.send("q")
        let (status, modes) = try tmux.ending()
        #expect(status == 0)
        #expect(modes == "isig icanon echo")
    }

    @Test func aQuizAnswerWrongThenRightAndAWrongGradientExplained() throws {
        let tmux = try TmuxSession(["learn", "chain-rule", "--quiz"])
        defer { tmux.stop() }
        try tmux.wait(for: "step 0/8")
        // The first → turns the opening page; the next asks before the step.
        try tmux.send("Right")
        try tmux.wait(for: "Press → (or space)")
        try tmux.send("Right")
        try tmux.wait(for: "Forward: q = x + y = −2 + 5 = ?")
        try tmux.send("5", "Enter")
        let wrong = try tmux.wait(for: "✗ Not 5.")
        #expect(wrong.contains("Hint: add the inputs."))
        #expect(wrong.contains("step 0/8"))
        try tmux.send("3", "Enter")
        let right = try tmux.wait(for: "✓ Right: 3.")
        #expect(right.contains("score 1/1 (0 at the first try)"))
        #expect(right.contains("step 1/8"))
        // f, then the seed, right at the first try.
        try tmux.send("Right")
        try tmux.wait(for: "= ?")
        try tmux.send("-", "1", "2", "Enter")
        try tmux.wait(for: "score 2/2")
        try tmux.send("Right")
        try tmux.wait(for: "Now the backward pass")  // the page before the backward pass
        try tmux.send("Right")
        try tmux.wait(for: "∂f/∂f = ?")
        try tmux.send("1", "Enter")
        try tmux.wait(for: "score 3/3")
        // The multiply gate: z's own value instead of the other input's.
        try tmux.send("Right")
        try tmux.wait(for: "What is ∂f/∂z?")
        try tmux.send("-", "4", "Enter")
        let explained = try tmux.wait(for: "mul swaps its inputs")
        #expect(explained.contains("✗ Not −4."))
        // q is part of an answer while one is typed; Esc shows the answer instead.
        try tmux.send("Escape")
        try tmux.wait(for: "score 3/4")
        try tmux.send("Escape")
        try tmux.wait(for: "score 3/5")
        try tmux.send("q")
        let (status, _) = try tmux.ending()
        #expect(status == 0)
    }
}
