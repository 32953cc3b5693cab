import ArgumentParser
import Lessons

/// `backprop check FILE ...`: validate files, report every problem in compiler format.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check graph files: report every error and warning as FILE:LINE:COL.",
        discussion: """
            Errors and warnings go to stderr; a one-line summary of each file without \
            errors goes to stdout. The exit status is non-zero when any file has an error.

            Example: backprop check examples/*.graph
            """
    )

    @Argument(help: "The files to check.")
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
