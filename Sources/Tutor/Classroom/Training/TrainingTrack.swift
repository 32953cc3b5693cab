import Autograd
import Lessons

/// What the training views need to know about a lesson part that has data: the loss after
/// every epoch (from the fast path, computed once), the node whose output the decision map
/// shades, and how far a fast-forward or an autoplay tick moves the stepper.
///
/// The loss curve comes from `Graph.train` on the part's `startGraph` with the part's own
/// settings: the same arithmetic as the stepper's epoch steps, so the chart agrees with
/// the `epoch n` records bit for bit, and it costs one fast run instead of a replay.
public struct TrainingTrack: Sendable, Equatable {
    /// `losses[0]` is the mean loss before training, `losses[n]` after epoch `n`; empty
    /// for a part without training.
    public let losses: [Double]
    /// The two feature columns of the data, when there are exactly two and at least two rows (the map's axes).
    public let plane: (x: NodeID, y: NodeID)?
    /// The names of the two features.
    public let planeNames: (x: String, y: String)?
    /// The nodes the map shades: one prediction, or one score per class (argmax).
    public let predictions: [NodeID]
    /// The data rows, features then targets, and how many features there are.
    public let rows: [[Double]]
    public let featureCount: Int
    /// The largest number of epochs plan and curve cover.
    public let epochs: Int
    /// For a part that replays the mistake of never zeroing the gradients, the losses of
    /// the same run done right (zeroed), drawn beside its own; empty otherwise.
    public let zeroedLosses: [Double]

    public static func == (a: TrainingTrack, b: TrainingTrack) -> Bool {
        a.losses == b.losses && a.zeroedLosses == b.zeroedLosses && a.plane?.x == b.plane?.x && a.plane?.y == b.plane?.y && a.predictions == b.predictions
            && a.rows == b.rows && a.epochs == b.epochs
    }

    /// The track of a part; `nil` when the part has no data.
    public init?(part: LessonPart) {
        guard let data = part.data, let dataset = try? part.dataset() else { return nil }
        let graph = part.graph
        rows = data.rows
        featureCount = data.inputs.count
        var start = part.startGraph
        if let settings = try? part.trainingSettings(), let tape = start.tape() {
            let before = start.meanLoss(over: dataset, tape: tape)
            var right = start
            let after = (try? start.train(on: dataset, settings: settings)) ?? []
            losses = [before] + after
            epochs = settings.epochs
            var zeroed = settings
            zeroed.zeroGrad = true
            zeroedLosses = settings.zeroGrad ? [] : [before] + ((try? right.train(on: dataset, settings: zeroed)) ?? [])
        } else {
            losses = []
            epochs = 1
            zeroedLosses = []
        }
        // A map of the plane teaches where there are points to separate: one point shows
        // nothing (a uniform field with a single mark), and a regression's targets (3, −1)
        // are no classes to separate: the map would shade "≥ 0.5" and print them as 0/1.
        let targetsAreClasses = dataset.rows.allSatisfy { row in row.suffix(dataset.targets.count).allSatisfy { $0 == 0 || $0 == 1 } }
        if dataset.inputs.count == 2 && dataset.rows.count >= 2 && targetsAreClasses {
            plane = (dataset.inputs[0], dataset.inputs[1])
            planeNames = (data.inputs[0], data.inputs[1])
        } else {
            plane = nil
            planeNames = nil
        }
        predictions = TrainingTrack.predictionNodes(graph: graph, dataset: dataset)
    }

    /// Whether the part trains (has training settings as well as data).
    public var trains: Bool { !losses.isEmpty }

    /// The nodes that make the prediction. With one target column, the last named computed
    /// node that depends on the features but not on the target: for XOR `f` (the loss
    /// depends on `y`). With one column per class, each class's score in the targets'
    /// order: what the loss sets beside that class's target (`y1·u1`: u1; `y_cat·lnp_cat`:
    /// lnp_cat, whose largest is the largest score's); else the last `k` such named nodes
    /// (the multi-class perceptron's `s_off` and `s_on`). The last named nodes alone would
    /// take a softmax's Z (two-layer-relu part 3: u2, u3, Z).
    static func predictionNodes(graph: Graph, dataset: Dataset) -> [NodeID] {
        var onFeatures = [Bool](repeating: false, count: graph.count)
        var onTargets = [Bool](repeating: false, count: graph.count)
        for id in dataset.inputs { onFeatures[id.index] = true }
        for id in dataset.targets { onTargets[id.index] = true }
        for id in graph.ids where graph.op(of: id) != nil {
            for input in graph.inputs(of: id) {
                onFeatures[id.index] = onFeatures[id.index] || onFeatures[input.index]
                onTargets[id.index] = onTargets[id.index] || onTargets[input.index]
            }
        }
        let candidates = graph.ids.filter {
            graph.op(of: $0) != nil && graph.name(of: $0) != nil && onFeatures[$0.index] && !onTargets[$0.index]
        }
        let k = dataset.targets.count > 1 ? dataset.targets.count : 1
        if k > 1 {
            // Each target's partner: the other input of a gate that reads the target.
            let partners = dataset.targets.map { target in
                graph.ids.lazy.compactMap { id -> NodeID? in
                    let inputs = graph.inputs(of: id)
                    guard inputs.count == 2, inputs.contains(target) else { return nil }
                    let other = inputs[0] == target ? inputs[1] : inputs[0]
                    return onFeatures[other.index] && !onTargets[other.index] ? other : nil
                }.first
            }
            let found = partners.compactMap { $0 }
            if found.count == k, Set(found).count == k { return found }
        }
        return Array(candidates.suffix(k))
    }

    // MARK: Where the stepper is

    /// Epochs finished at the stepper's cursor.
    public static func completedEpochs(_ stepper: Stepper) -> Int {
        guard stepper.plan.dataset != nil else { return 0 }
        return stepper.position / stepper.plan.stepsPerEpoch
    }

    /// The losses the chart shows once `epochs` epochs are finished: before training and
    /// after each of them.
    public func losses(through epochs: Int) -> [Double] {
        Array(losses.prefix(Swift.max(0, epochs) + 1))
    }

    /// The zeroed run's losses up to the same epoch (empty when there is none).
    public func zeroedLosses(through epochs: Int) -> [Double] {
        Array(zeroedLosses.prefix(Swift.max(0, epochs) + 1))
    }

    /// The losses up to the cursor: before training and after each finished epoch.
    public func losses(upTo stepper: Stepper) -> [Double] {
        losses(through: TrainingTrack.completedEpochs(stepper))
    }

    /// The cursor after fast-forwarding `epochs` epochs: the end of the epoch that many
    /// epochs on (from inside an epoch, its own end counts as the first).
    public static func fastForwardTarget(_ stepper: Stepper, epochs: Int) -> Int {
        let plan = stepper.plan
        let done = completedEpochs(stepper)
        let target = (done + Swift.max(1, epochs)) * plan.stepsPerEpoch
        return Swift.min(target, plan.count)
    }

    /// Epochs per autoplay tick once training runs by itself: about forty ticks for the
    /// whole plan, so a class watches the curve fall within a minute or two.
    public static func epochsPerTick(_ stepper: Stepper) -> Int {
        Swift.max(1, stepper.plan.epochs / 40)
    }

    /// Rows per autoplay tick through data without training, once the first row has been
    /// stepped: one row at a time for a truth table, about forty ticks for many rows.
    public static func rowsPerTick(_ stepper: Stepper) -> Int {
        Swift.max(1, stepper.plan.rowsPerEpoch / 40)
    }

    /// Where one autoplay tick moves the cursor: the next step during the first pass (the
    /// one the narration explains); after that, for a part that trains, the next multiple
    /// of `epochsPerTick` epochs; for data without training, the end of the next row (of
    /// the next `rowsPerTick` rows).
    public static func autoplayTarget(_ stepper: Stepper) -> Int {
        let plan = stepper.plan
        let position = stepper.position
        guard position < plan.count else { return position }
        guard plan.dataset != nil, position >= plan.stepsPerPass else { return position + 1 }
        if plan.training != nil {
            let per = epochsPerTick(stepper)
            let done = completedEpochs(stepper)
            return Swift.min(((done / per) + 1) * per * plan.stepsPerEpoch, plan.count)
        }
        let per = rowsPerTick(stepper) * plan.stepsPerPass
        return Swift.min(((position / per) + 1) * per, plan.count)
    }
}
