import Testing
import Autograd
@testable import Bench

@Suite struct MoonsMLPTests {
    /// 100 points × (2 inputs + 80 + 528 + 32 gate nodes + 5 for the margin) + 337
    /// parameters + 103 for the mean + 677 for the L2 term + 1 for the total.
    @Test func nodeAndParameterCounts() {
        let mlp = MoonsMLP(weights: MoonsMLP.seededWeights())
        #expect(mlp.parameters.count == 337)
        #expect(mlp.graph.kinds.filter { $0 == .param }.count == 337)
        #expect(mlp.graph.count == 65_818)
        #expect(mlp.tape.order.count == 65_818)
        #expect(mlp.graph.output == mlp.loss)
    }

    /// Points as Python's `math` computes them from the same formulas (values from
    /// bench/micrograd_mlp.py's `moons()`).
    @Test func twoMoonsFollowTheFormulas() {
        let points = TwoMoons.points
        #expect(points.count == 100)
        #expect(points.filter { $0.label == 1 }.count == 50)
        #expect(points[0] == TwoMoons.Point(x: 1.020544469162678, y: 0.01510125945200474, label: 1))
        #expect(points[75] == TwoMoons.Point(x: 1.066667849565071, y: -0.4509660759089748, label: -1))
    }

    /// The same forward values as micrograd from its initial weights: the first loss
    /// is bit for bit micrograd's.
    @Test func firstLossIsMicrograds() throws {
        let fixture = try MicrogradFixture.load()
        var mlp = MoonsMLP(weights: fixture.weights)
        #expect(mlp.currentLoss() == fixture.losses[0])
    }

    /// Ten epochs of SGD from micrograd's initial weights end at micrograd's loss. Only the
    /// order in which fan-out gradients are summed differs (micrograd orders its tape by a
    /// Python set), so agreement is to rounding, not bit for bit.
    @Test func tenEpochsMatchMicrograd() throws {
        let fixture = try MicrogradFixture.load()
        #expect(fixture.weights.count == 337 && fixture.losses.count == 11)
        var mlp = MoonsMLP(weights: fixture.weights)
        for k in 0..<10 {
            let loss = mlp.epoch(k)
            #expect(Graph.relativeError(loss, fixture.losses[k]) < 1e-12, "epoch \(k)")
        }
        let final = mlp.currentLoss()
        #expect(Graph.relativeError(final, fixture.losses[10]) < 1e-12)
    }

    /// The gradient the backward pass gives a parameter agrees with finite differences.
    @Test func gradientsAgreeWithFiniteDifferences() {
        var mlp = MoonsMLP(weights: MoonsMLP.seededWeights())
        mlp.epoch(0)
        var graph = mlp.graph
        graph.run()
        for parameter in [mlp.parameters[0], mlp.parameters[50], mlp.parameters[336]] {
            let numeric = graph.numericalGradient(of: parameter)
            #expect(Swift.abs(graph.grad(of: parameter) - numeric) < 1e-6)
        }
    }
}
