import Testing

/// `eval`'s table for the chain-rule example, f = (x + y)·z at x = −2, y = 5, z = −4: the
/// same for `examples/chain-rule.graph` and the bundled `chain-rule` lesson.
let chainRuleTable = """
    name  kind   value  grad
    x     input     -2    -4
    y     input      5    -4
    z     input     -4     3
    q     op         3    -4
    f     op       -12     1
    output: f

    """

/// `backprop eval` and `backprop check`, run as the built binary.
@Suite struct EvalCommandTests {
    @Test func evalJSONOfTheChainRuleExample() throws {
        let result = try runBackprop(["eval", "examples/chain-rule.graph", "--json"])
        #expect(result == ProcessResult(status: 0, stdout: """
            {"output": "f", "nodes": [{"name": "x", "kind": "input", "value": -2, "grad": -4}, \
            {"name": "y", "kind": "input", "value": 5, "grad": -4}, {"name": "z", "kind": "input", "value": -4, "grad": 3}, \
            {"name": "q", "kind": "op", "value": 3, "grad": -4}, {"name": "f", "kind": "op", "value": -12, "grad": 1}]}

            """, stderr: ""))
    }

    /// `--part` evaluates one part of a lesson, as `render` and `learn` open one: softmax
    /// part 2 gives the slide's loss, −ln 0.13 = 2.04, from the weights' scores 3.2, 5.1,
    /// −1.7; `check --part` reports that part; a part that is not there is an error.
    @Test func evalAndCheckOnePart() throws {
        let second = try runBackprop(["eval", "softmax", "--part", "2", "--json"])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("{\"output\": \"L\""))
        #expect(second.stdout.contains("{\"name\": \"s_cat\", \"kind\": \"op\", \"value\": 3.2"))
        #expect(second.stdout.contains("{\"name\": \"L\", \"kind\": \"op\", \"value\": 2.0403"))
        // The first part is the default, and is what --part 1 gives.
        #expect(try runBackprop(["eval", "chain-rule", "--part", "1"]).stdout == chainRuleTable)
        let missing = try runBackprop(["eval", "softmax", "--part", "3"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.hasSuffix("softmax.yaml: error: part 3 asked for, but it has 2 parts\n"))
        let graph = try runBackprop(["eval", "examples/chain-rule.graph", "--part", "2"])
        #expect(graph == ProcessResult(status: 1, stdout: "", stderr: "examples/chain-rule.graph: error: part 2 asked for, but it has 1 part\n"))
        #expect(try runBackprop(["eval", "xor", "--part", "0"]).stderr.hasPrefix("Error: --part counts from 1; got 0\n"))
        let check = try runBackprop(["check", "softmax", "--part", "2"])
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix("softmax.yaml: ok: lesson 'softmax' part 2/2 'The SGD update', output L = 2.0404, 14 expected values hold\n"))
    }

    @Test func evalTable() throws {
        let result = try runBackprop(["eval", "examples/chain-rule.graph"])
        #expect(result == ProcessResult(status: 0, stdout: chainRuleTable, stderr: ""))
    }

    @Test func setOverridesLeaves() throws {
        let result = try runBackprop(["eval", "examples/fan-out.graph", "--set", "a=1", "--set", "b=0.5", "--json"])
        // f = (a·b)(a + b): ∂f/∂a = b(a + b) + ab = 0.75 + 0.5, ∂f/∂b = a(a + b) + ab = 1.5 + 0.5.
        #expect(result == ProcessResult(status: 0, stdout: """
            {"output": "f", "nodes": [{"name": "a", "kind": "input", "value": 1, "grad": 1.25}, \
            {"name": "b", "kind": "input", "value": 0.5, "grad": 2}, {"name": "d", "kind": "op", "value": 0.5, "grad": 1.5}, \
            {"name": "e", "kind": "op", "value": 1.5, "grad": 0.5}, {"name": "f", "kind": "op", "value": 0.75, "grad": 1}]}

            """, stderr: ""))
    }

    @Test func setUnknownNameIsAnError() throws {
        let result = try runBackprop(["eval", "examples/chain-rule.graph", "--set", "w=1"])
        #expect(result == ProcessResult(
            status: 1, stdout: "",
            stderr: "examples/chain-rule.graph: error: --set w: no node named 'w' (the leaves are x, y, z)\n"))
        let computed = try runBackprop(["eval", "examples/chain-rule.graph", "--set", "q=1"])
        #expect(computed.status == 1)
        #expect(computed.stderr == "examples/chain-rule.graph: error: --set q: 'q' is computed from other nodes; only inputs, params and consts can be set\n")
    }

    @Test func malformedSetIsAUsageError() throws {
        let result = try runBackprop(["eval", "examples/chain-rule.graph", "--set", "x"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: --set expects NAME=VALUE with a number, e.g. --set x=-2; got 'x'\n"))
    }

    @Test func evalOfABrokenFile() throws {
        let path = try temporaryFile(named: "broken.graph", "x = 1\ny = x +\nz = exp(x, x)\n")
        let result = try runBackprop(["eval", path, "--json"])
        #expect(result == ProcessResult(status: 1, stdout: "", stderr: """
            \(path):2:8: error: expected an expression, found end of line
            \(path):3:5: error: 'exp' takes 1 argument, got 2

            """))
    }

    @Test func checkReportsEveryProblemAndFails() throws {
        let broken = try temporaryFile(named: "broken.graph", "x = 1\ny = x $ 2\nz = w * 2\nx = 3\n")
        let warned = try temporaryFile(named: "warned.graph", "x = 0\ny = log(x)\n")
        let result = try runBackprop(["check", "examples/chain-rule.graph", broken, warned, "missing.graph"])
        #expect(result == ProcessResult(status: 1, stdout: """
            examples/chain-rule.graph: ok: 5 nodes (5 named), output f = -12
            \(warned): ok: 2 nodes (2 named), output y = -inf, 1 warning

            """, stderr: """
            \(broken):2:7: error: unexpected character '$'
            \(broken):3:5: error: unknown name 'w'
            \(broken):4:1: error: 'x' is already defined at line 1
            \(warned):2:1: warning: 'y' is -inf (its inputs are 0)
            missing.graph: error: no such file

            """))
    }

    @Test func checkOfCleanFilesSucceeds() throws {
        let result = try runBackprop(["check", "examples/chain-rule.graph", "examples/neuron.graph", "examples/fan-out.graph"])
        #expect(result == ProcessResult(status: 0, stdout: """
            examples/chain-rule.graph: ok: 5 nodes (5 named), output f = -12
            examples/neuron.graph: ok: 10 nodes (7 named), output h = 0.7311
            examples/fan-out.graph: ok: 5 nodes (5 named), output f = -6

            """, stderr: ""))
    }

    @Test func evalHelp() throws {
        let result = try runBackprop(["eval", "--help"])
        #expect(result == ProcessResult(status: 0, stdout: """
            OVERVIEW: Print the value and gradient of every named node of a graph.

            The gradient is ∂output/∂node, where the output is the node named by 'output
            NAME' or else the last assignment. A lesson is evaluated at its own values: its
            first part, or the one --part names; with --variant N, at the numbers of
            variant N (a class's answer key: one variant per student).

            Examples: backprop eval examples/chain-rule.graph --set x=3 --json
                      backprop eval xor --part 2
                      backprop eval chain-rule --variant 7 --json

            USAGE: backprop eval <file> [--set <NAME=VALUE> ...] [--json] [--part <part>] [--variant <N>]

            ARGUMENTS:
              <file>                  A graph file, a lesson file or a bundled lesson's
                                      name.

            OPTIONS:
              --set <NAME=VALUE>      Give a leaf a value before evaluating.
              --json                  Print JSON instead of a table.
              --part <part>           For a lesson with several parts: the part to evaluate
                                      (from 1). (default: 1)
              --variant <N>           Numbers of your own: the lesson's leaves drawn anew,
                                      the same for the same N everywhere (1 to 1000000).
              --version               Show the version.
              -h, --help              Show help information.


            """, stderr: ""))
    }

    @Test func checkHelpHasAnExample() throws {
        let result = try runBackprop(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples: backprop check examples/*.graph lessons/*.yaml\n"))
    }

    /// The graph text `expr` builds has no spelling for inf or nan, so such a value is refused up front.
    @Test func exprRefusesANonFiniteValue() throws {
        #expect(try runBackprop(["expr", "x*2", "x=1e400"]) == ProcessResult(
            status: 1, stdout: "", stderr: "error: expected NAME=VALUE with a finite number, e.g. x=-2; got 'x=1e400'\n"))
    }

    @Test func version() throws {
        #expect(try runBackprop(["--version"]) == ProcessResult(status: 0, stdout: "0.1.0\n", stderr: ""))
    }
}
