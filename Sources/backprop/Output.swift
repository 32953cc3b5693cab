import Foundation
import Lessons

/// Writing to stdout and stderr in one piece each, so that large reports are fast and
/// diagnostics never interleave with results.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func errorLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map { "\($0)\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
