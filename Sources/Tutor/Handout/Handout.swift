import Autograd
import Lessons
import Screen

/// A lesson as a Markdown handout (`backprop render LESSON --all --markdown`): for each
/// step, the narration, the formula with its numbers and a table of every node's value
/// and gradient — the layout of the CS231n figures, on paper.
///
/// The text comes from the same code as the screen: the narration from `Narrator`, the
/// formulas from the inspector (`Inspector`), the numbers in the tutor's `Notation`. The
/// steps are the ones `play` shows: every step of a part's first pass, then a row of data
/// or a chunk of training epochs at a time, so a 2000-epoch lesson stays a few pages.
public enum Handout {
    /// The whole lesson (every part) from `start`.
    public static func markdown(from start: TutorState) -> String {
        var state = start
        var out = header(state)
        var part = -1
        var sections = 0
        while true {
            if state.part != part {
                part = state.part
                if state.subject.partCount > 1 {
                    out += "## Part \(part + 1) of \(state.subject.partCount)"
                        + (state.subject.partTitle(part).map { ": \(escape($0))" } ?? "") + "\n\n"
                }
            }
            out += section(state)
            sections += 1
            if state.isAtLessonEnd || sections >= sectionLimit { break }
            // One section per cursor: its pages are in the section already, so page past them.
            let here = (state.part, state.stepper.position)
            for _ in 0..<state.screens.count where (state.part, state.stepper.position) == here { state.advanceOnce() }
            if (state.part, state.stepper.position) == here { break }
        }
        return out
    }

    /// One cursor only, with the lesson's header (`render --step N --markdown`).
    public static func markdown(at state: TutorState) -> String {
        header(state) + section(state)
    }

    /// A bound on the length of a handout.
    static let sectionLimit = 2000

    static func header(_ state: TutorState) -> String {
        var out = "# \(escape(state.subject.title))\n\n"
        if case .lesson(let lesson) = state.subject {
            out += "\(escape(lesson.summary))\n\n"
            if !lesson.sources.isEmpty { out += "Source: \(escape(lesson.sourceLine))\n\n" }
            if let variant = lesson.variant {
                out += "**Variant \(variant)**: the leaves hold numbers of their own (the tables and formulas below); "
                    + "the lesson's pages quote the slide's numbers.\n\n"
            }
        }
        out += "Values are the forward pass; ∂ columns are gradients of the output. "
            + "`·` marks a number not computed yet at that step.\n\n"
        return out
    }

    /// One step: heading, narration, the lesson's questions, formulas, node table.
    static func section(_ state: TutorState) -> String {
        let stepper = state.stepper
        let notation = state.notation
        var out = "### "
        if let last = stepper.lastStep {
            out += "Step \(stepper.position) of \(stepper.count): \(escape(state.describe(last)))\n\n"
        } else {
            out += "Start\n\n"
        }
        let narration = Narrator(state: state).allLines().map(\.text)
        if !narration.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            out += hardBreaks(narration.map(escape)) + "\n\n"
        }
        for item in state.lessonPart?.quiz(for: stepper) ?? [] {
            out += "**Question.** \(escape(item.prompt))\n\n"
        }
        let formulas = Inspector(state: state).lines().map(\.text)
        out += "```text\n" + formulas.joined(separator: "\n") + "\n```\n\n"
        out += table(state, notation: notation) + "\n"
        return out
    }

    /// | node | kind | value | ∂f/∂node |, drawn nodes in definition order.
    static func table(_ state: TutorState, notation: Notation) -> String {
        let stepper = state.stepper
        let graph = stepper.graph
        let progress = state.progress
        let output = state.scene.names[stepper.plan.tape.output.index]
        var out = "| node | kind | value | \(escape(notation.derivative(output, "node"))) |\n|---|---|---:|---:|\n"
        for id in state.scene.graphNodes {
            let kind: String
            switch graph.kind(of: id) {
            case .input: kind = "input"
            case .param: kind = "param"
            case .const: kind = "const"
            case .op: kind = graph.op(of: id)?.name ?? "op"
            }
            let value = progress.valueKnown[id.index] ? notation.number(graph.value(of: id)) : "·"
            let grad = progress.gradKnown[id.index] ? notation.number(graph.grad(of: id)) : "·"
            out += "| \(escape(state.scene.names[id.index])) | \(escape(kind)) | \(value) | \(grad) |\n"
        }
        return out
    }

    /// Lines joined with Markdown hard breaks (a backslash at the end of a line).
    static func hardBreaks(_ lines: [String]) -> String {
        var trimmed = lines
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        return trimmed.enumerated().map { index, line in
            if line.isEmpty { return "" }
            let next = index + 1 < trimmed.count ? trimmed[index + 1] : ""
            return index + 1 < trimmed.count && !next.isEmpty ? line + "\\" : line
        }.joined(separator: "\n")
    }

    /// Text with Markdown's special characters escaped, so names such as `w_off_x1` or
    /// `(q*z)` print as written.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]|<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
