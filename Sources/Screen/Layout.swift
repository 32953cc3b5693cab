/// How much of a row or column split a part asks for (see `Rect.split`).
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less if the whole does not fit).
    case length(Int)
    /// This percentage of the whole.
    case percentage(Int)
    /// A share of what the fixed parts leave over, by weight.
    case fill(Int)
}

/// The direction of a split.
public enum Axis: Sendable, Hashable {
    /// Parts stacked top to bottom.
    case vertical
    /// Parts side by side, left to right.
    case horizontal
}

extension Rect {
    /// Splits the rectangle into consecutive parts along `axis`. Fixed parts are served
    /// first, in order, and shrink when space runs out; `fill` parts share the rest by
    /// weight, the last one taking the rounding remainder. Always returns one rect per
    /// constraint, and they exactly tile the span they cover.
    public func split(_ axis: Axis, _ constraints: [Constraint]) -> [Rect] {
        let total = axis == .vertical ? height : width
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = total
        for (i, c) in constraints.enumerated() {
            switch c {
            case .length(let n): sizes[i] = min(max(0, n), remaining)
            case .percentage(let p): sizes[i] = min(max(0, total * p / 100), remaining)
            case .fill: continue
            }
            remaining -= sizes[i]
        }
        let fills = constraints.indices.filter { if case .fill = constraints[$0] { return true } else { return false } }
        let weights = fills.map { i -> Int in if case .fill(let w) = constraints[i] { return max(0, w) } else { return 0 } }
        let weightSum = weights.reduce(0, +)
        var given = 0
        for (k, i) in fills.enumerated() {
            let share = k == fills.count - 1 ? remaining - given : (weightSum == 0 ? 0 : remaining * weights[k] / weightSum)
            sizes[i] = share
            given += share
        }
        var parts: [Rect] = []
        var cursor = axis == .vertical ? y : x
        for s in sizes {
            switch axis {
            case .vertical: parts.append(Rect(x: x, y: cursor, width: width, height: s))
            case .horizontal: parts.append(Rect(x: cursor, y: y, width: s, height: height))
            }
            cursor += s
        }
        return parts
    }
}
