import ArgumentParser
import Autograd
import Lessons
import Screen
import Tutor

/// `backprop learn TARGET`: step through a lesson or a graph file, one key at a time.
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a lesson or a graph, forward and backward, one key at a time.",
        discussion: """
            TARGET is a bundled lesson's name (see 'backprop lessons'), a lesson file \
            (.yaml) or a graph file. Keys: → / space / l next step, ← / h back, ? help, \
            q quit. Without a terminal (a pipe, TERM unset or dumb) the frames are printed \
            as plain text instead.

            Example: backprop learn examples/chain-rule.graph
            """
    )

    @Argument(help: "A lesson name, a lesson file or a graph file.")
    var target: String

    @Flag(help: "Step the backward pass one edge at a time.")
    var edges = false

    @Flag(help: "Quiz mode: predict each value and gradient before it is shown (z toggles it).")
    var quiz = false

    @Flag(help: "Neither resume nor save your progress (also BACKPROP_NO_STATE=1, e.g. on a shared machine).")
    var noSave = false

    @Option(help: ArgumentHelp("Numbers of your own: the lesson's leaves drawn anew, the same for the same N everywhere (1 to 1000000).", valueName: "N"))
    var variant: Int?

    @Flag(help: "Linear mode, for screen readers and braille displays: plain sentences, formulas in words, one command a line (Enter next, b back, q quit, ? the commands).")
    var linear = false

    @OptionGroup var look: LookOptions

    func validate() throws {
        if let variant, !Lesson.variants.contains(variant) { throw ValidationError("--variant takes a number from 1 to 1000000; got \(variant)") }
    }

    func run() throws {
        let subject = try Launch.open(target, variant: variant)
        var options = ClassroomOptions(quiz: quiz)
        options.preferences = .resolve(look)
        if !noSave, case .lesson(let lesson) = subject {
            options.progress = ProgressSaver.forLesson(lesson, named: target, variant: variant)
        }
        if linear {
            var plain = PlainFrames(subject: subject, size: Size(width: 100, height: 30), unicode: true,
                                    granularity: edges ? .edge : .node)
            plain.linear = true
            LinearSession.run(try plain.start(), options: options)
            return
        }
        try Session.run(subject, granularity: edges ? .edge : .node, options: options)
    }
}

/// `backprop expr "EXPR" NAME=VALUE ...`: a graph from one expression, interactively.
struct Expr: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through the graph of one expression.",
        discussion: """
            Every name in the expression needs a value. The operators and functions are \
            those of the graph language: + - * / ^, exp log tanh sigmoid relu step sign abs \
            sqrt max min.

            Example: backprop expr "(x+y)*z" x=-2 y=5 z=-4
            """
    )

    @Argument(help: "The expression, quoted.")
    var expression: String

    @Argument(help: ArgumentHelp("A value for each name in the expression.", valueName: "NAME=VALUE"))
    var values: [String] = []

    @Flag(help: "Step the backward pass one edge at a time.")
    var edges = false

    @OptionGroup var look: LookOptions

    func run() throws {
        let graph: Graph
        do {
            graph = try ExpressionGraph(expression: expression, bindings: values).build()
        } catch {
            throw Launch.failure(error.message)
        }
        var options = ClassroomOptions()
        options.preferences = .resolve(look)
        try Session.run(.graph(title: expression, graph), granularity: edges ? .edge : .node, options: options)
    }
}
