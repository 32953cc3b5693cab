import Testing
@testable import Lessons

/// Every error kind of the graph language: the marker (`1️⃣`, `2️⃣` …) in the source is
/// where the diagnostic must point, and the message is asserted in full.
@Suite struct GraphDiagnosticTests {
    /// Parses `marked` and expects exactly `messages`, the i-th at marker i.
    func expectErrors(
        _ marked: String, _ messages: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let source = MarkedSource(marked)
        #expect(source.markers.count == messages.count, "one marker per message", sourceLocation: sourceLocation)
        let (program, diagnostics) = GraphParser.parse(source.text, file: "bad.graph")
        #expect(program == nil, sourceLocation: sourceLocation)
        let expected = zip(source.markers, messages).map { location, message in
            "bad.graph:\(location.line):\(location.column): error: \(message)"
        }
        #expect(diagnostics.map(\.description) == expected, sourceLocation: sourceLocation)
    }

    @Test func emptyGraph() {
        expectErrors("1️⃣# only a comment\n\n", ["the graph is empty; write at least one assignment such as 'x = 2'"])
        expectErrors("1️⃣", ["the graph is empty; write at least one assignment such as 'x = 2'"])
    }

    @Test func redefinition() {
        expectErrors("x = 1\ny = x + 1\n1️⃣x = 2", ["'x' is already defined at line 1"])
        expectErrors("x = 1\nparam 1️⃣x = 2", ["'x' is already defined at line 1"])
    }

    @Test func unknownName() {
        expectErrors("x = 1\ny = x + 1️⃣z", ["unknown name 'z'"])
        // Defined below its use: the message says where.
        expectErrors("y = 1️⃣x * 2\nx = 1", ["'x' is used before it is defined, at line 2; define a name before using it"])
        expectErrors("x = 1\noutput 1️⃣f", ["unknown name 'f'"])
    }

    @Test func unknownFunction() {
        expectErrors("x = 1\ny = 1️⃣cos(x)", [
            "unknown function 'cos' (the functions are exp, log, tanh, sigmoid, relu, step, sign, abs, sqrt, max, min, sum)",
        ])
    }

    @Test func wrongArity() {
        expectErrors("x = 1\ny = 1️⃣exp(x, x)\nz = 2️⃣max()\nw = 3️⃣tanh()", [
            "'exp' takes 1 argument, got 2", "'max' takes at least 1 argument", "'tanh' takes 1 argument, got 0",
        ])
    }

    @Test func functionUsedAsName() {
        expectErrors("x = 1\ny = 1️⃣exp + x\n2️⃣log = 3", [
            "'exp' is a function; call it as exp(...)", "'log' is a function name; choose another name",
        ])
    }

    @Test func unexpectedCharacters() {
        expectErrors("x = 2 1️⃣$ 3\nξ = 2️⃣²", ["unexpected character '$'", "unexpected character '²'"])
    }

    @Test func malformedNumbers() {
        expectErrors("x = 1️⃣2x\ny = 2️⃣1e\nz = 3️⃣1.2.3\nw = 4️⃣1e999", [
            "malformed number '2x'", "malformed number '1e'", "malformed number '1.2.3'",
            "the number '1e999' is too large for a Double",
        ])
    }

    @Test func missingOrStrayOperands() {
        expectErrors("x = 1\ny = x +1️⃣\nz = 2️⃣* x\nw = x 3️⃣x\nv = 4️⃣", [
            "expected an expression, found end of line", "expected an expression, found '*'",
            "expected an operator, found 'x'", "expected an expression after '='",
        ])
    }

    @Test func parentheses() {
        expectErrors("x = 1\ny = 1️⃣(x + 1\nz = x + 1 2️⃣)\nw = max3️⃣(x, 2\nv = (x4️⃣, 2)", [
            "'(' is not closed", "unmatched ')'", "'(' is not closed", "',' outside a function call",
        ])
    }

    @Test func statementShape() {
        expectErrors("1️⃣3 = x\nx 2️⃣+ 1\ny3️⃣", [
            "expected a name at the start of a statement, found '3'",
            "expected '=' after 'x', found '+'",
            "expected '=' after 'y', found end of line",
        ])
    }

    @Test func aliasIsAnError() {
        expectErrors("x = 1\ny = 1️⃣x\nz = 2️⃣(x)", [
            "'y' would only be another name for 'x'; use 'x' directly",
            "'z' would only be another name for 'x'; use 'x' directly",
        ])
    }

    @Test func paramAndConstTakeNumbers() {
        expectErrors("x = 1\nparam w = 1️⃣x * 2\nconst c = 2️⃣exp(1)", [
            "a param takes a number, e.g. 'param w = 0.5'", "a const takes a number, e.g. 'const c = 0.5'",
        ])
    }

    @Test func outputStatements() {
        expectErrors("x = 1\noutput1️⃣\noutput x 2️⃣x\noutput x\n3️⃣output x", [
            "expected a name after 'output'", "unexpected 'x' after 'output x'", "the output is already chosen at line 4",
        ])
    }

    @Test func columnsCountCharacters() {
        expectErrors("ξ1 = 1\nη = ξ1 + 1️⃣ζ", ["unknown name 'ζ'"])
        // é written as e + a combining accent is one Character, one column.
        expectErrors("ne\u{301} = 1\ny = ne\u{301} 1️⃣$", ["unexpected character '$'"])
    }

    /// One mistake, one message: uses of a name whose definition failed are not reported.
    @Test func errorsDoNotCascade() {
        expectErrors("x = 1 1️⃣$\ny = x * 2\nz = 2️⃣w + y\noutput y", ["unexpected character '$'", "unknown name 'w'"])
    }
}
