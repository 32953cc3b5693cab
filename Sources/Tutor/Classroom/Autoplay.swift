import Autograd
import Lessons

/// Hands-free playback for `backprop play LESSON --autoplay SECONDS`: one advance every
/// `interval` seconds; space pauses and resumes; `+`/`-` step through a ladder of speeds;
/// at the end of the lesson it stops and waits.
///
/// A pure timing model: the run loop passes the time (seconds on a monotonic clock) and
/// asks whether to advance, so every behaviour is testable without a clock.
public struct Autoplay: Sendable, Equatable {
    /// Seconds between two advances.
    public private(set) var interval: Double
    public private(set) var isPaused = false
    /// True once an advance was due at the end of the lesson: playback waits there.
    public private(set) var isWaitingAtEnd = false
    /// When the next advance is due (meaningless while paused).
    public private(set) var due: Double

    /// The intervals `+` and `-` move between, fastest first.
    public static let ladder: [Double] = [0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 30]
    /// The accepted range for `--autoplay`.
    public static let range: ClosedRange<Double> = 0.05...3600

    /// Playback starting at `now`, first advance one interval later.
    public init(interval: Double, now: Double) {
        self.interval = min(max(interval, Self.range.lowerBound), Self.range.upperBound)
        self.due = now + self.interval
    }

    /// Whether to advance now. `atEnd`: the lesson has no further step, so playback stops
    /// and waits (and carries on by itself if the student steps back).
    public mutating func poll(now: Double, atEnd: Bool) -> Bool {
        guard !isPaused, now >= due else { return false }
        if atEnd {
            // Look again one interval later (the student may step back), not at once.
            isWaitingAtEnd = true
            due = now + interval
            return false
        }
        isWaitingAtEnd = false
        // Never more than one advance per poll: after a long stall the next one is a full
        // interval away instead of a burst of catch-up steps.
        due += interval
        if due <= now { due = now + interval }
        return true
    }

    /// Space: pause, or resume with a full interval before the next advance.
    public mutating func togglePause(now: Double) {
        isPaused.toggle()
        if !isPaused { due = now + interval }
    }

    /// `+`: the next shorter interval on the ladder.
    public mutating func faster(now: Double) {
        let shorter = Self.ladder.last { $0 < interval - 1e-9 } ?? Self.ladder[0]
        retime(min(interval, shorter), now: now)
    }

    /// `-`: the next longer interval on the ladder.
    public mutating func slower(now: Double) {
        let longer = Self.ladder.first { $0 > interval + 1e-9 } ?? Self.ladder[Self.ladder.count - 1]
        retime(max(interval, longer), now: now)
    }

    /// The student moved by hand: the next automatic advance is a full interval away.
    public mutating func restartTimer(now: Double) {
        due = now + interval
    }

    private mutating func retime(_ newInterval: Double, now: Double) {
        interval = newInterval
        due = now + interval
    }

    /// Seconds until the next advance (0 if overdue); `nil` while paused.
    public func timeout(now: Double) -> Double? {
        isPaused ? nil : max(0, due - now)
    }

    /// For the status line: `▶ every 2 s`, `⏸ paused`, `■ stopped` (at the end, which the phase says).
    public func label(unicode: Bool = true) -> String {
        let seconds = NumberFormat.seconds(interval)
        if isPaused { return unicode ? "⏸ paused (every \(seconds))" : "|| paused (every \(seconds))" }
        if isWaitingAtEnd { return unicode ? "■ stopped" : "[] stopped" }
        return unicode ? "▶ every \(seconds)" : "> every \(seconds)"
    }
}

extension NumberFormat {
    /// `2 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String { short(value, digits: 2) + " s" }
}
