import Screen

/// Where each pane goes for a terminal size: the status line on top, the graph, then the
/// inspector and the narration side by side (stacked on narrow screens), the key hints
/// at the bottom. The graph pane takes what its drawing needs, up to what leaves the
/// panes below readable. `update` (to keep the active node in view) and `view` use the
/// same numbers.
public struct Panes: Sendable, Equatable {
    /// The smallest size the tutor draws at; below it, a message asks for a larger window.
    public static let minimum = Size(width: 60, height: 16)

    public let size: Size
    public let status: Rect
    public let graph: Rect
    public private(set) var inspector: Rect
    public private(set) var narration: Rect
    public let hints: Rect
    /// Beside the graph, for the training views (decision map and loss chart); `nil`
    /// when not asked for or when the screen is too narrow.
    public let side: Rect?

    public var isTooSmall: Bool { size.width < Panes.minimum.width || size.height < Panes.minimum.height }

    /// The graph drawing's visible size inside the pane border.
    public var graphViewport: Size { graph.inset(by: 1).size }

    /// Columns the graph keeps when a side pane is shown; narrower screens get none.
    public static let graphMinimumWithSide = 44

    /// Columns the side pane keeps at least when the graph takes more than its share:
    /// room for the map's legend (`█ f ≈ 1 · digits: targets`; in colour `█ f≥0.5 ·
    /// digits: targets`) and a 30-point chart, and two columns fewer than that costs the
    /// 2-2-1 net at 100×30 the blank columns that keep its wires' turns apart (`──┤ └┿▶`).
    public static let sideMinimum = 32

    /// Rows the side pane wants at least for a decision map above a loss chart
    /// (`TrainingPane.rowsWanted`); a map or a chart alone wants `sideRowsForOne`.
    public static let sideRowsForBoth = 18, sideRowsForOne = 16

    /// `graphWidth`, the drawing's width: beside a side pane the graph takes what it needs
    /// beyond its 62 % while the side pane keeps `sideMinimum` columns; `sideRows`, the
    /// rows the side pane wants at least.
    public init(size: Size, graphHeight: Int, graphWidth: Int = 0, sidePane: Bool = false,
                sideRows: Int = Panes.sideRowsForBoth) {
        self.size = size
        let whole = Rect(x: 0, y: 0, width: size.width, height: size.height)
        status = Rect(x: 0, y: 0, width: size.width, height: min(1, size.height))
        hints = Rect(x: 0, y: max(1, size.height - 1), width: size.width, height: size.height >= 2 ? 1 : 0)
        let body = whole.inset(top: 1, bottom: 1)
        // Below the graph: at least 8 rows (6 of text) for the inspector and narration.
        let bottomMinimum = min(8, body.height / 2)
        let wantsSide = sidePane && size.width >= Panes.graphMinimumWithSide + 30
        // The training views want room for what they show, whatever the graph needs.
        let wanted = wantsSide ? max(graphHeight + 2, sideRows) : graphHeight + 2
        let graphRows = min(max(wanted, 5), body.height - bottomMinimum)
        let parts = body.split(.vertical, [.length(graphRows), .fill(1)])
        if wantsSide {
            let share = size.width * 38 / 100
            let columns = max(min(share, size.width - (graphWidth + 2)), min(share, Panes.sideMinimum))
            let sides = parts[0].split(.horizontal, [.fill(1), .length(columns)])
            graph = sides[0]
            side = sides[1]
        } else {
            graph = parts[0]
            side = nil
        }
        if parts[1].width >= Panes.sideBySideText {
            let sides = parts[1].split(.horizontal, [.percentage(56), .fill(1)])
            inspector = sides[0]
            narration = sides[1]
        } else {
            let stacked = parts[1].split(.vertical, [.percentage(60), .fill(1)])
            inspector = stacked[0]
            narration = stacked[1]
        }
    }

    /// The rows below the graph pane, the Step and Lesson panes' with their borders.
    public var textRows: Int { inspector.height + (inspector.y == narration.y ? 0 : narration.height) }

    /// These panes with the Lesson pane alone in the text panes' room and the Step pane
    /// left out (an empty rect): for a lesson's page that does not fit beside the Step
    /// pane, whose step the step's own screen shows (`TutorState.textLayout`).
    func narrationAlone() -> Panes { alone(\.narration, leavingOut: \.inspector) }

    /// These panes with the Step pane alone in the text panes' room and the Lesson pane
    /// left out: for a step whose formulas do not fit beside a Lesson pane that holds only
    /// the generated sentence, which says in general words what the Step pane shows
    /// (`TutorState.textLayout`).
    func inspectorAlone() -> Panes { alone(\.inspector, leavingOut: \.narration) }

    /// One text pane in the room of both, the other an empty rect at its corner.
    private func alone(_ kept: WritableKeyPath<Panes, Rect>, leavingOut left: WritableKeyPath<Panes, Rect>) -> Panes {
        let room = inspector.union(narration)
        var alone = self
        alone[keyPath: kept] = room
        alone[keyPath: left] = Rect(x: room.x, y: room.y, width: 0, height: 0)
        return alone
    }

    /// Rows the Step and Lesson panes want (8 of text), for a graph that can give them up
    /// (a flow diagram with its arrows joined): a backward step through a three-term sum,
    /// and the generic narration beside it, need 7 at 52 columns.
    public static let textRowsWanted = 10

    /// From this width the Step and Lesson panes stand side by side; narrower, stacked.
    static let sideBySideText = 70

    /// Columns each text pane keeps when the other takes more than its share.
    static let textMinimum = 30

    /// How far apart the divisions are that the Step and Lesson panes move between.
    static let divisionStep = 4

    /// These panes with the Step and Lesson panes sharing their row by what they hold:
    /// as they are (56 % for the Step pane) where both texts fit, else at the division
    /// nearest that one where both fit (in steps of `divisionStep` from it where one of
    /// those does), each pane keeping `textMinimum` columns (a sum's
    /// backward step, a line a term, or an epoch's new weights widen the Step pane while
    /// the Lesson pane's two sentences need less). Where no division fits both, as they
    /// are: the division moves only where moving it shows everything, so `↓ more` never
    /// comes with a jump.
    func sharingText(inspector inspectorLines: [Line], narration narrationLines: [Line]) -> Panes {
        let row = Rect(x: inspector.x, y: inspector.y, width: inspector.width + narration.width, height: inspector.height)
        guard inspector.y == narration.y, row.width >= 2 * Panes.textMinimum else { return self }
        // Measured once, then counted at each division.
        let inspectorText = WrapMeasure(inspectorLines), narrationText = WrapMeasure(narrationLines)
        func sides(_ columns: Int) -> [Rect] { row.split(.horizontal, [.length(columns), .fill(1)]) }
        func fits(_ columns: Int) -> Bool {
            let panes = sides(columns)
            return TextPane.overflow(inspectorText, in: panes[0]) == 0 && TextPane.overflow(narrationText, in: panes[1]) == 0
        }
        let usual = inspector.width
        // Where either text is too long even at its widest, no division fits both.
        let widest = sides(row.width - Panes.textMinimum)[0]
        guard !fits(usual), TextPane.overflow(inspectorText, in: widest) == 0, TextPane.overflow(narrationText, in: widest) == 0
        else { return self }
        // In steps of `divisionStep` from the usual division, so that neighbouring frames
        // whose texts differ by a word share a division rather than move it a column or
        // two; any other only where none of those fits.
        let candidates = (Panes.textMinimum...(row.width - Panes.textMinimum)).sorted { abs($0 - usual) < abs($1 - usual) }
        let stepped = candidates.filter { ($0 - usual) % Panes.divisionStep == 0 }
        guard let columns = stepped.first(where: fits) ?? candidates.first(where: fits) else { return self }
        let sides = sides(columns)
        var shared = self
        shared.inspector = sides[0]
        shared.narration = sides[1]
        return shared
    }
}
