import Autograd
/// micrograd's demo network as one Autograd graph: an MLP 2-16-16-1 (ReLU hidden layers,
/// linear output, 337 parameters) over all 100 `TwoMoons` points, with the demo's loss
/// mean relu(1 − y·score) + 1e-4·Σw².
///
/// The graph is built once, node for node in the order micrograd creates its `Value`s
/// (`b + w0·x0 + w1·x1 …`, `score · (−y)`, `+ 1`, sums that start at 0), so the forward
/// values are the same floating-point operations. Training reuses that graph and its tape
/// every epoch: only the parameter values change, never the shape.
public struct MoonsMLP: Sendable {
    /// Inputs, hidden widths and outputs of the network.
    public static let layerSizes = [2, 16, 16, 1]
    /// The number of weights and biases: (2+1)·16 + (16+1)·16 + (16+1)·1.
    public static let parameterCount = 337
    /// The weight of the L2 term.
    public static let alpha = 1e-4

    public private(set) var graph: Graph
    /// The parameters in micrograd's order: layer by layer, neuron by neuron, its weights
    /// then its bias.
    public let parameters: [NodeID]
    /// The total loss, the graph's output.
    public let loss: NodeID
    /// The compiled tape of the loss, reused by every epoch.
    public let tape: Tape

    /// Builds the network with the given initial parameters (micrograd's order).
    public init(weights: [Double]) {
        precondition(weights.count == Self.parameterCount, "the MLP has \(Self.parameterCount) parameters")
        var graph = Graph()
        let parameters = weights.map { graph.addLeaf(.param, value: $0) }
        var scoresAndLabels: [(NodeID, Double)] = []
        for point in TwoMoons.points {
            var activations = [graph.addLeaf(.input, value: point.x), graph.addLeaf(.input, value: point.y)]
            var next = parameters.startIndex
            for layer in 1..<Self.layerSizes.count {
                let isHidden = layer < Self.layerSizes.count - 1
                var outputs: [NodeID] = []
                for _ in 0..<Self.layerSizes[layer] {
                    let bias = parameters[next + activations.count]
                    var sum = bias
                    for (position, input) in activations.enumerated() {
                        let product = graph.addOp(.mul, [parameters[next + position], input])
                        sum = graph.addOp(.add, [sum, product])
                    }
                    next += activations.count + 1
                    outputs.append(isHidden ? graph.addOp(.relu, [sum]) : sum)
                }
                activations = outputs
            }
            scoresAndLabels.append((activations[0], point.label))
        }
        // micrograd: (1 + -y * score).relu(), i.e. relu((score · (−y)) + 1).
        let margins = scoresAndLabels.map { score, label in
            let scaled = graph.addOp(.mul, [score, graph.addLeaf(.const, value: -label)])
            return graph.addOp(.relu, [graph.addOp(.add, [scaled, graph.addLeaf(.const, value: 1)])])
        }
        let dataLoss = graph.addOp(
            .mul, [Self.sum(margins, in: &graph), graph.addLeaf(.const, value: 1.0 / Double(margins.count))])
        let squares = parameters.map { graph.addOp(.mul, [$0, $0]) }
        // micrograd: alpha * sum(p * p), i.e. the sum times a constant on the right.
        let regLoss = graph.addOp(.mul, [Self.sum(squares, in: &graph), graph.addLeaf(.const, value: Self.alpha)])
        let loss = graph.addOp(.add, [dataLoss, regLoss], name: "loss")
        self.graph = graph
        self.parameters = parameters
        self.loss = loss
        self.tape = Tape(graph, output: loss)
    }

    /// Python's `sum(terms)`: it starts at the integer 0, which micrograd turns into a
    /// constant node on the right of the first addition.
    private static func sum(_ terms: [NodeID], in graph: inout Graph) -> NodeID {
        var total = graph.addOp(.add, [terms[0], graph.addLeaf(.const, value: 0)])
        for term in terms.dropFirst() { total = graph.addOp(.add, [total, term]) }
        return total
    }

    /// Uniform weights in [−1, 1) and zero biases, as micrograd initialises them, from a
    /// seeded generator.
    public static func seededWeights(seed: UInt64 = 1337) -> [Double] {
        var random = SplitMix64(seed: seed)
        var weights: [Double] = []
        for layer in 1..<layerSizes.count {
            for _ in 0..<layerSizes[layer] {
                for _ in 0..<layerSizes[layer - 1] { weights.append(random.uniform(-1, 1)) }
                weights.append(0)
            }
        }
        return weights
    }

    /// The demo's learning-rate schedule: 1.0 − 0.9·k/100 at epoch k.
    public static func learningRate(epoch k: Int) -> Double { 1.0 - 0.9 * Double(k) / 100 }

    /// The current parameter values, in micrograd's order.
    public var weights: [Double] { parameters.map { graph.value(of: $0) } }

    /// The loss at the current parameters (one forward pass).
    public mutating func currentLoss() -> Double {
        graph.forward(tape)
        return graph.value(of: loss)
    }

    /// One epoch of full-batch SGD: forward, gradients zeroed and recomputed by the
    /// backward pass, then w ← w − lr·∂L/∂w. Returns the loss before the update.
    @discardableResult
    public mutating func epoch(_ k: Int) -> Double {
        graph.forward(tape)
        let lossValue = graph.value(of: loss)
        graph.backward(tape)
        let rate = Self.learningRate(epoch: k)
        for parameter in parameters {
            graph.setValue(graph.value(of: parameter) - rate * graph.grad(of: parameter), of: parameter)
        }
        return lossValue
    }
}
