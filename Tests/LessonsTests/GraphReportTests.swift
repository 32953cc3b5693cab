import Autograd
import Testing
@testable import Lessons

@Suite struct GraphReportTests {
    @Test func jsonOfTheChainRuleExample() throws {
        let p = try evaluated("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\noutput f")
        #expect(GraphReport.json(p.graph) == """
            {"output": "f", "nodes": [{"name": "x", "kind": "input", "value": -2, "grad": -4}, \
            {"name": "y", "kind": "input", "value": 5, "grad": -4}, {"name": "z", "kind": "input", "value": -4, "grad": 3}, \
            {"name": "q", "kind": "op", "value": 3, "grad": -4}, {"name": "f", "kind": "op", "value": -12, "grad": 1}]}

            """)
    }

    @Test func jsonNumbersAreExactAndNonFiniteAreStrings() throws {
        let p = try evaluated("const c = 0.1\nx = 0\ny = log(x) * c\nz = y * 0")
        #expect(GraphReport.json(p.graph) == """
            {"output": "z", "nodes": [{"name": "c", "kind": "const", "value": 0.1, "grad": "nan"}, \
            {"name": "x", "kind": "input", "value": 0, "grad": "nan"}, {"name": "y", "kind": "op", "value": "-inf", "grad": 0}, \
            {"name": "z", "kind": "op", "value": "nan", "grad": 1}]}

            """)
    }

    @Test func tableIsAligned() throws {
        let p = try evaluated("param w0 = 2\nξ1 = -1\nh = sigmoid(w0 * ξ1)")
        #expect(GraphReport.table(p.graph) == """
            name  kind    value    grad
            w0    param       2  -0.105
            ξ1    input      -1    0.21
            h     op     0.1192       1
            output: h

            """)
    }

    @Test func checkWarnsWhereValuesStopBeingFinite() throws {
        let p = try evaluated("x = 0\ny = log(x)\nz = sqrt(x)\nf = y + z * 2")
        #expect(GraphChecks.warnings(p).map(\.description) == [
            "test.graph:2:1: warning: 'y' is -inf (its inputs are 0)",
            "test.graph:3:1: warning: the gradient through 'z' into 'x' is inf (local derivative inf)",
        ])
        let clean = try evaluated("x = 1\ny = log(x)")
        #expect(GraphChecks.warnings(clean) == [])
        // A squared error at a negative base: only the literal exponent's gradient is NaN.
        let squared = try evaluated("x = 1\nd = x - 3\nL = d^2")
        #expect(GraphChecks.warnings(squared) == [])
        let namedExponent = try evaluated("x = 1\nd = x - 3\nconst k = 2\nL = d^k")
        #expect(GraphChecks.warnings(namedExponent).map(\.description) == [
            "test.graph:4:1: warning: the gradient through 'L' into 'k' is nan (local derivative nan)",
        ])
    }
}
