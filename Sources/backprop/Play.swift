import ArgumentParser
import Lessons
import Tutor

/// `backprop play LESSON [--autoplay SECONDS] [--keys KEYS]`: a lesson hands-free, for a
/// class.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a lesson hands-free: on a timer, or from a prepared key script.",
        discussion: """
            --autoplay SECONDS advances every SECONDS: single steps through the first \
            pass of each part, then a row of data or a chunk of training epochs at a time, \
            so a class watches the decision map change and the loss fall. Space pauses and \
            resumes, + and - change the speed, → / ← still step, q quits. At the end it \
            stops and waits. Without --autoplay and --keys, it advances every 3 seconds (or \
            as 'autoplay:' in the settings file says; see 'backprop config').

            --keys KEYS plays a key script, one key per second (or per autoplay interval): \
            key names (right → next l, left ← back h, up, down, space, enter, esc, tab, \
            backspace, home, end, pgup, pgdn, or any single character), a repeat of \
            the key before (×5, *5 or x5), 'pause SECONDS', and 'type TEXT' for a quiz \
            answer, separated by spaces or commas. Example: --keys "→ ×5, pause 2, ← ×2, q". When the script ends \
            without q, the keyboard is yours.

            --record FILE.cast writes an asciinema recording (cast format 2) of what the \
            terminal showed, with a marker at each step and each part (asciinema's player \
            shows them as chapters and can pause at each). 'render --cast' makes the same \
            recording without a terminal.

            Without a terminal the frames are printed as plain text and the exit status is 0.

            Example: backprop play xor --autoplay 2
            """
    )

    @Argument(help: "A lesson name, a lesson file or a graph file.")
    var target: String

    @Option(help: ArgumentHelp("Advance every SECONDS seconds.", valueName: "SECONDS"))
    var autoplay: Double?

    @Option(help: ArgumentHelp("A key script to play (see above).", valueName: "KEYS"))
    var keys: String?

    @Flag(help: "Quiz mode (answers can be typed in the key script).")
    var quiz = false

    @OptionGroup var look: LookOptions

    @Option(help: ArgumentHelp("Numbers of your own: the lesson's leaves drawn anew, the same for the same N everywhere (1 to 1000000).", valueName: "N"))
    var variant: Int?

    @Option(help: ArgumentHelp("Record what the terminal shows to an asciinema cast, a marker at each step.", valueName: "FILE.cast"))
    var record: String?

    func validate() throws {
        if let variant, !Lesson.variants.contains(variant) { throw ValidationError("--variant takes a number from 1 to 1000000; got \(variant)") }
        if let autoplay, !Autoplay.range.contains(autoplay) {
            throw ValidationError("--autoplay takes seconds from 0.05 to 3600; got \(autoplay)")
        }
        if let keys, case .failure(let error) = KeyScript.parse(keys) {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        var script: KeyScript?
        if let keys {
            switch KeyScript.parse(keys) {
            case .success(let parsed): script = parsed
            case .failure(let error): throw ValidationError(error.description)
            }
        }
        // Playback without a timer or a script would just be `learn`: default to a timer
        // (`autoplay:` in the settings file, else 3 s).
        let preferences = Preferences.resolve(look, autoplay: autoplay)
        let interval = autoplay ?? (script == nil ? preferences.autoplay.value : nil)
        var options = ClassroomOptions(quiz: quiz, autoplay: interval, script: script, playback: true)
        options.preferences = preferences
        options.recordPath = record
        options.recordTitle = "backprop play \(target)"
        try Session.run(Launch.open(target, variant: variant), granularity: .node, options: options)
    }
}
