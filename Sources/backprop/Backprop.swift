import ArgumentParser

/// The `backprop` command: a terminal tutor that makes backpropagation visible.
@main
struct Backprop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backprop",
        abstract: "A terminal tutor that makes backpropagation visible.",
        discussion: """
            Without a subcommand, in a terminal: choose a lesson from a menu.

            Example: backprop learn chain-rule
            """,
        version: "0.1.0",
        subcommands: [Eval.self, Check.self, LessonsCommand.self, Learn.self, Play.self, Expr.self, Render.self, ProgressCommand.self, ConfigCommand.self, BenchCommand.self]
    )

    /// Parses the command line with negative numbers kept as values (`--step -1`).
    static func main() {
        main(NegativeValues.attached(Array(CommandLine.arguments.dropFirst())))
    }

    /// No subcommand: the lesson picker (or, without a terminal, the list and the usage).
    func run() throws {
        try LessonMenu.run()
    }
}
