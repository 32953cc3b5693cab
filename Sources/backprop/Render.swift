import ArgumentParser
import Screen
import Terminal
import Lessons
import Tutor

extension GraphView: ExpressibleByArgument {}

/// `backprop render TARGET [--step N | --all] [--width W] [--height H]`: the screen at a
/// step as plain text — the same drawing code as the interactive tutor, deterministic, for
/// handouts and tests.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the tutor's screen at a step as plain text.",
        discussion: """
            TARGET is a lesson name, a lesson file (.yaml) or a graph file. Step 0 is the \
            start, before anything is computed; step N is the screen after N steps. With \
            --all the frames are printed, each under a line '=== frame N/M: STEP ===': \
            every step of the part's first pass, then as 'play' paces the rest — for a part \
            that trains, the end of every k-th epoch (about 40 frames, each header with the \
            mean loss), for data without training the end of each row (of every k-th row, about 40 \
            frames, where there are many). --step N shows any \
            other frame. With --markdown --all, the same steps for every part from --part on. \
            With --cast FILE.cast, an asciinema recording of the lesson from --part on as \
            'play --autoplay' shows it (colours unless NO_COLOR; --ascii holds), a frame \
            every --interval seconds and a marker at each step and part; two runs write the \
            same bytes.

            Example: backprop render examples/chain-rule.graph --step 3 --width 80 --height 24
            """
    )

    @Argument(help: "A lesson name, a lesson file or a graph file.")
    var target: String

    @Option(help: "The step to show (0 = the start).")
    var step: Int?

    @Flag(help: "Print the frames from the start to the end (training: about 40 epochs' ends; see below).")
    var all = false

    @Option(help: "Screen width in columns.")
    var width = 100

    @Option(help: "Screen height in rows.")
    var height = 30

    @OptionGroup var look: LookOptions

    @Flag(help: "Step the backward pass one edge at a time.")
    var edges = false

    @Option(help: "For a lesson with several parts: the part to show (from 1).")
    var part = 1

    @Option(help: ArgumentHelp("Numbers of your own: the lesson's leaves drawn anew, the same for the same N everywhere (1 to 1000000).", valueName: "N"))
    var variant: Int?

    @Flag(help: "Print the step as linear mode says it (learn --linear): plain sentences, numbers in words, no drawing.")
    var linear = false

    @Option(help: ArgumentHelp("Write an asciinema recording of the lesson from --part on, as 'play --autoplay' shows it, a marker at each step.", valueName: "FILE.cast"))
    var cast: String?

    @Option(help: ArgumentHelp("With --cast: seconds between frames (default 1).", valueName: "SECONDS"))
    var interval: Double?

    @Option(help: "The drawing to show: circuit (a gate per operator) or flow (a box per neuron, weights on the edges); default: the part's own.")
    var view: GraphView?

    @Flag(help: "Write a Markdown handout instead: per step the narration, the formulas with their numbers and a table of values and gradients.")
    var markdown = false

    func validate() throws {
        if let variant, !Lesson.variants.contains(variant) { throw ValidationError("--variant takes a number from 1 to 1000000; got \(variant)") }
        if all && step != nil { throw ValidationError("give either --step N or --all, not both") }
        if linear && (markdown || cast != nil) { throw ValidationError("--linear prints text: give it without --markdown and --cast") }
        if cast != nil && (all || step != nil || markdown) { throw ValidationError("--cast records the whole lesson: give it without --step, --all and --markdown") }
        if let interval, cast == nil { throw ValidationError("--interval \(interval) goes with --cast") }
        if let interval, !Autoplay.range.contains(interval) { throw ValidationError("--interval takes seconds from 0.05 to 3600; got \(interval)") }
        if let step, step < 0 { throw ValidationError("--step must be 0 or more; got \(step)") }
        if part < 1 { throw ValidationError("--part counts from 1; got \(part)") }
        guard (20...1000).contains(width), (5...1000).contains(height) else {
            throw ValidationError("--width must be 20...1000 and --height 5...1000; got \(width)×\(height)")
        }
    }

    func run() throws {
        let subject = try Launch.open(target, variant: variant)
        let preferences = Preferences.resolve(look)
        // Linear mode spells the Unicode formulas out in words; ASCII would garble them first.
        let unicode = preferences.unicode || linear
        // `learn`'s keys, so the hint line offers what the lesson's words do (`t loss chart`).
        var frames = PlainFrames(subject: subject, size: Size(width: width, height: height), unicode: unicode,
                                 granularity: edges ? .edge : .node, part: part - 1, keyMap: .classroom)
        frames.keyHints = preferences.hints.value
        frames.linear = linear
        guard part <= subject.partCount else {
            throw Launch.failure("error: --part \(part): \(target) has \(subject.partCount) part\(subject.partCount == 1 ? "" : "s")")
        }
        if let cast {
            // As `play --autoplay` shows it: its keys on the hint line, in colour.
            let options = ClassroomOptions(autoplay: interval ?? 1, playback: true)
            var colored = frames
            colored.theme = preferences.theme.value
            colored.color = !TerminalEnvironment.current().noColor
            colored.keyMap = options.keyMap
            try PlayFrames(plain: colored, options: options).record(to: cast, title: "backprop play \(target)", interval: interval ?? 1, option: "--cast")
            return
        }
        var state = try frames.start()
        if let view, view != state.graphView {
            guard state.flow != nil else {
                throw Launch.failure("error: --view flow: part \(part) of \(target) has no neurons to draw as a flow diagram")
            }
            state = update(state, .toggleGraphView)
        }
        if markdown {
            Output.print(all ? Handout.markdown(from: state) : Handout.markdown(at: update(state, .jump(to: step ?? 0))))
        } else if all {
            Output.print(frames.all(from: state).joined())
        } else {
            let at = step ?? 0
            guard at <= state.stepper.count else {
                throw Launch.failure("error: --step \(at) is past the end: \(target) has \(state.stepper.count) steps (0 is the start)")
            }
            Output.print(frames.frame(of: state, at: at))
        }
    }
}
