import Foundation
import ArgumentParser
import Lessons
import Tutor

/// Opening what a command names, with errors printed the compiler way and a non-zero exit.
enum Launch {
    /// The subject `target` names, or an exit after printing why it cannot be opened.
    static func open(_ target: String, variant: Int? = nil) throws -> Subject {
        do {
            return try Target.open(target, variant: variant)
        } catch {
            Output.error(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// Prints `message` to stderr and gives the error that exits with status 1.
    static func failure(_ message: String) -> ExitCode {
        Output.errorLine(message)
        return ExitCode.failure
    }
}
