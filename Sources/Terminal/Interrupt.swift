import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM while the screen is up. The handler only stores the
/// signal number in an atomic — the one process-wide variable, as a signal handler can
/// reach nothing else — and the key loop notices it, restores the terminal, and the
/// program exits with 128 + signal (130 for Ctrl-C).
public enum InterruptSignal {
    /// The last signal caught, 0 if none.
    static let caught = Atomic<Int32>(0)

    /// Installs the handlers (before curses starts, so curses keeps them).
    public static func install() {
        signal(SIGINT) { sig in InterruptSignal.caught.store(sig, ordering: .relaxed) }
        signal(SIGTERM) { sig in InterruptSignal.caught.store(sig, ordering: .relaxed) }
    }

    /// Puts the default handlers back (after the terminal is restored), so a later Ctrl-C
    /// stops the process as usual. A signal already caught stays recorded.
    public static func uninstall() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// True once a signal has been caught.
    public static var isPending: Bool { caught.load(ordering: .relaxed) != 0 }

    /// The exit status the program should end with: 128 + the signal, or nil if none came.
    public static var exitStatus: Int32? {
        let sig = caught.load(ordering: .relaxed)
        return sig == 0 ? nil : 128 + sig
    }
}
