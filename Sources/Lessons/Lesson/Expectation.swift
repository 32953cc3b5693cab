import Autograd

/// A value a lesson promises, checked by `backprop check`: `f = -12`, `x.grad = -4`,
/// `after 2000 epochs: loss < 0.05`, `with x1 = 1, x2 = 0: f = 1`.
public struct Expectation: Sendable, Equatable {
    /// What is measured.
    public enum Quantity: Sendable, Equatable, CustomStringConvertible {
        /// A node's value.
        case value(String)
        /// ∂output/∂node.
        case grad(String)

        public var node: String {
            switch self {
            case .value(let node), .grad(let node): node
            }
        }

        public var description: String {
            switch self {
            case .value(let node): node
            case .grad(let node): "\(node).grad"
            }
        }

        /// The number in `graph` at `id`, the node this quantity names.
        func read(_ id: NodeID, in graph: Graph) -> Double {
            switch self {
            case .value: graph.value(of: id)
            case .grad: graph.grad(of: id)
            }
        }
    }

    /// How the measured number compares with the expected one.
    public enum Relation: String, Sendable, Equatable, CaseIterable {
        case equal = "="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// The state in which the quantity is measured.
    public enum Context: Sendable, Equatable {
        /// At the lesson's own values, after one forward and backward pass.
        case initial
        /// With some inputs set to other values (a row of a truth table).
        case with([Assignment])
        /// After training for `epochs` epochs with the part's settings; a node's value is
        /// its mean over the data rows.
        case afterEpochs(Int)
    }

    /// `name = value`, setting a leaf.
    public struct Assignment: Sendable, Equatable {
        public var name: String
        public var value: Double

        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    public var context: Context
    public var quantity: Quantity
    public var relation: Relation
    public var expected: Double
    /// How far off an `=` may be: given with `± TOL`, else half a unit in the last written
    /// decimal (`0.73` means 0.725 … 0.735), else 1e-9 for integers.
    public var tolerance: Double
    /// The expectation as written, for messages.
    public var text: String
    public var location: SourceLocation

    public init(
        context: Context, quantity: Quantity, relation: Relation, expected: Double, tolerance: Double,
        text: String, location: SourceLocation
    ) {
        self.context = context
        self.quantity = quantity
        self.relation = relation
        self.expected = expected
        self.tolerance = tolerance
        self.text = text
        self.location = location
    }

    /// Whether a measured number satisfies the expectation.
    public func holds(for got: Double) -> Bool {
        guard got.isFinite else { return false }
        switch relation {
        case .equal: return Swift.abs(got - expected) <= tolerance
        case .less: return got < expected
        case .lessOrEqual: return got <= expected
        case .greater: return got > expected
        case .greaterOrEqual: return got >= expected
        }
    }

    /// The names the expectation refers to: its quantity's node and any assigned inputs.
    public var names: [String] {
        var names = [quantity.node]
        if case .with(let assignments) = context { names += assignments.map(\.name) }
        return names
    }
}
