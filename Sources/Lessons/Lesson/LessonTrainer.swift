import Autograd

/// Trains a lesson part on the step machine's fast path (`Graph.train`), for `check` and
/// for expectations such as `after 2000 epochs: loss < 0.05`. It starts from the same
/// graph and uses the same settings as the stepper the tutor walks, so the numbers agree.
public enum LessonTrainer {
    /// The part's graph after `epochs` epochs of its training, from the lesson's values.
    public static func train(_ part: LessonPart, epochs: Int, file: String, at location: SourceLocation) -> Result<Graph, Diagnostic> {
        var graph = part.graph
        do throws(TrainingError) {
            guard let dataset = try part.dataset(), let settings = try part.trainingSettings(epochs: epochs) else {
                return .failure(.error(file: file, at: location, "training needs 'data' and 'training' in this part"))
            }
            if epochs > 0 { try graph.train(on: dataset, settings: settings) }
            return .success(graph)
        } catch {
            return .failure(.error(file: file, at: location, "cannot train: \(error)"))
        }
    }

    /// A quantity averaged over the data rows, each row set in turn and the graph run:
    /// the mean loss, or a param's value (the same in every row).
    public static func mean(_ quantity: Expectation.Quantity, _ id: NodeID, over data: DataTable, in trained: Graph) -> Double {
        var graph = trained
        let columns = data.columns.compactMap { graph.id(named: $0) }
        var sum = 0.0
        for row in data.rows {
            for (column, value) in zip(columns, row) { graph.setValue(value, of: column) }
            graph.run()
            sum += quantity.read(id, in: graph)
        }
        return sum / Double(Swift.max(data.rows.count, 1))
    }
}
