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
    public let inspector: Rect
    public let narration: Rect
    public let hints: Rect
    /// Beside the graph, for the training views (decision map and loss chart); `nil`
    /// when not asked for or when the screen is too narrow.
    public let side: Rect?

    public var isTooSmall: Bool { size.width < Panes.minimum.width || size.height < Panes.minimum.height }

    /// The graph drawing's visible size inside the pane border.
    public var graphViewport: Size { graph.inset(by: 1).size }

    /// Columns the graph keeps when a side pane is shown; narrower screens get none.
    public static let graphMinimumWithSide = 44

    /// Columns the side pane keeps at least when the graph takes more than its share.
    public static let sideMinimum = 34

    /// `graphWidth`, the drawing's width: beside a side pane the graph takes what it needs
    /// beyond its 62 % while the side pane keeps `sideMinimum` columns.
    public init(size: Size, graphHeight: Int, graphWidth: Int = 0, sidePane: Bool = false) {
        self.size = size
        let whole = Rect(x: 0, y: 0, width: size.width, height: size.height)
        status = Rect(x: 0, y: 0, width: size.width, height: min(1, size.height))
        hints = Rect(x: 0, y: max(1, size.height - 1), width: size.width, height: size.height >= 2 ? 1 : 0)
        let body = whole.inset(top: 1, bottom: 1)
        // Below the graph: at least 8 rows (6 of text) for the inspector and narration.
        let bottomMinimum = min(8, body.height / 2)
        let wantsSide = sidePane && size.width >= Panes.graphMinimumWithSide + 30
        // The training views want room for a map and a chart, whatever the graph needs.
        let wanted = wantsSide ? max(graphHeight + 2, 18) : graphHeight + 2
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
        if parts[1].width >= 70 {
            let sides = parts[1].split(.horizontal, [.percentage(56), .fill(1)])
            inspector = sides[0]
            narration = sides[1]
        } else {
            let stacked = parts[1].split(.vertical, [.percentage(60), .fill(1)])
            inspector = stacked[0]
            narration = stacked[1]
        }
    }
}
