import Autograd

/// The state of one parse: the graph so far, each node's location, and what went wrong.
struct GraphBuilder {
    let file: String
    var graph = Graph()
    var locations: [SourceLocation] = []
    var diagnostics: [Diagnostic] = []
    /// Names whose definition had an error: later uses are not reported again.
    var failedNames: Set<String> = []
    /// The node chosen by `output NAME`, and the line that chose it.
    var chosenOutput: (id: NodeID, line: Int)?
    /// The text being parsed; set by `GraphParser.parse` for the length of the parse.
    var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The expression parser's stacks, reused from line to line.
    var scratch = Scratch()

    struct Scratch {
        var operands: [Operand] = []
        var pending: [Pending] = []
    }

    init(file: String) {
        self.file = file
    }

    /// Sizes the graph for `text` from a quick count: about one name a line, and at most
    /// two nodes (a gate and a literal) per operator or parenthesis.
    mutating func reserve(for text: UnsafeBufferPointer<UInt8>) {
        var lines = 1
        var operators = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "\n"): lines += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
                 UInt8(ascii: "^"), UInt8(ascii: "("), UInt8(ascii: ","):
                operators += 1
            default: break
            }
        }
        let nodes = lines + 2 * operators
        graph.reserveCapacity(nodes: nodes, names: lines)
        locations.reserveCapacity(nodes)
    }

    mutating func add(leaf kind: NodeKind, name: String?, value: Double, at location: SourceLocation) -> NodeID {
        locations.append(location)
        return graph.addLeaf(kind, name: name, value: value)
    }

    mutating func add(op: Op, _ inputs: [NodeID], at location: SourceLocation) -> NodeID {
        locations.append(location)
        return graph.addOp(op, inputs)
    }

    mutating func report(_ failure: LineLexer.Failure) {
        diagnostics.append(.error(file: file, at: failure.location, failure.message))
    }

    /// After a line failed to lex: if it began to define a name (`x = …`), remember the
    /// name so that its later uses are not reported as unknown.
    mutating func noteFailedDefinition(_ tokens: [Token]) {
        let first = tokens.first.map { isWord($0, "param") || isWord($0, "const") } == true ? 1 : 0
        guard tokens.count > first + 1, let name = name(tokens[first]), tokens[first + 1].kind == .equals,
              graph.id(named: name) == nil else { return }
        failedNames.insert(name)
    }

    // MARK: Token text

    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<token.end]), as: UTF8.self)
    }

    /// The token's text if it is a name.
    func name(_ token: Token) -> String? {
        token.kind == .name ? text(of: token) : nil
    }

    /// Whether the token is the name `word`, compared as bytes (cheap, unlike String ==).
    func isWord(_ token: Token, _ word: StaticString) -> Bool {
        token.kind == .name && token.end - token.start == word.utf8CodeUnitCount
            && source[token.start..<token.end].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// How messages name a token: `'x'`, `'**'`, or `end of line`.
    func quoted(_ token: Token) -> String {
        token.kind == .end ? "end of line" : "'\(text(of: token))'"
    }

    /// Whether `name` is one of the functions (`exp` …): a switch, because a dictionary
    /// lookup per statement shows in a 1,000,000-line file.
    static func isFunction(_ name: String) -> Bool {
        // Most names cannot be a function by their first letter; skip the comparisons.
        guard let first = name.utf8.first, "aelmrst".utf8.contains(first) else { return false }
        switch name {
        case "exp", "log", "tanh", "sigmoid", "relu", "step", "sign", "abs", "sqrt", "max", "min": return true
        default: return false
        }
    }

    // MARK: Statements

    /// One line: blank, `output NAME`, or `[param|const] NAME = EXPRESSION`.
    mutating func parseStatement(_ tokens: [Token]) throws(LineLexer.Failure) {
        guard tokens[0].kind != .end else { return }
        if isWord(tokens[0], "output"), tokens[1].kind == .name || tokens[1].kind == .end {
            return try parseOutput(tokens)
        }
        var kind = NodeKind.input
        var first = 0
        if isWord(tokens[0], "param") || isWord(tokens[0], "const"), tokens[1].kind == .name {
            kind = isWord(tokens[0], "param") ? .param : .const
            first = 1
        }
        let nameToken = tokens[first]
        guard let name = name(nameToken) else {
            throw LineLexer.Failure(
                location: nameToken.location,
                message: "expected a name at the start of a statement, found \(quoted(nameToken))")
        }
        guard tokens[first + 1].kind == .equals else {
            throw LineLexer.Failure(
                location: tokens[first + 1].location,
                message: "expected '=' after '\(name)', found \(quoted(tokens[first + 1]))")
        }
        if GraphBuilder.isFunction(name) {
            throw LineLexer.Failure(location: nameToken.location, message: "'\(name)' is a function name; choose another name")
        }
        if let existing = graph.id(named: name) {
            throw LineLexer.Failure(
                location: nameToken.location,
                message: "'\(name)' is already defined at line \(locations[existing.index].line)")
        }
        if !failedNames.isEmpty { failedNames.remove(name) }
        do {
            try define(name, kind: kind, at: nameToken.location, tokens, from: first + 2)
        } catch {
            failedNames.insert(name)
            throw error
        }
    }

    private mutating func define(_ name: String, kind: NodeKind, at location: SourceLocation, _ tokens: [Token], from first: Int) throws(LineLexer.Failure) {
        if tokens[first].kind == .end {
            throw LineLexer.Failure(location: tokens[first].location, message: "expected an expression after '='")
        }
        switch try parseExpression(tokens, from: first) {
        case .literal(let value, _):
            _ = add(leaf: kind, name: name, value: value, at: location)
        case .node(let id):
            if kind != .input {
                throw LineLexer.Failure(
                    location: tokens[first].location,
                    message: "a \(kind.rawValue) takes a number, e.g. '\(kind.rawValue) \(name) = 0.5'")
            }
            if let other = graph.name(of: id) {
                // A node has one name; an alias would need an identity gate the slides
                // never draw.
                throw LineLexer.Failure(
                    location: tokens[first].location,
                    message: "'\(name)' would only be another name for '\(other)'; use '\(other)' directly")
            }
            graph.name(id, name)
            locations[id.index] = location
        case .poisoned:
            failedNames.insert(name)
        }
    }

    /// `output NAME`: the node whose gradient is taken (default: the last assignment).
    private mutating func parseOutput(_ tokens: [Token]) throws(LineLexer.Failure) {
        guard let name = name(tokens[1]) else {
            throw LineLexer.Failure(location: tokens[1].location, message: "expected a name after 'output'")
        }
        guard tokens[2].kind == .end else {
            throw LineLexer.Failure(location: tokens[2].location, message: "unexpected \(quoted(tokens[2])) after 'output \(name)'")
        }
        if let chosen = chosenOutput {
            throw LineLexer.Failure(location: tokens[0].location, message: "the output is already chosen at line \(chosen.line)")
        }
        guard let id = graph.id(named: name) else {
            if failedNames.contains(name) { return }
            throw LineLexer.Failure(location: tokens[1].location, message: "unknown name '\(name)'")
        }
        chosenOutput = (id, tokens[0].location.line)
    }
}
