import Foundation
import Lessons

/// Writing to stdout and stderr in one piece each, so that large reports are fast and
/// diagnostics never interleave with results.
enum Output {
    /// Writes the String's own bytes (no copy: a million-row table is 40 MB).
    static func print(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }  // stdout closed: nothing more to do
                offset += written
            }
        }
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
