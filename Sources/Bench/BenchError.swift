/// Why a benchmark could not run.
public enum BenchError: Error, CustomStringConvertible {
    case missingLesson(String)
    case badLesson(String, [String])

    public var description: String {
        switch self {
        case .missingLesson(let path): "cannot read the lesson \(path) (run from the repository root)"
        case .badLesson(let path, let messages): "\(path) does not load: \(messages.joined(separator: "; "))"
        }
    }
}
