import Autograd
import Foundation
import Testing
@testable import Lessons

/// Parses `text`, failing the test on any diagnostic, and runs forward and backward.
func evaluated(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> GraphProgram {
    let (program, diagnostics) = GraphParser.parse(text, file: "test.graph")
    #expect(diagnostics == [], sourceLocation: sourceLocation)
    var result = try #require(program, sourceLocation: sourceLocation)
    result.graph.run()
    return result
}

extension GraphProgram {
    func value(_ name: String) -> Double? { graph.id(named: name).map { graph.value(of: $0) } }
    func grad(_ name: String) -> Double? { graph.id(named: name).map { graph.grad(of: $0) } }
}

@Suite struct SlideExampleTests {
    /// CS231n: f = (x + y) · z at x = −2, y = 5, z = −4.
    @Test func chainRule() throws {
        let p = try evaluated("""
            x = -2
            y = 5
            z = -4
            q = x + y
            f = q * z
            """)
        #expect(p.value("q") == 3)
        #expect(p.value("f") == -12)
        #expect(p.grad("x") == -4)
        #expect(p.grad("y") == -4)
        #expect(p.grad("z") == 3)
        #expect(p.grad("q") == -4)
        #expect(p.graph.output == p.graph.id(named: "f"))
    }

    /// CS231n: the sigmoid neuron w0 = 2, x0 = −1, w1 = −3, x1 = −2, w2 = −3.
    @Test func sigmoidNeuron() throws {
        let p = try evaluated("""
            param w0 = 2
            x0 = -1
            param w1 = -3
            x1 = -2
            param w2 = -3
            f = sigmoid(w0*x0 + w1*x1 + w2)
            """)
        let rounded = { (v: Double?) in v.map { ($0 * 10_000).rounded() / 10_000 } }
        #expect(rounded(p.value("f")) == 0.7311)
        #expect(rounded(p.grad("w0")) == -0.1966)
        #expect(rounded(p.grad("x0")) == 0.3932)
        #expect(rounded(p.grad("w1")) == -0.3932)
        #expect(rounded(p.grad("x1")) == -0.5898)
        #expect(rounded(p.grad("w2")) == 0.1966)
        // σ(1)(1 − σ(1)) exactly, times the inputs.
        let s = 1 / (1 + Foundation.exp(-1.0))
        #expect(p.grad("w2") == s * (1 - s))
        #expect(p.graph.kind(of: try #require(p.graph.id(named: "w0"))) == .param)
    }

    /// f = (a·b)(a + b) at a = −2, b = 3: a fans out, its gradient is the sum of both paths.
    @Test func fanOut() throws {
        let p = try evaluated("""
            a = -2
            b = 3
            f = (a * b) * (a + b)
            """)
        #expect(p.value("f") == -6)
        #expect(p.grad("a") == -3)
        #expect(p.grad("b") == -8)
    }
}

@Suite struct GraphLanguageTests {
    @Test func unaryMinusIsLooserThanPower() throws {
        let p = try evaluated("x = 3\ny = -x^2\nz = -x**2")
        #expect(p.value("y") == -9)
        #expect(p.value("z") == -9)
        let y = try #require(p.graph.id(named: "y"))
        #expect(p.graph.op(of: y) == .neg)
    }

    @Test func powerIsRightAssociative() throws {
        let p = try evaluated("a = 2^3^2\nb = 2**3**2\nc = (2^3)^2")
        #expect(p.value("a") == 512)
        #expect(p.value("b") == 512)
        #expect(p.value("c") == 64)
    }

    @Test func precedenceAndAssociativity() throws {
        let p = try evaluated("x = 2\na = 1 + x * 3\nb = 10 - 4 - 3\nc = 12 / 3 / 2\nd = -x * 3\ne = 2 ^ -1\nf = x - -2")
        #expect(p.value("a") == 7)
        #expect(p.value("b") == 3)
        #expect(p.value("c") == 2)
        #expect(p.value("d") == -6)
        #expect(p.value("e") == 0.5)
        #expect(p.value("f") == 4)
    }

    @Test func leavesAndKinds() throws {
        let p = try evaluated("""
            x = -2.5        # an input
            param w = 1e-3
            const c = +0.5
            y = (7)
            k = 2 * 3       # computed, though it uses no names
            """)
        let g = p.graph
        let kinds = ["x", "w", "c", "y", "k"].map { g.id(named: $0).map { g.kind(of: $0) } }
        #expect(kinds == [.input, .param, .const, .input, .op])
        #expect(p.value("x") == -2.5)
        #expect(p.value("w") == 0.001)
        #expect(p.value("c") == 0.5)
        #expect(p.value("k") == 6)
        // The literals 2 and 3 became anonymous const nodes.
        #expect(g.count == 7)
        #expect(g.names.filter { $0 == nil }.count == 2)
    }

    @Test func negativeLiteralIsOneConst() throws {
        let p = try evaluated("x = 1\ny = x * -2")
        let g = p.graph
        #expect(g.count == 3)
        #expect(g.value(of: NodeID(1)) == -2)
        #expect(g.kind(of: NodeID(1)) == .const)
    }

    @Test func everyFunction() throws {
        let p = try evaluated("""
            x = 0.25
            a = exp(x) + log(x) + tanh(x) + sigmoid(x)
            b = relu(-x) + step(x) + sign(-x) + abs(-x) + sqrt(x)
            c = max(x, 3, -1)
            d = min(x, 3, -1)
            e = max(x)
            """)
        let x = 0.25
        let sum: Double = Foundation.exp(x) + Foundation.log(x) + Foundation.tanh(x)
        let a: Double = sum + 1 / (1 + Foundation.exp(-x))
        #expect(p.value("a") == a)
        #expect(p.value("b") == 0.75)
        #expect(p.value("c") == 3)
        #expect(p.value("d") == -1)
        #expect(p.value("e") == 0.25)
        #expect(p.grad("x") == 1)
    }

    @Test func unicodeNamesAndComments() throws {
        let p = try evaluated("""
            # a neuron in the slides' letters
            ξ1 = 2   # excitation
            η = 0.5
            h_1 = ξ1 * η
            """)
        #expect(p.value("h_1") == 1)
        #expect(p.grad("ξ1") == 0.5)
        let h = try #require(p.graph.id(named: "h_1"))
        #expect(p.location(of: h) == Lessons.SourceLocation(line: 4, column: 1))
        #expect(p.graph.op(of: h) == .mul)
    }

    @Test func outputStatementChoosesTheOutput() throws {
        let p = try evaluated("x = 3\ny = x * x\nz = y + 1\noutput y")
        #expect(p.graph.output == p.graph.id(named: "y"))
        #expect(p.grad("x") == 6)
        #expect(p.grad("z") == 0)
    }

    @Test func locationsPointAtEachNode() throws {
        let p = try evaluated("a = 1\n  b = exp(a) * -2")
        // a, exp(a), the literal −2 (at its minus sign), the product named b.
        let expected: [Lessons.SourceLocation] = [
            .init(line: 1, column: 1), .init(line: 2, column: 7), .init(line: 2, column: 16), .init(line: 2, column: 3),
        ]
        #expect(p.locations == expected)
    }

    @Test func offsetsShiftEveryPosition() throws {
        let (program, diagnostics) = GraphParser.parse("x = 1\ny = x +", file: "lesson.yaml", lineOffset: 10, columnOffset: 4)
        #expect(program == nil)
        #expect(diagnostics.map(\.description) == ["lesson.yaml:12:12: error: expected an expression, found end of line"])
        let (good, _) = GraphParser.parse("x = 1", file: "lesson.yaml", lineOffset: 10, columnOffset: 4)
        #expect(good?.locations == [Lessons.SourceLocation(line: 11, column: 5)])
    }

    @Test func tenThousandNestedParentheses() throws {
        let depth = 10_000
        let text = "x = 2\ny = " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + " * 3"
        let p = try evaluated(text)
        #expect(p.value("y") == 6)
        let unary = "x = 2\ny = " + String(repeating: "-(", count: depth) + "x" + String(repeating: ")", count: depth)
        let q = try evaluated(unary)
        #expect(q.value("y") == 2)
        #expect(q.graph.count == depth + 1)
    }

    @Test func twoHundredThousandTermLine() throws {
        let terms = 200_000
        let text = "x = 1\ny = " + Array(repeating: "x", count: terms).joined(separator: " + ")
        let p = try evaluated(text)
        #expect(p.value("y") == Double(terms))
        #expect(p.grad("x") == Double(terms))
        #expect(p.graph.count == terms)
    }
}
