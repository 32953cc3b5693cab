import Testing
@testable import Autograd

/// The multi-class perceptron rule of the slides on a two-class data set, checked against a
/// hand calculation after every sample.
@Suite struct PerceptronTests {
    /// Classes A and B, features x1 and x2, biases; all weights start at 0, η = 0.5.
    /// A tie goes to the first class (A), as argmax is read here.
    ///
    /// Hand calculation, weights as [w_A1, w_A2, b_A, w_B1, w_B2, b_B]:
    ///   epoch 1  (1, 2) A:  s = (0, 0)    → f = A = y, no change    [0, 0, 0, 0, 0, 0]
    ///            (2,−1) B:  s = (0, 0)    → f = A ≠ B: w_B += ηx, w_A −= ηx
    ///                                                               [−1, .5, −.5, 1, −.5, .5]
    ///            (−1,1) A:  s = (1, −1)   → f = A = y               (same)
    ///            (0, 1) B:  s = (0, 0)    → f = A ≠ B               [−1, 0, −1, 1, 0, 1]
    ///   epoch 2  (1, 2) A:  s = (−2, 2)   → f = B ≠ A               [−.5, 1, −.5, .5, −1, .5]
    ///            (2,−1) B:  s = (−2.5, 2.5) → f = B = y             (same)
    ///            (−1,1) A:  s = (1, −1)   → f = A = y               (same)
    ///            (0, 1) B:  s = (.5, −.5) → f = A ≠ B               [−.5, .5, −1, .5, −.5, 1]
    static let rows: [[Double]] = [[1, 2, 1, 0], [2, -1, 0, 1], [-1, 1, 1, 0], [0, 1, 0, 1]]
    static let expected: [[Double]] = [
        [0, 0, 0, 0, 0, 0],
        [-1, 0.5, -0.5, 1, -0.5, 0.5],
        [-1, 0.5, -0.5, 1, -0.5, 0.5],
        [-1, 0, -1, 1, 0, 1],
        [-0.5, 1, -0.5, 0.5, -1, 0.5],
        [-0.5, 1, -0.5, 0.5, -1, 0.5],
        [-0.5, 1, -0.5, 0.5, -1, 0.5],
        [-0.5, 0.5, -1, 0.5, -0.5, 1],
    ]

    static func setUp() throws -> (Graph, PerceptronLayout, Dataset, TrainingSettings) {
        let (g, layout) = try Perceptron.build(features: ["x1", "x2"], classes: ["A", "B"],
                                               weights: [[0, 0], [0, 0]], biases: [0, 0])
        let data = try Dataset(inputs: layout.features, targets: layout.targets, rows: rows, for: g)
        let settings = TrainingSettings(learningRate: 0.5, epochs: 2, rule: .perceptron(layout))
        return (g, layout, data, settings)
    }

    static func weights(_ g: Graph, _ layout: PerceptronLayout) -> [Double] {
        (0..<2).flatMap { c in (layout.weights[c] + [layout.biases?[c]].compactMap { $0 }).map { g.value(of: $0) } }
    }

    @Test func matchesTheHandCalculationAfterEveryUpdate() throws {
        let (g, layout, data, settings) = try Self.setUp()
        var s = try Stepper(graph: g, dataset: data, training: settings)
        let lastParam = try #require(s.plan.params.last)
        #expect(s.plan.params.map { g.name(of: $0) } == ["w_A_x1", "w_A_x2", "b_A", "w_B_x1", "w_B_x2", "b_B"])
        for epoch in 1...2 {
            for row in 0..<4 {
                let at = try #require(s.plan.index(of: .update(lastParam), epoch: epoch, row: row))
                s.go(to: at + 1)
                #expect(Self.weights(s.graph, layout) == Self.expected[(epoch - 1) * 4 + row],
                        "after epoch \(epoch) row \(row)")
            }
        }
        // The fast path gives the same weights.
        var fast = g
        try fast.train(on: data, settings: settings)
        #expect(Self.weights(fast, layout) == Self.expected[7])
    }

    /// The update records present the slides' rule: w_y += ηx, w_f(x) −= ηx, and in one-hot
    /// form w_c ← w_c − η ε_c x.
    @Test func updateRecordsReadAsThePerceptronRule() throws {
        let (g, layout, data, settings) = try Self.setUp()
        var s = try Stepper(graph: g, dataset: data, training: settings)
        // Row 1 of epoch 1: x = (2, −1), y = B, predicted A.
        let wB1 = layout.weights[1][0], wA2 = layout.weights[0][1], bB = try #require(layout.biases?[1])
        s.go(to: try #require(s.plan.index(of: .update(wB1), row: 1)))
        guard case .update(let toward) = s.step(), let rule = toward.perceptron else {
            Issue.record("a perceptron update expected"); return
        }
        #expect(rule.predictedName == "A" && rule.targetName == "B" && rule.className == "B")
        #expect(rule.epsilon == -1 && rule.change == .towardTarget)
        #expect(rule.feature.flatMap(g.name(of:)) == "x1" && rule.featureValue == 2)
        #expect(toward.before == 0 && toward.after == 1 && toward.learningRate == 0.5)
        #expect(toward.after == toward.before - toward.learningRate * rule.epsilon * rule.featureValue)

        s.go(to: try #require(s.plan.index(of: .update(wA2), row: 1)))
        guard case .update(let away) = s.step(), let awayRule = away.perceptron else {
            Issue.record("a perceptron update expected"); return
        }
        #expect(awayRule.epsilon == 1 && awayRule.change == .awayFromPrediction && awayRule.className == "A")
        #expect(awayRule.featureValue == -1 && away.after == 0.5)

        s.go(to: try #require(s.plan.index(of: .update(bB), row: 1)))
        guard case .update(let bias) = s.step() else { Issue.record("update expected"); return }
        #expect(bias.perceptron?.feature == nil && bias.perceptron != nil && bias.after == 0.5)

        // A correctly classified sample changes nothing.
        s.go(to: try #require(s.plan.index(of: .update(wB1), row: 0)))
        guard case .update(let same) = s.step() else { Issue.record("update expected"); return }
        #expect(same.perceptron?.change == .unchanged && same.perceptron?.epsilon == 0 && same.after == same.before)
    }

    /// The backward pass delivers ε_c = f_c(x) − y_c at each score: the loss
    /// max_c(s_c) − s_y is what makes SGD the perceptron rule.
    @Test func scoreGradientsAreTheOneHotError() throws {
        let (g, layout, data, settings) = try Self.setUp()
        var s = try Stepper(graph: g, dataset: data, training: settings)
        s.go(to: try #require(s.plan.start(of: .update, row: 1)))
        #expect(layout.scores.map { s.graph.grad(of: $0) } == [1, -1])
        #expect(layout.predictedClass(in: s.graph) == 0 && layout.targetClass(in: s.graph) == 1)
    }

    @Test func badLayoutsAreReported() {
        #expect(throws: TrainingError.perceptronLayout("needs at least two classes")) {
            try Perceptron.build(features: ["x"], classes: ["A"], weights: [[0]])
        }
        #expect(throws: TrainingError.perceptronLayout("one row of 1 weights (and one bias) per class")) {
            try Perceptron.build(features: ["x"], classes: ["A", "B"], weights: [[0]])
        }
    }
}
