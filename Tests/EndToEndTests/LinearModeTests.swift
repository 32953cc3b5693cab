import Foundation
import Testing

/// `learn --linear` as a screen reader user meets it: sentences on stdout, one command a
/// line on stdin, a quiz answered by typing the number; `render --linear` prints the same
/// sentences for a step.
@Suite struct LinearModeTests {
    @Test func aScriptedSessionThroughTheChainRule() throws {
        let result = try runBackprop(["learn", "chain-rule", "--linear", "--no-save"], stdin: "\n\nb\nzz\nq\n")
        #expect(result.status == 0 && result.stderr.isEmpty)
        let opening = """
            backprop, linear mode. The chain rule, one gate at a time.
            Enter: the next step. ?: the commands.
            Start, step 0 of 8, a page of the lesson.
            We compute f(x, y, z) equals (x plus y) times z at x equals minus 2, y equals 5, z equals minus 4.
            We split it into two gates: q equals x plus y, then f equals q times z.
            Want: d f by d x, d f by d y, d f by d z.


            """
        let stepOne = """
            Step 1 of 8, forward pass.
            Forward: compute q.
            q equals x plus y equals minus 2 plus 5 equals 3.
            Next: forward: compute f equals q times z.
            The add gate. q equals x plus y equals minus 2 plus 5 equals 3.


            """
        #expect(result.stdout.hasPrefix(opening))
        // Enter turns the opening page, Enter takes step 1, b goes back to the start.
        let screens = result.stdout.components(separatedBy: "\n\n")
        #expect(screens[2] + "\n\n" == stepOne)
        #expect(try runBackprop(["render", "chain-rule", "--step", "1", "--linear"]).stdout + "\n" == stepOne)
        #expect(screens[3] == screens[1] && screens[1].hasPrefix("Start, step 0 of 8.\nStart: nothing computed yet."))
        #expect(screens[4] == "Unknown command zz. ? lists the commands.")
        #expect(result.stdout.hasSuffix("Unknown command zz. ? lists the commands.\n\n"))  // q said nothing more
    }

    @Test func aQuizAnsweredWrongThenRight() throws {
        let result = try runBackprop(["learn", "chain-rule", "--linear", "--quiz", "--no-save"], stdin: "\n\n5\n3\nq\n")
        #expect(result.status == 0)
        let screens = result.stdout.components(separatedBy: "\n\n")
        #expect(screens[2].hasPrefix("""
            Start, step 0 of 8.
            Quiz, predict before it is shown.
            Forward: q equals x plus y equals minus 2 plus 5 equals ?
            """))
        #expect(screens[3].hasPrefix("""
            Start, step 0 of 8.
            Quiz, predict before it is shown.
            Forward: q equals x plus y equals minus 2 plus 5 equals ?
            Not 5.
            """))
        #expect(screens[4].hasPrefix("""
            Step 1 of 8, forward pass.
            Right: 3.
            """))
    }

    @Test func theEndOfInputEndsTheSession() throws {
        let result = try runBackprop(["learn", "chain-rule", "--linear", "--no-save"], stdin: "")
        #expect(result.status == 0 && result.stdout.hasPrefix("backprop, linear mode."))
    }
}
