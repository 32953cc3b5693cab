import Testing
@testable import Autograd

/// The records read as the slides write them, numbers included.
@Suite struct StepTextTests {
    @Test func chainRuleLines() throws {
        let (g, _, _, _, _, _) = StepperTests.chainRule()
        var s = try Stepper(graph: g)
        var lines: [String] = []
        while let record = s.step() { lines += record.lines() }
        #expect(lines == [
            "q = x + y = -2 + 5 = 3",
            "f = q * z = 3 * (-4) = -12",
            "∂f/∂f = 1",
            "∂f/∂f = 1",
            "∂f/∂q += ∂f/∂f × ∂f/∂q = 1 × (-4) = -4, so ∂f/∂q: 0 → -4",
            "∂f/∂z += ∂f/∂f × ∂f/∂z = 1 × 3 = 3, so ∂f/∂z: 0 → 3",
            "∂f/∂q = -4 (via f)",
            "∂f/∂x += ∂f/∂q × ∂q/∂x = -4 × 1 = -4, so ∂f/∂x: 0 → -4",
            "∂f/∂y += ∂f/∂q × ∂q/∂y = -4 × 1 = -4, so ∂f/∂y: 0 → -4",
            "∂f/∂z = 3 (via f)",
            "∂f/∂y = -4 (via q)",
            "∂f/∂x = -4 (via q)",
        ])
        s.go(to: 4)
        #expect(s.lastRecord?.lines(ascii: true).last == "df/dz += df/df * df/dz = 1 * 3 = 3, so df/dz: 0 -> 3")
    }

    @Test func fanOutLedgerLine() throws {
        var g = Graph()
        let a = g.addLeaf(.input, name: "a", value: -2)
        let b = g.addLeaf(.input, name: "b", value: 3)
        let d = g.addOp(.mul, [a, b], name: "d")
        let e = g.addOp(.add, [a, b], name: "e")
        g.addOp(.mul, [d, e], name: "f")
        var s = try Stepper(graph: g)
        s.go(to: try #require(s.plan.index(of: .backward(a))) + 1)
        #expect(s.lastRecord?.lines() == ["∂f/∂a = 3 (via d) + (-6) (via e) = -3"])
    }

    @Test func functionsAndAnonymousGates() throws {
        var g = Graph()
        let w = g.addLeaf(.param, name: "w", value: 2)
        let x = g.addLeaf(.input, name: "x", value: -1)
        let m = g.addOp(.mul, [w, x])
        let c = g.addLeaf(.const, name: "c", value: 2)
        let h = g.addOp(.sigmoid, [g.addOp(.add, [m, c])], name: "h")
        g.addOp(.max, [h, x], name: "L")
        var s = try Stepper(graph: g, training: TrainingSettings(learningRate: 0.5))
        var lines: [String] = []
        while let record = s.step(), lines.count < 4 { lines += record.lines() }
        #expect(Array(lines.prefix(4)) == [
            "* = w * x = 2 * (-1) = -2",
            "+ = -2 + 2 = 0",
            "h = σ(0) = 0.5",
            "L = max(h, x) = max(0.5, -1) = 0.5",
        ])
        s.go(to: try #require(s.plan.index(of: .update(w))) + 1)
        #expect(s.lastRecord?.lines() == ["w ← w - η × ∂L/∂w = 2 - 0.5 × (-0.25) = 2.125"])
    }

    @Test func perceptronUpdateLines() throws {
        let (g, layout, data, settings) = try PerceptronTests.setUp()
        var s = try Stepper(graph: g, dataset: data, training: settings)
        s.go(to: try #require(s.plan.index(of: .update(layout.weights[1][0]), row: 1)) + 1)
        #expect(s.lastRecord?.lines() == [
            "f(x) = A ≠ y = B: w_B_x1 += η·x1 = 0 + 0.5 × 2 = 1",
            "w_B_x1 ← w_B_x1 - η ε_B x1 = 0 - 0.5 × (-1) × 2 = 1",
        ])
        s.go(to: try #require(s.plan.index(of: .update(layout.weights[0][1]), row: 1)) + 1)
        #expect(s.lastRecord?.lines().first == "f(x) = A ≠ y = B: w_A_x2 -= η·x2 = 0 - 0.5 × (-1) = 0.5")
        s.go(to: try #require(s.plan.index(of: .update(layout.weights[0][0]), row: 0)) + 1)
        #expect(s.lastRecord?.lines().first == "f(x) = A = y: w_A_x1 unchanged = 0")
        s.go(to: try #require(s.plan.index(of: .sample(3), row: 3)) + 1)
        #expect(s.lastRecord?.lines() == ["sample 4: x1 = 0, x2 = 1, y_A = 0, y_B = 1"])
        s.go(to: try #require(s.plan.index(of: .epoch(1))) + 1)
        guard case .epoch(let epoch) = s.lastRecord else { Issue.record("epoch expected"); return }
        #expect(s.lastRecord?.lines() == ["epoch 1: mean loss over 4 rows = \(NumberFormat.short(epoch.meanLoss))"])
    }

    @Test func batchLines() throws {
        let (start, data, _) = try TrainingTests.xorNetwork(seed: 3)
        var s = try Stepper(graph: start, dataset: data,
                            training: TrainingSettings(learningRate: 1.5, epochs: 1, batch: .meanOverBatch))
        let c = try #require(start.id(named: "c"))
        s.go(to: try #require(s.plan.index(of: .accumulate(row: 0))) + 1)
        guard case .accumulate(let acc) = s.lastRecord else { Issue.record("accumulate expected"); return }
        let entry = try #require(acc.entries.last)
        #expect(s.lastRecord?.lines().last
            == "Σ∂L/∂c = 0 + \(NumberFormat.short(entry.gradient).hasPrefix("-") ? "(\(NumberFormat.short(entry.gradient)))" : NumberFormat.short(entry.gradient)) = \(NumberFormat.short(entry.after))")
        s.go(to: try #require(s.plan.index(of: .update(c))) + 1)
        guard case .update(let u) = s.lastRecord, let sum = u.batchSum else { Issue.record("update expected"); return }
        #expect(s.lastRecord?.lines() == [
            "c ← c - η × mean ∂L/∂c = \(NumberFormat.short(u.before)) - 1.5 × (\(NumberFormat.short(sum)) / 4) = \(NumberFormat.short(u.after))",
        ])
    }
}
