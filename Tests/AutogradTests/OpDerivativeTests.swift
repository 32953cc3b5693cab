import Testing
@testable import Autograd

/// Every op's local derivative against central finite differences of its own forward
/// rule, at several points away from kinks (relu, step, sign, abs at 0; max/min at ties).
@Suite struct OpDerivativeTests {
    static let h = 1e-6

    /// Points (a, b) for each op; b is ignored by unary ops.
    static let points: [Op: [(Double, Double)]] = [
        .add: [(-2, 5), (0.3, -0.7), (10, 3)],
        .sub: [(-2, 5), (0.3, -0.7), (10, 3)],
        .mul: [(-2, 5), (0.3, -0.7), (10, 3)],
        .div: [(-2, 5), (0.3, -0.7), (10, 3)],
        .pow: [(2, 3), (0.5, -1.5), (1.7, 0.3), (3, -0.5)],
        .neg: [(-2, 0), (0.3, 0), (7, 0)],
        .exp: [(-2, 0), (0.3, 0), (3, 0)],
        .log: [(0.2, 0), (1, 0), (7, 0)],
        .tanh: [(-2, 0), (0.3, 0), (1.5, 0)],
        .sigmoid: [(-2, 0), (0.3, 0), (4, 0)],
        .relu: [(-2, 0), (0.3, 0), (4, 0)],
        .step: [(-2, 0), (0.3, 0), (4, 0)],
        .sign: [(-2, 0), (0.3, 0), (4, 0)],
        .abs: [(-2, 0), (0.3, 0), (4, 0)],
        .sqrt: [(0.2, 0), (1, 0), (9, 0)],
        .max: [(-2, 5), (3, 1), (0.5, -0.5)],
        .min: [(-2, 5), (3, 1), (0.5, -0.5)],
        .sum: [(-2, 5), (3, 1), (0.5, -0.5)],
    ]

    @Test(arguments: Op.allCases)
    func localDerivativeMatchesFiniteDifferences(op: Op) throws {
        let points = try #require(Self.points[op], "every op has test points")
        for (a, b) in points {
            let (da, db) = op.localGradients(a, b, output: op.apply(a, b))
            let numericA = (op.apply(a + Self.h, b) - op.apply(a - Self.h, b)) / (2 * Self.h)
            #expect(Graph.relativeError(da, numericA) < 1e-6, "\(op) ∂/∂a at (\(a), \(b)): \(da) vs \(numericA)")
            if op.arity != .unary {
                let numericB = (op.apply(a, b + Self.h) - op.apply(a, b - Self.h)) / (2 * Self.h)
                #expect(Graph.relativeError(db, numericB) < 1e-6, "\(op) ∂/∂b at (\(a), \(b)): \(db) vs \(numericB)")
            }
        }
    }

    /// The same through a graph: `localGradient(of:inputAt:)` for n-ary max/min/sum with three
    /// inputs, and every binary op with both inputs.
    @Test func graphLocalGradientsMatchFiniteDifferences() {
        for op in Op.allCases {
            var g = Graph()
            let inputs = [g.addLeaf(.input, value: 0.7), g.addLeaf(.input, value: -1.3), g.addLeaf(.input, value: 2.1)]
            let used: [NodeID] = switch op.arity {
            case .unary: [inputs[0]]
            case .binary: [inputs[0], inputs[2]]
            case .variadic: inputs
            }
            let node = g.addOp(op, used, name: "f")
            for position in used.indices {
                let local = g.localGradient(of: node, inputAt: position)
                let numeric = g.numericalGradient(of: used[position])
                #expect(Graph.relativeError(local, numeric) < 1e-6, "\(op) input \(position): \(local) vs \(numeric)")
            }
        }
    }

    /// The documented choices at kinks, which finite differences cannot decide.
    @Test func kinks() {
        #expect(Op.relu.localGradients(0, 0, output: 0).0 == 0)
        // A negative base has a derivative in the base (3·(−2)² = 12) but none in the
        // exponent: ln(−2) is nan.
        #expect(Op.pow.localGradients(-2, 3, output: -8).0 == 12)
        #expect(Op.pow.localGradients(-2, 3, output: -8).1.isNaN)
        #expect(Op.abs.localGradients(0, 0, output: 0).0 == 0)
        #expect(Op.step.localGradients(0, 0, output: 0).0 == 0)
        // The unit step as seed 001 defines the perceptron's σ: 1 if x > 0, 0 otherwise.
        #expect(Op.step.apply(0) == 0 && Op.step.apply(1e-12) == 1 && Op.step.apply(-1e-12) == 0)
        #expect(Op.sign.localGradients(0, 0, output: 0).0 == 0)
        // max routes to the first of equal inputs.
        #expect(Op.max.winningPosition(of: [1.0, 3, 3]) == 1)
        #expect(Op.min.winningPosition(of: [2.0, -1, -1]) == 1)
    }
}
