import Foundation

// The rules of every op, forward and backward side by side: read a row of `apply` with the
// same row of `localGradients`. Unary ops ignore `b`. Variadic `max`/`min`/`sum` are at the end.
// Every pass reads them through `value(inputs:_:)` and `forEachLocal(inputs:output:_:_:)`,
// the one place that chooses between the unary, binary and variadic forms: the fast passes
// (Passes.swift), `Graph.evaluate` / `localGradient` and so the Stepper.
//
//  op       forward          ∂/∂a                      ∂/∂b
//  add      a + b            1                         1
//  sub      a − b            1                         −1
//  mul      a · b            b                         a
//  div      a / b            1/b                       −a/b²
//  pow      aᵇ               b·aᵇ⁻¹                    aᵇ·ln a  (0 where a = 0 or the power is 0)
//  neg      −a               −1
//  exp      eᵃ               eᵃ
//  log      ln a             1/a
//  tanh     tanh a           1 − tanh²a
//  sigmoid  σ(a)             σ(a)(1 − σ(a))
//  relu     max(0, a)        1 if a > 0 else 0         (relu'(0) = 0)
//  step     u(a) = [a > 0]   0                         (u(0) = 0, as seed 001's σ: 1 if x > 0, else 0)
//  sign     sign a           0
//  abs      |a|              sign a                    (abs'(0) = 0)
//  sqrt     √a               1/(2√a)
//  max/min  extreme of all   1 for the first extreme input, 0 for the rest
//  sum      a + b + c + …    1 for every input

extension Op {
    /// The forward rule of a unary or binary op.
    @inlinable
    public func apply(_ a: Double, _ b: Double = 0) -> Double {
        switch self {
        case .add: return a + b
        case .sub: return a - b
        case .mul: return a * b
        case .div: return a / b
        case .pow: return Foundation.pow(a, b)
        case .neg: return -a
        case .exp: return Foundation.exp(a)
        case .log: return Foundation.log(a)
        case .tanh: return Foundation.tanh(a)
        case .sigmoid: return 1 / (1 + Foundation.exp(-a))
        case .relu: return a > 0 ? a : 0
        case .step: return a > 0 ? 1 : 0
        case .sign: return a > 0 ? 1 : (a < 0 ? -1 : (a.isNaN ? .nan : 0))
        case .abs: return Swift.abs(a)
        case .sqrt: return a.squareRoot()
        case .max: return Swift.max(a, b)
        case .min: return Swift.min(a, b)
        case .sum: return a + b
        }
    }

    /// The local derivatives ∂out/∂a and ∂out/∂b of a unary or binary op at inputs `a`, `b`
    /// with forward result `output` (several rules are cheapest in terms of the output).
    @inlinable
    public func localGradients(_ a: Double, _ b: Double, output: Double) -> (Double, Double) {
        switch self {
        case .add: return (1, 1)
        case .sub: return (1, -1)
        case .mul: return (b, a)
        case .div: return (1 / b, -a / (b * b))
        case .pow:
            let da = b == 0 ? 0 : b * Foundation.pow(a, b - 1)
            // ∂/∂b is aᵇ·ln a; where aᵇ is 0 the product is 0 whatever ln a is.
            let db = output == 0 ? 0 : output * Foundation.log(a)
            return (da, db)
        case .neg: return (-1, 0)
        case .exp: return (output, 0)
        case .log: return (1 / a, 0)
        case .tanh: return (1 - output * output, 0)
        case .sigmoid: return (output * (1 - output), 0)
        case .relu: return (a > 0 ? 1 : 0, 0)
        case .step, .sign: return (0, 0)
        case .abs: return (a > 0 ? 1 : (a < 0 ? -1 : 0), 0)
        case .sqrt: return (0.5 / output, 0)
        case .max: return a >= b ? (1, 0) : (0, 1)
        case .min: return a <= b ? (1, 0) : (0, 1)
        case .sum: return (1, 1)
        }
    }

    /// The forward rule of a variadic op over its inputs' values, in order: the sum, added
    /// left to right, or the winning input's value.
    @inlinable
    public func applyVariadic<C: Collection>(_ inputs: C) -> Double where C.Element == Double {
        guard !picksOneInput else {
            let winner = winningPosition(of: inputs)
            return inputs.dropFirst(winner).first ?? .nan
        }
        var total = inputs.first ?? 0
        for value in inputs.dropFirst() { total += value }
        return total
    }

    /// The local derivative of a variadic op for the input at `position`, given the
    /// winner of a `max`/`min` (ignored by `sum`, whose every local derivative is 1).
    @inlinable
    public func variadicLocal(at position: Int, winner: Int) -> Double {
        picksOneInput ? (position == winner ? 1 : 0) : 1
    }

    /// For `max`/`min` over any number of inputs: the position of the input that wins (the
    /// first one on a tie), which is the only input the gradient is routed to.
    @inlinable
    public func winningPosition<C: Collection>(of inputs: C) -> Int where C.Element == Double {
        var best = 0
        var bestValue = inputs.first ?? .nan
        for (position, value) in inputs.enumerated().dropFirst() {
            if self == .max ? value > bestValue : value < bestValue {
                best = position
                bestValue = value
            }
        }
        return best
    }

    // MARK: One entry for every pass

    /// The op's value over its `count` inputs, the k-th read by `input(k)`.
    @inlinable @inline(__always)
    public func value(inputs count: Int, _ input: (Int) -> Double) -> Double {
        switch arity {
        case .unary: return apply(input(0))
        case .binary: return apply(input(0), input(1))
        case .variadic: return applyVariadic((0..<count).lazy.map(input))
        }
    }

    /// Calls `body(k, ∂out/∂input k)` for each of the op's `count` inputs, in order, given
    /// its forward result `output`.
    @inlinable @inline(__always)
    public func forEachLocal(inputs count: Int, output: Double, _ input: (Int) -> Double, _ body: (Int, Double) -> Void) {
        switch arity {
        case .unary:
            body(0, localGradients(input(0), 0, output: output).0)
        case .binary:
            let (da, db) = localGradients(input(0), input(1), output: output)
            body(0, da)
            body(1, db)
        case .variadic:
            let winner = picksOneInput ? winningPosition(of: (0..<count).lazy.map(input)) : 0
            for k in 0..<count { body(k, variadicLocal(at: k, winner: winner)) }
        }
    }
}
