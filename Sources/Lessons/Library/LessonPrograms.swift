import Autograd

/// A lesson seen as a graph, for `eval` and `check`: its first part's graph with where
/// each node is written in the lesson file.
extension Lesson {
    /// The graph of part `index` (0-based) as a program whose diagnostics point into the
    /// lesson file.
    public func program(part index: Int = 0) -> GraphProgram? {
        guard parts.indices.contains(index) else { return nil }
        return parts[index].program(file: file)
    }

    /// The number of expectations over all parts.
    public var expectationCount: Int { parts.reduce(0) { $0 + $1.expectations.count } }
}

extension LessonPart {
    /// The part's graph as a program whose diagnostics point into the lesson file `file`.
    public func program(file: String) -> GraphProgram {
        GraphProgram(file: file, graph: graph, locations: nodeLocations)
    }
}
