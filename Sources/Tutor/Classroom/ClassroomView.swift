import Autograd
import Screen

/// The View side of the classroom features: what they add to the status line and to the
/// top of the inspector pane (the training views draw themselves, `TrainingPane`).
extension TutorState {
    /// For the status line: the quiz score and the autoplay state, when they are on.
    public var classroomStatus: String? {
        var parts: [String] = []
        if classroom.quizEnabled { parts.append(classroom.quiz.score.description) }
        if let autoplay = classroom.autoplay { parts.append(autoplay.label(unicode: theme.glyphs.isUnicode)) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Lines above the inspector's own: the question being asked (with the answer typed so
    /// far), or the verdict on the last answer; the final score; the gradient check.
    public func classroomLines() -> [Line] {
        var lines: [Line] = []
        let quiz = classroom.quiz
        if let question = quiz.current {
            // The verdict on the question just settled stays above the next one.
            if let feedback = quiz.feedback, feedback.kind == .right || feedback.kind == .revealed {
                lines += feedbackLines(feedback)
                lines.append(Line(""))
            }
            let count = quiz.pending.count
            let title = "Quiz · predict before it is shown" + (count > 1 ? " (\(count) questions here)" : "")
            lines.append(Line(notation.text(title), style: theme(.title)))
            lines.append(Line(notation.text(question.prompt)))
            let cursor = theme.glyphs.isUnicode ? "▏" : "_"
            lines.append(Line([Span("> ", style: theme(.key)), Span(quiz.reply, style: theme(.active)), Span(cursor, style: theme(.muted))]))
            if let feedback = quiz.feedback, feedback.kind != .right, feedback.kind != .revealed {
                lines += feedbackLines(feedback)
            }
            lines.append(Line(""))
            return lines
        }
        if let feedback = quiz.feedback {
            lines += feedbackLines(feedback)
            lines.append(Line(""))
        }
        if classroom.quizEnabled, isAtLessonEnd, quiz.score.asked > 0 {
            lines.append(Line(notation.text("Quiz finished: \(quiz.score)."), style: theme(.title)))
            lines.append(Line(""))
        }
        if classroom.gradientCheckVisible {
            if let node = focus,
               // With a mistake on, the stepper's own (wrong) gradient is what is checked.
               let panel = GradientCheckPanel(graph: stepper.graph, node: node,
                                              outputName: scene.names[stepper.plan.tape.output.index], nodeName: scene.names[node.index],
                                              backpropShown: progress.gradKnown[node.index],
                                              backprop: stepper.mistake == nil ? nil : stepper.graph.grads) {
                lines += panel.lines(theme: theme).map { Line($0.spans.map { Span(notation.text($0.text), style: $0.style) }) }
            } else {
                lines.append(Line(notation.text("Gradient check: select a node with Tab or j.")))
            }
            lines.append(Line(""))
        }
        return lines
    }

    private func feedbackLines(_ feedback: QuizSession.Feedback) -> [Line] {
        let style: Style
        switch feedback.kind {
        case .right: style = theme(.value)
        case .tryAgain, .revealed: style = theme(.error)
        case .unreadable: style = theme(.muted)
        }
        return feedback.lines.enumerated().map { index, text in
            Line(notation.text(text), style: index == 0 ? style : theme(.text))
        }
    }
}
