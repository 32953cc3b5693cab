import Autograd
import Testing
@testable import Lessons

/// What the tutor gets from a lesson at each cursor position of the step machine.
@Suite struct NarrationTests {
    /// The narration and quiz texts at every cursor position of part `index`.
    func walk(_ name: String, part index: Int = 0) throws -> [(step: String, texts: [String], quiz: [String])] {
        let part = try loadLesson(name).parts[index]
        var stepper = try part.makeStepper()
        var result: [(String, [String], [String])] = []
        repeat {
            let label = stepper.lastStep.map { part.stepRef($0)?.description ?? "\($0)" } ?? "start"
            result.append((label, part.narration(for: stepper).map(\.text), part.quiz(for: stepper).map(\.prompt)))
        } while stepper.step() != nil
        return result
    }

    @Test func chainRuleNarrationFollowsTheSteps() throws {
        let walk = try walk("chain-rule")
        #expect(walk.map(\.step) == ["start", "forward q", "forward f", "seed", "backward f", "backward q", "backward z", "backward y", "backward x"])
        #expect(walk[0].texts.first?.hasPrefix("We compute f(x, y, z) = (x + y)·z") == true)
        #expect(walk[1].texts == ["The add gate. q = x + y = −2 + 5 = 3."])
        // After forward f: its text, then the page between the phases.
        #expect(walk[2].texts.count == 2)
        #expect(walk[2].texts[1].hasPrefix("Now the backward pass"))
        // The quiz before backward f is asked once the seed is set.
        #expect(walk[3].quiz == ["f = q·z. What is ∂f/∂z?"])
        #expect(walk[8].texts.last?.hasPrefix("∂f/∂x = −4, ∂f/∂y = −4, ∂f/∂z = 3.") == true)
    }

    @Test func anchorsBetweenTwoSteps() throws {
        let part = try loadLesson("chain-rule").parts[0]
        let q = try #require(part.graph.id(named: "q"))
        let f = try #require(part.graph.id(named: "f"))
        #expect(part.anchors(previous: nil, next: .forward(q)) == [.start, .beforePhase(.forward), .before(.forward("q"))])
        #expect(part.anchors(previous: .forward(f), next: .seed(f)) == [
            .at(.forward("f")), .afterPhase(.forward), .beforePhase(.backward), .before(.seed),
        ])
        #expect(part.anchors(previous: .backward(q), next: nil) == [.at(.backward("q")), .afterPhase(.backward), .end])
    }

    @Test func trainingNarrationIsTiedToSamplesUpdatesAndEpochs() throws {
        let part = try loadLesson("perceptron").parts[5]
        var stepper = try part.makeStepper()
        var seen: [String] = []
        while stepper.step() != nil {
            for entry in part.narration(for: stepper) where !entry.isPage {
                seen.append("\(entry.anchor)")
            }
        }
        #expect(seen.filter { $0 == "at sample 2" }.count == 3)   // once per epoch
        #expect(seen.contains("at epoch 1") && seen.contains("at epoch 3"))
        #expect(stepper.plan.epochs == 3)
    }

    @Test func quizAnswers() throws {
        let quiz = try loadLesson("chain-rule").parts[0].quiz
        #expect(quiz[1].accepts("-4") && quiz[1].accepts(" −4 ") && !quiz[1].accepts("4") && !quiz[1].accepts("four"))
        let choice = try loadLesson("perceptron").parts[3].quiz[0]
        #expect(choice.choices == ["yes", "no"])
        #expect(choice.accepts("No") && choice.accepts("2") && !choice.accepts("yes") && !choice.accepts("1"))
        let numeric = try loadLesson("softmax").parts[0].quiz[0]
        #expect(numeric.answer == .number(-2.04, tolerance: 0.01))
        #expect(numeric.accepts("-2.05") && !numeric.accepts("-2.1") && !numeric.accepts("2.04"))
    }

    @Test func trainingSettingsForTheStepMachine() throws {
        let xor = try loadLesson("xor").parts[1]
        let settings = try #require(try xor.trainingSettings())
        #expect(settings.learningRate == 0.5 && settings.epochs == 2000 && settings.batch == .perSample && settings.rule == .sgd)
        #expect(xor.training?.seed == 1)
        // The seed sets every param; the graph's own values are placeholders.
        #expect(xor.startGraph.value("w11") != 0)
        let perceptron = try loadLesson("perceptron").parts[5]
        let layout = try perceptron.perceptronLayout()
        #expect(layout.classNames == ["off", "on"])
        #expect(layout.weights.map { $0.compactMap { perceptron.graph.name(of: $0) } } == [["w_off_x1", "w_off_x2"], ["w_on_x1", "w_on_x2"]])
        #expect(layout.biases?.compactMap { perceptron.graph.name(of: $0) } == ["b_off", "b_on"])
    }
}

/// The expectation grammar and its default tolerances.
@Suite struct ExpectationParserTests {
    func parse(_ condition: String, context: String? = nil) throws -> ExpectationParser.Parsed {
        try ExpectationParser.parse(context: context, condition: condition).get()
    }

    @Test func toleranceIsHalfAUnitInTheLastWrittenDigit() throws {
        #expect(try parse("f = 0.73").tolerance == 0.005)
        #expect(try parse("p = 24.5").tolerance == 0.05)
        #expect(Swift.abs(try parse("f = -12").tolerance - 12e-9) < 1e-20)
        #expect(try parse("f = 0.73 ± 0.1").tolerance == 0.1)
        #expect(try parse("f = 0.73 +- 0.2").tolerance == 0.2)
        #expect(Swift.abs(try parse("f = 1.5e-3").tolerance - 0.00005) < 1e-15)
    }

    @Test func quantitiesRelationsAndContexts() throws {
        let grad = try parse("x.grad = −4")
        #expect(grad.quantity == .grad("x") && grad.expected == -4 && grad.relation == .equal && grad.context == .initial)
        let trained = try parse("loss < 0.05", context: "after 2000 epochs")
        #expect(trained.context == .afterEpochs(2000) && trained.relation == .less)
        #expect(try parse("after 1 epoch: L >= 0").relation == .greaterOrEqual)
        let row = try parse("f = 1", context: "with x1 = 0, x2 = 1")
        #expect(row.context == .with([.init(name: "x1", value: 0), .init(name: "x2", value: 1)]))
        #expect(try parse("ξ3 ≤ 1").quantity == .value("ξ3"))
    }

    @Test func unreadableExpectationsSayWhy() {
        #expect(ExpectationParser.parse(context: nil, condition: "f = twelve") == .failure(ExpectationError("cannot read 'twelve' as a number")))
        #expect(ExpectationParser.parse(context: "later", condition: "f = 1") == .failure(ExpectationError(
            "cannot read 'later' as a context; write 'after N epochs' or 'with x1 = 0, x2 = 1'")))
        #expect(ExpectationParser.parse(context: nil, condition: "2x = 1") == .failure(ExpectationError(
            "'2x' is not a node name, NAME.grad or NAME.value")))
    }
}

/// The sugar's lowering, line for line.
@Suite struct GraphSugarTests {
    @Test func neuronAndSoftmaxLower() {
        var problems: [String] = []
        let lowered = GraphSugar.lower("""
            x1 = 1
            neuron h1 = step(0.5 - x1)
            neuron ξ3, f = sigmoid(h1)
            a, b = softmax(h1, f)   # two classes
            """) { problems.append("\($0):\($1): \($2)") }
        #expect(problems == [])
        #expect(lowered.text == """
            x1 = 1
            ξ1 = sum(0.5, -x1)
            h1 = step(ξ1)
            ξ3 = h1
            f = sigmoid(ξ3)
            exp_h1 = exp(h1)
            exp_f = exp(f)
            Z = sum(exp_h1, exp_f)
            a = exp_h1 / Z
            b = exp_f / Z
            """)
        #expect(lowered.origins.map(\.line) == [1, 2, 2, 3, 3, 4, 4, 4, 4, 4])
        #expect(GraphSugar.excitationName(for: "h") == "ξ")
        #expect(GraphSugar.excitationName(for: "out") == "ξ_out")
    }

    @Test func aTakenSumNameIsNotReused() {
        let lowered = GraphSugar.lower("Z = 1\np, q = softmax(Z, Z)") { _, _, _ in }
        #expect(lowered.text.contains("Z2 = sum(exp_Z, exp_Z)"))
    }

    /// A neuron's body of several terms is one n-ary sum of them, as the slides draw it:
    /// a subtracted term is negated, a sign inside parentheses or an exponent splits nothing.
    @Test func aNeuronSumsItsTerms() {
        func lowered(_ body: String) -> String {
            let text = GraphSugar.lower("neuron h1 = sigmoid(\(body))") { _, _, _ in }.text
            return String(text.split(separator: "\n")[0])
        }
        #expect(lowered("w1 * x1 + w2 * x2 + b") == "ξ1 = sum(w1 * x1, w2 * x2, b)")
        #expect(lowered("0.5 - x1 - x2") == "ξ1 = sum(0.5, -x1, -x2)")
        #expect(lowered("-1.5 + x1 + x2") == "ξ1 = sum(-1.5, x1, x2)")
        #expect(lowered("1e-3 * x - (a + b) - 2 * y") == "ξ1 = sum(1e-3 * x, -(a + b), -(2 * y))")
        #expect(lowered("w * x") == "ξ1 = w * x")
        #expect(lowered("exp(a - b)") == "ξ1 = exp(a - b)")
        #expect(lowered("x1e - 3") == "ξ1 = sum(x1e, -3)")
    }

    /// A diagnostic in a term points at the term in the lesson's own line.
    @Test func aTermKeepsItsColumns() {
        let lowered = GraphSugar.lower("neuron h1 = sigmoid(w * x - bogus)") { _, _, _ in }
        let line = String(lowered.text.split(separator: "\n")[0])
        let origin = lowered.origins[0]
        // "bogus" in "ξ1 = sum(w * x, -bogus)" is at the original's column 29.
        let column = line.distance(from: line.startIndex, to: line.range(of: "bogus")!.lowerBound) + 1
        #expect(origin.map(column) == 29)
        let w = line.distance(from: line.startIndex, to: line.range(of: "w *")!.lowerBound) + 1
        #expect(origin.map(w) == 21)
        #expect(origin.map(1) == 8)  // generated text: the neuron's name
    }
}
