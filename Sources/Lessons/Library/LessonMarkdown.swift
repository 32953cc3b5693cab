import Foundation

/// Lessons inside Markdown: the fenced ```` ```yaml ```` blocks of a guide such as
/// `lessons/README.md`, so `backprop check lessons/*` checks the guide's examples too.
public enum LessonMarkdown {
    /// One fenced block: the line of its opening fence and its text.
    public struct Block: Sendable, Equatable {
        public var fenceLine: Int
        public var text: String
    }

    /// Every ```` ```yaml ```` block that holds a lesson (a `title:` line at the top level).
    public static func lessonBlocks(in markdown: String) -> [Block] {
        var blocks: [Block] = []
        var current: (fence: Int, lines: [String])?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var open = current {
                if trimmed == "```" {
                    if open.lines.contains(where: { $0.hasPrefix("title:") }) {
                        blocks.append(Block(fenceLine: open.fence, text: open.lines.joined(separator: "\n") + "\n"))
                    }
                    current = nil
                } else {
                    open.lines.append(String(line))
                    current = open
                }
            } else if trimmed == "```yaml" {
                current = (index + 1, [])
            }
        }
        return blocks
    }

    /// Loads and checks every lesson block, with positions in the Markdown file: the
    /// block's text is preceded by as many blank lines as come before it, which YAML
    /// ignores, so line numbers need no translation.
    public static func check(markdown: String, file: String) -> (lessons: [Lesson], diagnostics: [Diagnostic]) {
        let blocks = lessonBlocks(in: markdown)
        guard !blocks.isEmpty else {
            return ([], [.error(file: file, at: .wholeFile, "no ```yaml block with a lesson (a 'title:' line) in this Markdown file")])
        }
        var lessons: [Lesson] = []
        var diagnostics: [Diagnostic] = []
        for (index, block) in blocks.enumerated() {
            let padded = String(repeating: "\n", count: block.fenceLine) + block.text
            let (lesson, found) = LessonChecker.load(text: padded, file: file, name: "example-\(index + 1)")
            diagnostics += found
            if let lesson { lessons.append(lesson) }
        }
        return (lessons, diagnostics)
    }
}
