import Screen

/// Everything that reaches the tutor from outside, the one message `update` takes: a key
/// (typed, or from a key script), the clock, a new terminal size, Ctrl-C. The run loop
/// turns whatever the terminal reports into these; a key becomes an `Action` in the
/// `KeyMap` (`KeyMap.action(for:in:)`), the clock drives autoplay.
public enum Input: Hashable, Sendable {
    /// A key press. (`Key.resize` and `Key.interrupt` are terminal events: send `.resize`
    /// and `.interrupt` for them.)
    case key(Key)
    /// The session's clock reads `now` seconds: autoplay advances when it is due.
    case tick(now: Double)
    /// The terminal is now this size.
    case resize(Size)
    /// Ctrl-C or SIGTERM: leave at once, whatever waits.
    case interrupt
}

extension Input {
    /// What the terminal reported, as an input: its resize (at the terminal's `size` now)
    /// and Ctrl-C events are inputs of their own, everything else a key.
    public init(_ key: Key, terminalSize size: Size) {
        switch key {
        case .resize: self = .resize(size)
        case .interrupt: self = .interrupt
        default: self = .key(key)
        }
    }
}
