/// Where the parts of a multi-class perceptron sit in its graph: for each class c a score
/// s_c = Σ_j w_cj·x_j (+ b_c), and a one-hot target y_c. The update records use it to say
/// which class and which feature a weight belongs to.
public struct PerceptronLayout: Sendable, Equatable {
    public let classNames: [String]
    /// The feature leaves x_j.
    public let features: [NodeID]
    /// The one-hot target leaves y_c.
    public let targets: [NodeID]
    /// The score node s_c of each class.
    public let scores: [NodeID]
    /// weights[c][j] multiplies features[j] in class c's score.
    public let weights: [[NodeID]]
    /// The bias of each class, if the perceptron has biases.
    public let biases: [NodeID]?

    public init(classNames: [String], features: [NodeID], targets: [NodeID], scores: [NodeID],
                weights: [[NodeID]], biases: [NodeID]?) {
        self.classNames = classNames
        self.features = features
        self.targets = targets
        self.scores = scores
        self.weights = weights
        self.biases = biases
    }

    /// Class index and feature index (`nil` for the bias) of a parameter.
    public func locate(_ param: NodeID) -> (classIndex: Int, feature: Int?)? {
        for (c, row) in weights.enumerated() {
            if let j = row.firstIndex(of: param) { return (c, j) }
        }
        if let c = biases?.firstIndex(of: param) { return (c, nil) }
        return nil
    }

    /// f(x): the first class with the largest score, as max routes its gradient.
    public func predictedClass(in graph: Graph) -> Int {
        Op.max.winningPosition(of: scores.map { graph.value(of: $0) })
    }

    /// y: the first class whose one-hot target is largest.
    public func targetClass(in graph: Graph) -> Int {
        Op.max.winningPosition(of: targets.map { graph.value(of: $0) })
    }

    func validate(for graph: Graph) throws(TrainingError) {
        let n = classNames.count
        guard n >= 2 else { throw .perceptronLayout("needs at least two classes") }
        guard targets.count == n, scores.count == n, weights.count == n, biases.map({ $0.count == n }) ?? true else {
            throw .perceptronLayout("every class needs a target, a score and a row of weights")
        }
        guard weights.allSatisfy({ $0.count == features.count }) else {
            throw .perceptronLayout("every class needs one weight per feature")
        }
        let all = features + targets + scores + weights.flatMap { $0 } + (biases ?? [])
        guard all.allSatisfy({ $0.index >= 0 && $0.index < graph.count }) else {
            throw .perceptronLayout("a node is not in the graph")
        }
        let params = weights.flatMap { $0 } + (biases ?? [])
        guard params.allSatisfy({ graph.kind(of: $0) == .param }) else {
            throw .perceptronLayout("weights and biases must be params")
        }
    }
}

/// Builds the multi-class perceptron of the slides as a graph whose output is the loss
/// L = max_c(s_c) − s_y, with s_y = Σ_c y_c·s_c for one-hot targets y_c.
public enum Perceptron {
    /// Features are input leaves named as given; each class c gets params `w_c_x` per
    /// feature x (and `b_c`), a score `s_c` and a target input `y_c`. Weights start at
    /// `weights[c][j]` (and `biases[c]`).
    public static func build(features: [String], classes: [String], weights: [[Double]],
                             biases: [Double]? = nil) throws(TrainingError) -> (Graph, PerceptronLayout) {
        guard classes.count >= 2 else { throw .perceptronLayout("needs at least two classes") }
        guard !features.isEmpty else { throw .perceptronLayout("needs at least one feature") }
        guard weights.count == classes.count, weights.allSatisfy({ $0.count == features.count }),
              biases.map({ $0.count == classes.count }) ?? true
        else { throw .perceptronLayout("one row of \(features.count) weights (and one bias) per class") }
        guard Set(features + classes).count == features.count + classes.count else {
            throw .perceptronLayout("feature and class names must be distinct")
        }
        var g = Graph()
        let x = features.map { g.addLeaf(.input, name: $0, value: 0) }
        let y = classes.map { g.addLeaf(.input, name: "y_\($0)", value: 0) }
        var w: [[NodeID]] = []
        var b: [NodeID] = []
        var s: [NodeID] = []
        for (c, name) in classes.enumerated() {
            let row = features.enumerated().map { j, feature in
                g.addLeaf(.param, name: "w_\(name)_\(feature)", value: weights[c][j])
            }
            w.append(row)
            var sum: NodeID? = nil
            for j in features.indices {
                let term = g.addOp(.mul, [row[j], x[j]])
                sum = sum.map { g.addOp(.add, [$0, term]) } ?? term
            }
            if let biases {
                let bias = g.addLeaf(.param, name: "b_\(name)", value: biases[c])
                b.append(bias)
                sum = sum.map { g.addOp(.add, [$0, bias]) } ?? bias
            }
            guard let score = sum else { throw .perceptronLayout("needs at least one feature") }
            g.name(score, "s_\(name)")
            s.append(score)
        }
        let best = g.addOp(.max, s, name: "max_s")
        var sy: NodeID? = nil
        for c in classes.indices {
            let picked = g.addOp(.mul, [y[c], s[c]])
            sy = sy.map { g.addOp(.add, [$0, picked]) } ?? picked
        }
        guard let targetScore = sy else { throw .perceptronLayout("needs at least two classes") }
        g.name(targetScore, "s_y")
        g.addOp(.sub, [best, targetScore], name: "L")
        let layout = PerceptronLayout(classNames: classes, features: x, targets: y, scores: s,
                                      weights: w, biases: biases == nil ? nil : b)
        return (g, layout)
    }
}
