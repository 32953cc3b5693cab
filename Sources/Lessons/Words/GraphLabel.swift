import Autograd

extension Graph {
    /// A node as reports and messages name it: its name, else its op's symbol, else (an
    /// unnamed constant) its value. The tutor's screens name nodes through `GraphScene`,
    /// which spells anonymous gates out (`w1·x1`).
    public func label(of id: NodeID) -> String {
        if let name = name(of: id) { return name }
        if let op = op(of: id) { return op.symbol }
        return NumberFormat.short(value(of: id))
    }
}
