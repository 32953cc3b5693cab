import Yams

/// The fields of one YAML mapping in a lesson file (or the course, or the settings), read
/// with their positions.
///
/// Every read records the key as known, so `reportUnknown` can point at each field the
/// schema does not have; every problem becomes a diagnostic in the lesson file rather
/// than an exception, so one `check` run shows them all.
public struct YAMLFields {
    public let file: String
    /// Where the mapping starts.
    public let location: SourceLocation
    /// What the mapping is, for messages: "lesson", "part 2", "training".
    public let what: String
    private(set) var pairs: [(key: String, keyLocation: SourceLocation, value: Node)] = []
    private var known: Set<String> = []

    /// Reads `node` as a mapping with string keys; reports duplicate and non-string keys.
    public init?(_ node: Node, file: String, what: String, diagnostics: inout [Diagnostic]) {
        self.file = file
        self.what = what
        self.location = YAMLFields.location(of: node)
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(file: file, at: location, "\(what) must be a mapping of 'field: value' lines"))
            return nil
        }
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.append(.error(file: file, at: YAMLFields.location(of: key), "a field name must be a plain word"))
                continue
            }
            let keyLocation = YAMLFields.location(of: key)
            if !seen.insert(scalar.string).inserted {
                diagnostics.append(.error(file: file, at: keyLocation, "field '\(scalar.string)' appears twice in \(what)"))
                continue
            }
            pairs.append((scalar.string, keyLocation, value))
        }
    }

    public static func location(of node: Node) -> SourceLocation {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
    }

    /// The value of a field, marking it known.
    public mutating func value(_ key: String) -> Node? {
        known.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    /// The first of several spellings that is present (`η`, `eta`), marking all known.
    public mutating func value(anyOf keys: [String]) -> (key: String, node: Node)? {
        for key in keys { known.insert(key) }
        return pairs.first { keys.contains($0.key) }.map { ($0.key, $0.value) }
    }

    /// Reports a required field that is missing, at the start of the mapping.
    public func missing(_ key: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(.error(file: file, at: location, "\(what) is missing the required field '\(key)'"))
    }

    /// Reports every field no read asked for, listing the fields that are allowed.
    public func reportUnknown(_ diagnostics: inout [Diagnostic]) {
        let allowed = known.sorted().joined(separator: ", ")
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.append(.error(
                file: file, at: pair.keyLocation, "unknown field '\(pair.key)' in \(what); expected one of: \(allowed)"))
        }
    }

    public func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    // MARK: Typed reads

    /// A scalar's text, or `nil` for a mapping or a list.
    public static func scalarText(_ node: Node) -> String? {
        if case .scalar(let scalar) = node { scalar.string } else { nil }
    }

    /// A scalar's text; reports a mapping or list where text was expected.
    public func text(_ node: Node, _ field: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be text"))
            return nil
        }
        return scalar.string
    }

    /// A required text field.
    public mutating func requiredText(_ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let node = value(key) else {
            missing(key, &diagnostics)
            return nil
        }
        return text(node, key, &diagnostics)
    }

    /// A finite number.
    public func number(_ node: Node, _ field: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        guard case .scalar(let scalar) = node, let value = ExpectationParser.number(scalar.string) else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be a number"))
            return nil
        }
        return value
    }

    /// A whole number at least `minimum`.
    public func integer(_ node: Node, _ field: String, minimum: Int, maximum: Int = Int.max,
                 _ diagnostics: inout [Diagnostic]) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), value >= minimum, value <= maximum else {
            let range = maximum == Int.max ? "of at least \(minimum)" : "from \(minimum) to \(maximum)"
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be a whole number \(range)"))
            return nil
        }
        return value
    }

    /// A list's items; reports anything else.
    public func list(_ node: Node, _ field: String, _ diagnostics: inout [Diagnostic]) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(file: file, at: YAMLFields.location(of: node), "'\(field)' must be a list"))
            return nil
        }
        return Array(sequence)
    }
}
