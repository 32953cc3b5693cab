import Foundation
import Tutor

/// How `play` and `learn --quiz` start the tutor: quiz mode, autoplay, a key script, and
/// the playback key map (space pauses, + and - change the speed).
struct ClassroomOptions {
    var quiz = false
    /// Seconds per autoplay advance.
    var autoplay: Double?
    var script: KeyScript?
    /// Whether the playback keys are bound (the `play` command).
    var playback = false
    /// Keeps the student's progress (`learn` and the menu, in a terminal): the session
    /// resumes at the stored place and saves as it goes.
    var progress: ProgressSaver?
    /// Where `play --record` writes its cast, and the title in its header.
    var recordPath: String?
    var recordTitle = "backprop play"
    /// Theme, ASCII and hints (the settings file and the command line).
    var preferences = Preferences.defaults

    /// Seconds between two scripted keys: the autoplay interval, else one second.
    var scriptGap: Double { autoplay ?? 1 }

    /// The key map the session uses.
    var keyMap: KeyMap { playback ? Classroom.playbackKeyMap(.classroom) : .classroom }

    /// Switches the features on in a fresh state.
    func prepare(_ state: inout TutorState, now: Double) {
        state.classroom.quizEnabled = quiz
        state.keyHintsShown = preferences.hints.value
        if let autoplay { state.startAutoplay(interval: autoplay, now: now) }
        if let stored = progress?.keeper.base { state.resume(stored) }
    }
}

/// Seconds since the clock was made, on a monotonic clock: what autoplay and key scripts
/// are timed with.
struct Stopwatch {
    private let start = ContinuousClock.now

    var seconds: Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}
