import Autograd

/// What the tutor asks of a lesson part: a stepper set up with the part's data and
/// training, and the narration and quiz prompts for the cursor between two steps.
extension LessonPart {
    /// The graph stepping and training start from: the lesson's values. When the training
    /// settings have a `seed`, the loader has already drawn every param uniformly from
    /// [−1, 1) with it, so this is the same graph `eval` and `check` use.
    public var startGraph: Graph { graph }

    /// The part's data as the step machine takes it.
    public func dataset() throws(TrainingError) -> Dataset? {
        guard let data else { return nil }
        return try Dataset(inputs: data.inputs, targets: data.targets, rows: data.rows, for: graph)
    }

    /// The part's training settings as the step machine takes them, for `epochs` epochs
    /// (default: the lesson's own count).
    public func trainingSettings(epochs: Int? = nil) throws(TrainingError) -> TrainingSettings? {
        guard let training else { return nil }
        let rule: UpdateRule
        switch training.rule {
        case .sgd: rule = .sgd
        case .perceptron: rule = .perceptron(try perceptronLayout())
        }
        return TrainingSettings(
            learningRate: training.learningRate, epochs: epochs ?? training.epochs,
            batch: training.batch == .all ? .meanOverBatch : .perSample, rule: rule, weightDecay: training.weightDecay,
            zeroGrad: training.zeroGrad)
    }

    /// The perceptron's layout, found by the names the lesson's README prescribes: target
    /// columns `y_C` name the classes C; each class has a score `s_C`, a weight `w_C_X`
    /// for each input column X and optionally a bias `b_C`.
    public func perceptronLayout() throws(TrainingError) -> PerceptronLayout {
        guard let data else { throw .perceptronLayout("the perceptron rule needs data with target columns y_CLASS") }
        func id(_ name: String) throws(TrainingError) -> NodeID {
            guard let id = graph.id(named: name) else {
                throw .perceptronLayout("the perceptron rule needs a node named \(name)")
            }
            return id
        }
        var classes: [String] = []
        for target in data.targets {
            guard target.hasPrefix("y_"), target.count > 2 else {
                throw .perceptronLayout("target column \(target) must be named y_CLASS")
            }
            classes.append(String(target.dropFirst(2)))
        }
        var features: [NodeID] = []
        for input in data.inputs { features.append(try id(input)) }
        var targets: [NodeID] = []
        var scores: [NodeID] = []
        var weights: [[NodeID]] = []
        var biases: [NodeID] = []
        for name in classes {
            targets.append(try id("y_\(name)"))
            scores.append(try id("s_\(name)"))
            var row: [NodeID] = []
            for input in data.inputs { row.append(try id("w_\(name)_\(input)")) }
            weights.append(row)
            if let bias = graph.id(named: "b_\(name)") { biases.append(bias) }
        }
        let hasBiases = biases.count == classes.count
        return PerceptronLayout(
            classNames: classes, features: features, targets: targets, scores: scores, weights: weights,
            biases: hasBiases ? biases : nil)
    }

    /// A stepper over the whole part: forward and backward at the lesson's values, and,
    /// with data, every pass of every epoch (with its updates when the part trains).
    /// A step machine over the part; `mistake` (by default the part's own) makes one of the
    /// classic autograd bugs on purpose.
    public func makeStepper(granularity: BackwardGranularity = .node, mistake: Mistake?? = nil) throws(TrainingError) -> Stepper {
        let settings = try trainingSettings()
        return try Stepper(graph: graph, granularity: granularity, dataset: try dataset(), training: settings,
                           mistake: mistake ?? self.mistake)
    }

    // MARK: Narration

    /// The lesson's name for a step: `forward q`, `update w1`; `nil` for steps a lesson
    /// cannot name (an anonymous gate, a batch accumulation).
    public func stepRef(_ step: Step) -> StepRef? {
        func name(_ id: NodeID) -> String? { id.index < graph.count ? graph.name(of: id) : nil }
        switch step {
        case .forward(let id): return name(id).map(StepRef.forward)
        case .seed: return .seed
        case .backward(let id), .backwardEdge(let id, _): return name(id).map(StepRef.backward)
        case .update(let id): return name(id).map(StepRef.update)
        case .sample(let row): return .sample(row + 1)
        case .epoch(let n): return .epoch(n)
        case .accumulate: return nil
        }
    }

    /// The lesson phase a step belongs to (sample and epoch steps belong to none).
    static func lessonPhase(_ step: Step) -> LessonPhase? {
        switch step.phase {
        case .forward: .forward
        case .seed, .backward: .backward
        case .accumulate, .update: .update
        case .sample, .epoch: nil
        }
    }

    /// The anchors that apply with the cursor between `previous` (the step just taken,
    /// `nil` at the start) and `next` (`nil` at the end), in reading order.
    public func anchors(previous: Step?, next: Step?) -> [NarrationAnchor] {
        var anchors: [NarrationAnchor] = []
        if previous == nil {
            anchors.append(.start)
            if data != nil, training != nil { anchors.append(.beforePhase(.training)) }
        }
        if let previous, let ref = stepRef(previous) { anchors.append(.at(ref)) }
        let before = previous.flatMap(Self.lessonPhase)
        let after = next.flatMap(Self.lessonPhase)
        if before != after {
            if let before { anchors.append(.afterPhase(before)) }
            if let after { anchors.append(.beforePhase(after)) }
        }
        if let next, let ref = stepRef(next) { anchors.append(.before(ref)) }
        if next == nil {
            if data != nil, training != nil { anchors.append(.afterPhase(.training)) }
            anchors.append(.end)
        }
        return anchors
    }

    /// The narration for the cursor of `stepper`: text beside the step and free pages, in
    /// the order the anchors come.
    public func narration(for stepper: Stepper) -> [Narration] {
        narration(at: anchors(previous: stepper.lastStep, next: stepper.nextStep))
    }

    /// The screens a student pages through at the cursor of `stepper`, one keystroke each:
    /// the pages anchored at the start, then the step's own screen (with the text entries
    /// beside the step), then every other page (after the step they follow, before the
    /// step they precede). A page is never appended to a step's text.
    public func screens(for stepper: Stepper) -> [LessonScreen] {
        let entries = narration(for: stepper)
        let leading = entries.filter { $0.isPage && $0.anchor == .start }
        let trailing = entries.filter { $0.isPage && $0.anchor != .start }
        return leading.map(LessonScreen.page) + [.step(entries.filter { !$0.isPage })] + trailing.map(LessonScreen.page)
    }

    /// The narration entries tied to any of `anchors`, in anchor order, then file order.
    public func narration(at anchors: [NarrationAnchor]) -> [Narration] {
        anchors.flatMap { anchor in narration.filter { $0.anchor == anchor } }
    }

    /// The quiz prompts for the cursor of `stepper`.
    public func quiz(for stepper: Stepper) -> [QuizItem] {
        quiz(at: anchors(previous: stepper.lastStep, next: stepper.nextStep))
    }

    /// The quiz prompts tied to any of `anchors`.
    public func quiz(at anchors: [NarrationAnchor]) -> [QuizItem] {
        anchors.flatMap { anchor in quiz.filter { $0.anchor == anchor } }
    }
}
