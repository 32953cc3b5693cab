import Autograd

/// A value on the operand stack while an expression is parsed.
enum Operand {
    /// A node already in the graph.
    case node(NodeID)
    /// A number not yet in the graph: `-2` folds into one literal instead of neg(2), and a
    /// right-hand side that is only a number becomes a leaf rather than a const node.
    case literal(Double, SourceLocation)
    /// Depends on a name whose definition had an error (already reported); anything
    /// computed from it is skipped silently so one mistake gives one message.
    case poisoned
}

/// An operator waiting on the operator stack (shunting-yard).
enum Pending {
    case binary(Op, SourceLocation)
    case negate(SourceLocation)
    case group(SourceLocation)
    /// A function call at its name, with its `(`; its arguments are the operands above
    /// `operandBase`.
    case call(String, Op, SourceLocation, paren: SourceLocation, operandBase: Int)

    /// Binding strength: `+ -` < `* /` < unary minus < `^`, so `-x^2` is −(x²).
    var precedence: Int {
        switch self {
        case .binary(let op, _):
            switch op {
            case .add, .sub: 1
            case .pow: 4
            default: 2
            }
        case .negate: 3
        case .group, .call: 0
        }
    }
}

extension GraphBuilder {
    /// Parses the expression in `tokens[first...]` up to `.end`, adding its nodes to the
    /// graph. Iterative (explicit operand and operator stacks), so 10,000 nested
    /// parentheses or a 200,000-term line need no call stack.
    mutating func parseExpression(_ tokens: [Token], from first: Int) throws(LineLexer.Failure) -> Operand {
        // The stacks are kept between statements: one allocation per parse, not per line.
        var operands = scratch.operands
        var pending = scratch.pending
        scratch = Scratch()
        defer {
            operands.removeAll(keepingCapacity: true)
            pending.removeAll(keepingCapacity: true)
            scratch = Scratch(operands: operands, pending: pending)
        }
        var expectOperand = true
        var i = first
        while true {
            let token = tokens[i]
            i += 1
            if expectOperand {
                switch token.kind {
                case .number:
                    operands.append(.literal(token.value, token.location))
                    expectOperand = false
                case .name:
                    let name = text(of: token)
                    if tokens[i].kind == .leftParen {
                        guard let op = Op.functions[name] else {
                            throw failure(token, "unknown function '\(name)' (the functions are \(Self.functionList))")
                        }
                        pending.append(.call(name, op, token.location, paren: tokens[i].location, operandBase: operands.count))
                        i += 1
                        if tokens[i].kind == .rightParen {
                            // `f()`: no arguments; let the arity check explain.
                            i += 1
                            operands.append(try reduceCall(name, op, token.location, arguments: []))
                            _ = pending.popLast()
                            expectOperand = false
                        }
                    } else {
                        operands.append(try reference(token, name))
                        expectOperand = false
                    }
                case .minus:
                    pending.append(.negate(token.location))
                case .plus:
                    break  // unary plus changes nothing and makes no node: `const c = +0.5`
                case .leftParen:
                    pending.append(.group(token.location))
                default:
                    throw failure(token, "expected an expression, found \(quoted(token))")
                }
                continue
            }
            switch token.kind {
            case .plus, .minus, .star, .slash, .caret:
                let op = Self.binaryOp(token.kind)
                let incoming = Pending.binary(op, token.location)
                let rightAssociative = op == .pow
                while let top = pending.last, top.precedence > 0,
                      top.precedence > incoming.precedence || (top.precedence == incoming.precedence && !rightAssociative) {
                    pending.removeLast()
                    try reduce(top, &operands)
                }
                pending.append(incoming)
                expectOperand = true
            case .rightParen:
                try reduceUntilOpening(&pending, &operands)
                switch pending.popLast() {
                case .call(let name, let op, let location, _, let base):
                    let arguments = Array(operands[base...])
                    operands.removeSubrange(base...)
                    operands.append(try reduceCall(name, op, location, arguments: arguments))
                case .group:
                    break
                default:
                    throw failure(token, "unmatched ')'")
                }
            case .comma:
                try reduceUntilOpening(&pending, &operands)
                guard case .call = pending.last else {
                    throw failure(token, "',' outside a function call")
                }
                expectOperand = true
            case .end:
                try reduceUntilOpening(&pending, &operands)
                switch pending.last {
                case .group(let location), .call(_, _, _, let location, _):
                    throw LineLexer.Failure(location: location, message: "'(' is not closed")
                default:
                    return operands.last ?? .poisoned
                }
            default:
                throw failure(token, "expected an operator, found \(quoted(token))")
            }
        }
    }

    private static func binaryOp(_ kind: Token.Kind) -> Op {
        switch kind {
        case .minus: .sub
        case .star: .mul
        case .slash: .div
        case .caret: .pow
        default: .add
        }
    }

    static let functionList = Op.allCases.filter { !$0.isInfix && $0 != .neg }.map(\.name).joined(separator: ", ")

    private func failure(_ token: Token, _ message: String) -> LineLexer.Failure {
        LineLexer.Failure(location: token.location, message: message)
    }

    /// Pops and applies operators down to the nearest `(` or call, leaving it in place.
    private mutating func reduceUntilOpening(_ pending: inout [Pending], _ operands: inout [Operand]) throws(LineLexer.Failure) {
        while let top = pending.last, top.precedence > 0 {
            pending.removeLast()
            try reduce(top, &operands)
        }
    }

    private mutating func reduce(_ pending: Pending, _ operands: inout [Operand]) throws(LineLexer.Failure) {
        switch pending {
        case .binary(let op, let location):
            let b = operands.removeLast()
            let a = operands.removeLast()
            operands.append(combine(op, a, b, at: location))
        case .negate(let location):
            switch operands.removeLast() {
            case .literal(let value, _): operands.append(.literal(-value, location))
            case let other: operands.append(combine(.neg, [other], at: location))
            }
        case .group, .call:
            break
        }
    }

    private mutating func reduceCall(_ name: String, _ op: Op, _ location: SourceLocation, arguments: [Operand]) throws(LineLexer.Failure) -> Operand {
        guard op.accepts(inputCount: arguments.count) else {
            let message = op.arity == .variadic
                ? "'\(name)' takes at least 1 argument"
                : "'\(name)' takes 1 argument, got \(arguments.count)"
            throw LineLexer.Failure(location: location, message: message)
        }
        return combine(op, arguments, at: location)
    }

    /// A name used in an expression.
    private func reference(_ token: Token, _ name: String) throws(LineLexer.Failure) -> Operand {
        if let id = graph.id(named: name) { return .node(id) }
        if failedNames.contains(name) { return .poisoned }
        if Op.functions[name] != nil {
            throw failure(token, "'\(name)' is a function; call it as \(name)(...)")
        }
        throw failure(token, "unknown name '\(name)'")
    }

    /// One gate: literals among the inputs become anonymous const nodes first.
    /// A binary gate without building an array of operands first: the common case, a
    /// million times in a long file.
    private mutating func combine(_ op: Op, _ a: Operand, _ b: Operand, at location: SourceLocation) -> Operand {
        guard let first = materialize(a), let second = materialize(b) else { return .poisoned }
        return .node(add(op: op, [first, second], at: location))
    }

    /// The node of an operand, adding a literal as an anonymous const; `nil` if poisoned.
    private mutating func materialize(_ operand: Operand) -> NodeID? {
        switch operand {
        case .poisoned: return nil
        case .node(let id): return id
        case .literal(let value, let location): return add(leaf: .const, name: nil, value: value, at: location)
        }
    }

    private mutating func combine(_ op: Op, _ inputs: [Operand], at location: SourceLocation) -> Operand {
        var ids: [NodeID] = []
        ids.reserveCapacity(inputs.count)
        for input in inputs {
            switch input {
            case .poisoned: return .poisoned
            case .node(let id): ids.append(id)
            case .literal(let value, let literalLocation):
                ids.append(add(leaf: .const, name: nil, value: value, at: literalLocation))
            }
        }
        return .node(add(op: op, ids, at: location))
    }
}
