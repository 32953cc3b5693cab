import Autograd
import Foundation

/// Reads the graph language (a contract: docs/ARCHITECTURE.md) into a `GraphProgram`.
///
/// One statement a line; every error is reported as a `Diagnostic` pointing at the
/// offending token, and parsing goes on at the next line so that one run shows them all.
public enum GraphParser {
    /// Parses `text`. Positions are reported with `lineOffset` added to each line and
    /// `columnOffset` to each column, so a graph embedded in a larger file (a lesson's
    /// YAML block) points into that file. The program is `nil` when there is any error.
    public static func parse(
        _ text: String, file: String, lineOffset: Int = 0, columnOffset: Int = 0
    ) -> (program: GraphProgram?, diagnostics: [Diagnostic]) {
        var builder = GraphBuilder(file: file)
        var text = text
        // Lex the String's own UTF-8 storage: a million-line file is not copied again.
        text.withUTF8 { bytes in
            builder.source = bytes
            defer { builder.source = UnsafeBufferPointer(start: nil, count: 0) }
            builder.reserve(for: bytes)
            var tokens: [Token] = []
            var lineStart = 0
            var line = 1
            while lineStart <= bytes.count {
                let lineEnd = endOfLine(in: bytes, from: lineStart)
                let lexer = LineLexer(
                    bytes: bytes, start: lineStart, end: lineEnd,
                    line: line + lineOffset, columnOffset: columnOffset)
                do throws(LineLexer.Failure) {
                    try lexer.tokenize(into: &tokens)
                    do throws(LineLexer.Failure) {
                        try builder.parseStatement(tokens)
                    } catch {
                        builder.report(error)
                    }
                } catch {
                    builder.report(error)
                    builder.noteFailedDefinition(tokens)
                }
                lineStart = lineEnd + 1
                line += 1
            }
        }
        if builder.diagnostics.isEmpty, builder.graph.isEmpty {
            builder.diagnostics.append(.error(
                file: file, at: SourceLocation(line: 1 + lineOffset, column: 1 + columnOffset),
                "the graph is empty; write at least one assignment such as 'x = 2'"))
        }
        guard builder.diagnostics.isEmpty else {
            return (nil, namingLaterDefinitions(builder.diagnostics, in: text, lineOffset: lineOffset))
        }
        var graph = builder.graph
        if let chosen = builder.chosenOutput { graph.output = chosen.id }
        return (GraphProgram(file: file, graph: graph, locations: builder.locations), [])
    }

    /// "unknown name 'a'" where `a` is defined further down: say so, with the line (names
    /// must be defined before use). Only read when some name is unknown.
    static func namingLaterDefinitions(_ diagnostics: [Diagnostic], in text: String, lineOffset: Int) -> [Diagnostic] {
        let prefix = "unknown name '"
        guard diagnostics.contains(where: { $0.message.hasPrefix(prefix) }) else { return diagnostics }
        var definedAt: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var words = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .split(whereSeparator: { $0 == " " || $0 == "\t" }) ?? []
            if let first = words.first, first == "param" || first == "const" { words.removeFirst() }
            guard words.count >= 2, words[1].hasPrefix("=") || words[0].hasSuffix("=") else { continue }
            let name = String(words[0].hasSuffix("=") ? words[0].dropLast() : words[0])
            if definedAt[name] == nil { definedAt[name] = index + 1 + lineOffset }
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.message.hasPrefix(prefix),
                  let name = diagnostic.message.dropFirst(prefix.count).split(separator: "'").first.map(String.init),
                  let line = definedAt[name], line > diagnostic.location.line else { return diagnostic }
            var named = diagnostic
            named.message = "'\(name)' is used before it is defined, at line \(line); define a name before using it"
            return named
        }
    }

    /// The index of the next newline at or after `start`, or the end of the text; memchr
    /// scans a long file several times faster than a loop over the bytes.
    private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
