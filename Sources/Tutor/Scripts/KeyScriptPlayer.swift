/// Plays a `KeyScript` against a clock: one key every `gap` seconds, pauses as written.
/// A pure value: the caller passes the time (seconds on any monotonic clock) and gets the
/// keys that are due, so tests need no clock and no sleeping.
public struct KeyScriptPlayer: Sendable, Equatable {
    public let script: KeyScript
    /// Seconds between two keys.
    public let gap: Double
    /// The next event to play.
    public private(set) var index = 0
    /// When the next event is due.
    public private(set) var due: Double

    /// A player whose first key is due one `gap` after `now` (so the first frame is seen).
    public init(script: KeyScript, gap: Double, now: Double) {
        self.script = script
        self.gap = max(0, gap)
        self.due = now + max(0, gap)
    }

    public var isFinished: Bool { index >= script.events.count }

    /// The keys due at `now`, in order; pauses push the following keys back.
    public mutating func poll(now: Double) -> [String] {
        var keys: [String] = []
        while index < script.events.count, now >= due {
            switch script.events[index] {
            case .key(let name):
                keys.append(name)
                due += gap
            case .pause(let seconds):
                due += seconds
            }
            index += 1
        }
        return keys
    }

    /// Seconds until the next event is due (0 if overdue), `nil` when the script is done:
    /// how long the input loop may wait for a key.
    public func timeout(now: Double) -> Double? {
        isFinished ? nil : max(0, due - now)
    }
}
