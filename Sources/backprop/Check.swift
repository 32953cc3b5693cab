import ArgumentParser
import Lessons

/// `backprop check FILE ...`: validate files, report every problem in compiler format.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check graph and lesson files: report every error and warning as FILE:LINE:COL.",
        discussion: """
            Errors and warnings go to stderr; a one-line summary of each file without \
            errors goes to stdout. The exit status is non-zero when any file has an error.

            A lesson's expected values are verified too (training it where it says \
            'after N epochs').

            Example: backprop check examples/*.graph lessons/*.yaml
            """
    )

    @Argument(help: "The graph or lesson files (or bundled lesson names) to check.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            let result = GraphSource.check(path: file)
            Output.error(result.diagnostics)
            if let summary = result.summary { Output.print(summary + "\n") }
            failed = failed || result.hasErrors
        }
        if failed { throw ExitCode.failure }
    }
}
