import Autograd
import Lessons
import Screen

/// The Update side of the classroom features: one small function per `ClassroomAction`,
/// plus the two hooks the core's `apply` calls (before every action, and before a step).
extension TutorState {
    /// The hints for the bottom line: the answer keys while a question waits, with help
    /// and quit, which always work.
    public func hints(unicode: Bool) -> [KeyHint] {
        guard classroom.quiz.isAsking else { return trainingViewsHint + nextPartHint(keyMap.hints(unicode: unicode), unicode: unicode) }
        return Classroom.answerKeyMap.hints(unicode: unicode) + keyMap.hints(unicode: unicode).filter(\.pinned)
    }

    /// At the end of a part, the next step's key says where it leads, "→ part 2": the Step
    /// pane's line that says so is the first to go where its rows are short. At the end of
    /// the last part it goes, with the end of phase's: neither key does anything there.
    func nextPartHint(_ hints: [KeyHint], unicode: Bool) -> [KeyHint] {
        guard stepper.isAtEnd, isOnLastScreen else { return hints }
        func key(_ action: Action) -> String? {
            keyMap.bindings.first(where: { $0.action == action })?.keys.first?.label(unicode: unicode)
        }
        let phaseEnd = key(.finishPhase)
        guard let next = key(.next) else { return hints }
        guard part + 1 < subject.partCount else { return hints.filter { $0.key != next && $0.key != phaseEnd } }
        return hints.filter { $0.key != phaseEnd }
            .map { $0.key == next ? KeyHint(key: next, help: "part \(part + 2)", pinned: $0.pinned) : $0 }
    }

    /// "t loss chart" first on the line while training has run but the loss chart and the
    /// map gave way to a graph that fits whole only without them (the lesson may speak of
    /// them): the student learns where they are.
    var trainingViewsHint: [KeyHint] {
        guard classroom.trainingVisible == nil, graphPanes.side == nil, let track = trainingTrack, track.trains,
              TrainingTrack.completedEpochs(stepper) >= 1,
              let key = keyMap.bindings.first(where: { $0.action == .classroom(.toggleTraining) })?.keys.first
        else { return [] }
        return [KeyHint(key: key.label(unicode: notation.unicode), help: "loss chart")]
    }

    /// Whether the training views take a pane beside the graph.
    public var trainingPaneShown: Bool {
        guard classroom.trainingVisible != false, let track = classroom.track else { return false }
        return track.trains || track.plane != nil
    }

    /// The open part's training track, if it has data.
    public var trainingTrack: TrainingTrack? { classroom.track }

    /// Called before every action: feedback on an answer stays until the student does
    /// something else, and a step by hand gives autoplay a full interval again.
    mutating func prepareClassroom(for action: Action) {
        switch action {
        case .classroom(.quizType), .classroom(.quizErase), .classroom(.quizSubmit), .classroom(.quizReveal),
             .toggleHelp:
            break
        default:
            if !classroom.quiz.isAsking { classroom.quiz.clearFeedback() }
        }
        if action.moves { classroom.autoplay?.restartTimer(now: classroom.now) }
    }

    mutating func applyClassroom(_ action: ClassroomAction) {
        switch action {
        case .toggleQuiz: toggleQuiz()
        case .quizType(let c): classroom.quiz.type(c)
        case .quizErase: classroom.quiz.deleteBackward()
        case .quizSubmit:
            classroom.quiz.submit()
            textScroll = 0  // the verdict and the next question at the top, in view
            if !classroom.quiz.isAsking { stepForward() }
        case .quizReveal:
            classroom.quiz.reveal()
            textScroll = 0
            if !classroom.quiz.isAsking { stepForward() }
        case .toggleGradientCheck where classroom.quiz.isAsking:
            message = "The gradient check waits until the question is answered."
        case .toggleGradientCheck:
            classroom.gradientCheckVisible.toggle()
            message = classroom.gradientCheckVisible
                ? "Gradient check on (Tab: another node; Esc or a step closes it)."
                : "Gradient check off."
        case .toggleTraining: toggleTraining()
        case .fastForward(let epochs): fastForward(epochs: epochs)
        case .togglePlayback:
            classroom.autoplay?.togglePause(now: classroom.now)
            if classroom.autoplay == nil { message = "Space pauses only under autoplay (backprop play LESSON --autoplay SECONDS)." }
        case .faster: classroom.autoplay?.faster(now: classroom.now)
        case .slower: classroom.autoplay?.slower(now: classroom.now)
        }
    }

    // MARK: Quiz

    private mutating func toggleQuiz() {
        classroom.quizEnabled.toggle()
        if classroom.quizEnabled {
            message = "Quiz mode: predict each number before it is shown."
        } else {
            classroom.quiz.abandon()
            message = "Quiz mode off. \(classroom.quiz.score)"
        }
    }

    /// Before a step: in quiz mode, ask what the step will reveal first. True while
    /// questions wait (the step is taken once they are answered).
    mutating func quizHoldsStep(_ moment: QuizMoment) -> Bool {
        guard classroom.quizEnabled else { return false }
        if classroom.quiz.isAsking {
            message = "Type your answer and press Enter (Esc shows it)."
            return true
        }
        let spot = QuizSession.Spot(part: part, position: stepper.position, moment: moment)
        guard classroom.quiz.needsQuiz(at: spot) else { return false }
        classroom.quiz.begin(QuizMaker.questions(part: lessonPart, stepper: stepper, names: scene.names, edges: drawnEdges,
                                                 moment: moment), at: spot)
        return classroom.quiz.isAsking
    }

    /// The waiting questions asked again in the words of the view shown (after `g`).
    mutating func rewordQuiz() {
        guard classroom.quiz.isAsking, let spot = classroom.quiz.askedAt else { return }
        classroom.quiz.reword(QuizMaker.questions(part: lessonPart, stepper: stepper, names: scene.names, edges: drawnEdges,
                                                  moment: spot.moment))
    }

    /// In the flow view, the terms its diagram draws as edges (`FlowWords.edge`), which
    /// the quiz names as the Step pane does.
    var drawnEdges: [NodeID: QuizMaker.DrawnEdge] {
        guard showsFlow else { return [:] }
        let words = FlowWords(state: self)
        var edges: [NodeID: QuizMaker.DrawnEdge] = [:]
        for id in stepper.graph.ids {
            if let edge = words.edge(drawing: id) {
                edges[id] = QuizMaker.DrawnEdge(phrase: words.phrase(edge), excitation: edge.excitation)
            }
        }
        return edges
    }

    // MARK: Training

    private mutating func toggleTraining() {
        guard trainingTrack != nil else {
            message = "This part has no data to train on or to map."
            return
        }
        classroom.trainingVisible = graphPanes.side == nil
        chooseScene()
        if classroom.trainingVisible == true && graphPanes.side == nil {
            message = "The screen is too narrow for the decision map and loss chart beside the graph."
        }
        follow()
    }

    private mutating func fastForward(epochs: Int) {
        guard let track = trainingTrack, track.trains else {
            message = "This part does not train: f fast-forwards training epochs."
            return
        }
        move { $0.go(to: TrainingTrack.fastForwardTarget($0, epochs: epochs)) }
        let done = TrainingTrack.completedEpochs(stepper)
        let loss = track.losses.indices.contains(done) ? notation.number(track.losses[done]) : "?"
        message = "Epoch \(done) of \(stepper.plan.epochs): mean loss \(loss)"
    }

    // MARK: Autoplay

    /// Starts hands-free playback at `now`.
    public mutating func startAutoplay(interval: Double, now: Double) {
        classroom.now = now
        classroom.autoplay = Autoplay(interval: interval, now: now)
    }

    /// Whether the last part's last step is done: autoplay stops there.
    public var isAtLessonEnd: Bool { stepper.isAtEnd && part + 1 >= subject.partCount && isOnLastScreen }

    /// The clock (`Input.tick`): keeps the time the playback keys use, and advances when
    /// autoplay is due. Not an action: no key causes it, and a status message stays up
    /// across ticks that do nothing.
    mutating func tick(now: Double) {
        classroom.now = now
        guard var autoplay = classroom.autoplay else { return }
        let due = autoplay.poll(now: now, atEnd: isAtLessonEnd)
        classroom.autoplay = autoplay
        guard due, !classroom.quiz.isAsking else { return }
        message = nil
        selection = nil
        advanceOnce()
    }

    /// One autoplay advance: the next step (a whole row or a chunk of epochs once
    /// training repeats itself), or the next part.
    public mutating func advanceOnce() {
        if stepper.isAtEnd || !isOnLastScreen {
            stepForward()
            return
        }
        let target = TrainingTrack.autoplayTarget(stepper)
        if target == stepper.position + 1 {
            stepForward()
        } else {
            move { $0.go(to: target) }
        }
    }
}
