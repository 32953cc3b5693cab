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
            'after N epochs'). With --part, a lesson's summary line is of that part: its \
            output's value and its expected values (every part is still checked).

            Examples: backprop check examples/*.graph lessons/*.yaml
                      backprop check xor --part 2
            """
    )

    @Argument(help: "The graph or lesson files (or bundled lesson names) to check.")
    var files: [String]

    @Option(help: "For lessons with several parts: the part the summary line reports (from 1).")
    var part: Int?

    func validate() throws {
        if let part, part < 1 { throw ValidationError("--part counts from 1; got \(part)") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let result = GraphSource.check(path: file, part: part.map { $0 - 1 })
            Output.error(result.diagnostics)
            if let summary = result.summary { Output.print(summary + "\n") }
            failed = failed || result.hasErrors
        }
        if failed { throw ExitCode.failure }
    }
}
