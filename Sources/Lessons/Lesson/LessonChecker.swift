import Autograd

/// Runs a lesson's expectations, as `backprop check` does: every value and gradient at the
/// lesson's own values, truth-table rows (`with x1 = 1, x2 = 0: f = 1`), and values after
/// training (`after 2000 epochs: loss < 0.05`) on the training fast path with the lesson's
/// settings. Failures are errors at the expectation's line; non-finite values are warnings
/// at the node's definition.
public enum LessonChecker {
    /// Loads and checks a lesson file: every diagnostic, the loader's sorted by position,
    /// then the checker's.
    public static func check(text: String, file: String) -> [Diagnostic] {
        load(text: text, file: file).diagnostics
    }

    /// Loads a lesson and, when it loads, checks it: the lesson and every diagnostic.
    public static func load(text: String, file: String, name: String? = nil) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let (lesson, diagnostics) = LessonLoader.load(text: text, file: file, name: name)
        guard let lesson else { return (nil, diagnostics) }
        return (lesson, diagnostics + check(lesson))
    }

    /// Checks a loaded lesson.
    public static func check(_ lesson: Lesson) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for part in lesson.parts {
            // One forward and backward pass at the lesson's values serves the warnings and
            // every expectation measured there.
            let atLessonValues = run(part, file: lesson.file)
            diagnostics += GraphChecks.warnings(atLessonValues)
            var trained: [Int: Result<Graph, Diagnostic>] = [:]
            for expectation in part.expectations {
                let got: Double
                switch measure(expectation, in: part, ran: atLessonValues.graph, file: lesson.file, trainedCache: &trained) {
                case .success(let value): got = value
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    continue
                }
                if !expectation.holds(for: got) {
                    diagnostics.append(.error(
                        file: lesson.file, at: expectation.location,
                        "expected \(expectation.text), got \(NumberFormat.short(got, digits: 6))"))
                }
            }
            diagnostics += checkQuizAnswers(part, file: lesson.file)
        }
        return diagnostics + checkVariants(lesson)
    }

    /// The variants a check tries (`--variant N` for N in 1…100).
    public static let checkedVariants = 1...100

    /// Every variant 1…100 of every part evaluates finite, at every data row: an error at
    /// the first node that does not, naming the variant. A warning for a part where some
    /// variants keep the slide's numbers (no draw kept clear of a kink).
    static func checkVariants(_ lesson: Lesson) -> [Diagnostic] {
        guard lesson.variant == nil else { return [] }
        var unchanged = [Int](repeating: 0, count: lesson.parts.count)
        // Parts with leaves to draw, whose own numbers are finite (a part that is not has
        // its warning already; its variants are not counted against it).
        let variable = lesson.parts.map { part in
            !part.variableLeaves.isEmpty && part.graph.ids.allSatisfy { part.graph.value(of: $0).isFinite }
        }
        for number in checkedVariants {
            let variant = lesson.variant(number)
            for (index, part) in variant.parts.enumerated() where variable[index] {
                // A part that kept the slide's numbers is counted; its own numbers have
                // their warnings already, a variant's can only be made worse by the draw.
                guard part.isVaried else {
                    unchanged[index] += 1
                    continue
                }
                let rows = part.data.map { data in data.rows.map { Array(zip(data.columns, $0)) } } ?? [[]]
                for row in rows {
                    var graph = part.graph
                    for (name, value) in row { if let id = graph.id(named: name) { graph.setValue(value, of: id) } }
                    graph.forward()
                    if let bad = graph.ids.first(where: { !graph.value(of: $0).isFinite }) {
                        let location = part.nodeLocations.indices.contains(bad.index) ? part.nodeLocations[bad.index] : .wholeFile
                        return [.error(file: lesson.file, at: location,
                                       "with --variant \(number), part \(index + 1): \(graph.label(of: bad)) is \(NumberFormat.short(graph.value(of: bad))); give its leaves ranges under 'variants:'")]
                    }
                }
            }
        }
        return unchanged.enumerated().filter { $0.element > 0 }.map { index, count in
            .warning(file: lesson.file, at: .wholeFile,
                     "part \(index + 1): \(count) of the variants \(checkedVariants.lowerBound)…\(checkedVariants.upperBound) keep the slide's numbers: no draw kept clear of a kink (relu, step, max near a tie, division or log near 0) and told the slide's story (truth tables, gradient signs); give the leaves ranges under 'variants:'")
        }
    }

    /// A quiz answer is an expectation too: a number asked before or at a step must be one
    /// of the numbers that step computes in the part's first pass (a value, a gradient, a
    /// local derivative or product, an update; with `batch: all`, the first epoch's
    /// updates), within the question's tolerance. Questions
    /// at the start, the end or between phases may ask what the graph does not compute
    /// ("which bias computes OR?") and are not checked.
    static func checkQuizAnswers(_ part: LessonPart, file: String) -> [Diagnostic] {
        let asked = part.quiz.compactMap { item -> (item: QuizItem, answer: Double, tolerance: Double, step: StepRef)? in
            guard case .number(let answer, let tolerance) = item.answer, let step = item.anchor.step else { return nil }
            return (item, answer, tolerance, step)
        }
        guard !asked.isEmpty, var stepper = try? part.makeStepper() else { return [] }
        var computed: [StepRef: [Double]] = [:]
        for _ in 0..<stepper.plan.stepsPerPass {
            guard let step = stepper.nextStep, let record = stepper.step() else { break }
            if let ref = part.stepRef(step) { computed[ref, default: []] += numbers(of: record) }
        }
        // With `batch: all` the first updates come after every row's pass: walk the rest of
        // the first epoch for them (and only them: other rows' numbers would answer for row 1).
        if part.training?.batch == .all {
            while let step = stepper.nextStep, let record = stepper.step() {
                if case .epoch = record { break }
                if case .update = record, let ref = part.stepRef(step) { computed[ref, default: []] += numbers(of: record) }
            }
        }
        return asked.compactMap { question in
            let numbers = computed[question.step] ?? []
            guard !numbers.contains(where: { Swift.abs($0 - question.answer) <= question.tolerance }) else { return nil }
            var seen: Set<String> = []
            let listed = numbers.map { NumberFormat.short($0) }.filter { seen.insert($0).inserted }.prefix(6).joined(separator: ", ")
            return .error(file: file, at: question.item.location,
                          "the answer \(NumberFormat.short(question.answer)) is none of the numbers '\(question.step)' computes"
                              + (listed.isEmpty ? "" : " (\(listed))") + "; check the answer or the step it is asked at")
        }
    }

    /// The numbers a step shows: what a question tied to it may ask for.
    static func numbers(of record: StepRecord) -> [Double] {
        switch record {
        case .forward(let r): [r.result]
        case .seed: [1]
        case .backward(let r): [r.grad] + r.flows.flatMap { [$0.local, $0.product, $0.after] }
        case .update(let r): [r.after, r.gradient]
        case .sample(let r): r.assignments.map(\.after)
        case .accumulate(let r): r.entries.map(\.after)
        case .epoch(let r): [r.meanLoss]
        }
    }

    /// The number an expectation measures.
    public static func measure(_ expectation: Expectation, in part: LessonPart, file: String) -> Result<Double, Diagnostic> {
        var cache: [Int: Result<Graph, Diagnostic>] = [:]
        return measure(expectation, in: part, ran: run(part, file: file).graph, file: file, trainedCache: &cache)
    }

    /// `ran` is the part's graph after one forward and backward pass at the lesson's values.
    private static func measure(
        _ expectation: Expectation, in part: LessonPart, ran: Graph, file: String,
        trainedCache: inout [Int: Result<Graph, Diagnostic>]
    ) -> Result<Double, Diagnostic> {
        guard let id = part.graph.id(named: expectation.quantity.node) else {
            return .failure(.error(file: file, at: expectation.location, "expectation refers to unknown node '\(expectation.quantity.node)'"))
        }
        switch expectation.context {
        case .initial:
            return .success(expectation.quantity.read(id, in: ran))
        case .with(let assignments):
            var graph = part.graph
            for assignment in assignments {
                guard let leaf = graph.id(named: assignment.name), graph.kind(of: leaf).isLeaf else {
                    return .failure(.error(file: file, at: expectation.location, "'with' can only set leaves"))
                }
                graph.setValue(assignment.value, of: leaf)
            }
            graph.run()
            return .success(expectation.quantity.read(id, in: graph))
        case .afterEpochs(let epochs):
            let trained: Result<Graph, Diagnostic>
            if let cached = trainedCache[epochs] {
                trained = cached
            } else {
                trained = LessonTrainer.train(part, epochs: epochs, file: file, at: expectation.location)
                trainedCache[epochs] = trained
            }
            return trained.flatMap { graph in
                guard let data = part.data else {
                    return .failure(.error(file: file, at: expectation.location, "'\(expectation.text)' needs 'data' rows"))
                }
                return .success(LessonTrainer.mean(expectation.quantity, id, over: data, in: graph))
            }
        }
    }

    /// The part's graph after one forward and backward pass at the lesson's values, with its
    /// node locations, so `GraphChecks` can warn where a value or gradient stops being finite
    /// (exp overflow, log of 0): allowed, but rarely what a lesson means.
    private static func run(_ part: LessonPart, file: String) -> GraphProgram {
        var program = part.program(file: file)
        program.graph.run()
        return program
    }
}
