/// The undo history of a Stepper: for every step taken, the old contents of each number it
/// overwrote. Stepping back writes them back in reverse order, so it restores the state bit
/// for bit and costs time proportional to what the step changed, not to the graph.
///
/// Stored flat (one 16-byte entry per overwritten number, one offset per step) so that a
/// full pass over a large graph stays small.
struct ChangeLog: Sendable, Equatable {
    /// Which array of the stepper's state a number lives in.
    enum Store: UInt8, Sendable {
        case value, grad, batch
    }

    struct Change: Sendable, Equatable {
        let store: Store
        let index: UInt32
        let old: Double
    }

    private(set) var changes: [Change] = []
    /// `changes[starts[i]...]` up to the next start belong to step i.
    private(set) var starts: [Int] = []

    mutating func beginStep() { starts.append(changes.count) }

    mutating func record(_ store: Store, _ index: Int, old: Double) {
        changes.append(Change(store: store, index: UInt32(truncatingIfNeeded: index), old: old))
    }

    /// Forgets the last step's changes (after they have been written back).
    mutating func dropLastStep() {
        guard let start = starts.popLast() else { return }
        changes.removeSubrange(start...)
    }

    /// The last step's changes in the order they were made, without removing them.
    var lastStep: ArraySlice<Change> {
        guard let start = starts.last else { return [] }
        return changes[start...]
    }

    /// Bytes held by the history (capacity, not just count: what the process really pays).
    var byteCount: Int {
        changes.capacity * MemoryLayout<Change>.stride + starts.capacity * MemoryLayout<Int>.stride
    }
}
