import Screen

/// Which scene a size shows, and whether the side pane goes beside it.
public struct SceneChoice: Sendable, Equatable {
    public var scene: Int
    /// Which of the flow diagrams (full, brief) is drawn in the flow view.
    public var flow = 0
    public var side: Bool
    /// Whether the scene fits the graph pane whole (else it is panned).
    public var fits = true

    /// The first that fits of: each scene (most detailed first) beside the side pane, when
    /// wanted; each scene on the whole width (not tried with `sideRequired`). When none
    /// fits, the scene the panned pane shows most of, with the side pane if
    /// `sideWhenPanned` (a part that has trained keeps its loss chart and map; before
    /// that, and without training, the graph gets the width).
    static func best(_ sizes: [Size], size: Size, wantsSide: Bool, sideWhenPanned: Bool,
                     sideRequired: Bool = false) -> SceneChoice {
        for side in wantsSide ? (sideRequired ? [true] : [true, false]) : [false] {
            for (index, drawing) in sizes.enumerated() {
                let viewport = Panes(size: size, graphHeight: drawing.height, sidePane: side).graphViewport
                if drawing.width <= viewport.width && drawing.height <= viewport.height {
                    return SceneChoice(scene: index, side: side)
                }
            }
        }
        // None fits: the scene of which the panned pane shows the largest share, preferring
        // one as wide as the pane (panned only up and down, every layer from the inputs to
        // the output in view); the last, least detailed, among equals.
        var best = max(0, sizes.count - 1), bestShare = -1.0
        for (index, drawing) in sizes.enumerated() where drawing.width > 0 && drawing.height > 0 {
            let viewport = Panes(size: size, graphHeight: pannedHeight(drawing.height, screen: size),
                                 sidePane: sideWhenPanned).graphViewport
            let share = min(1, Double(viewport.width) / Double(drawing.width))
                * min(1, Double(viewport.height) / Double(drawing.height))
                + (drawing.width <= viewport.width ? 1 : 0)
            if share >= bestShare { best = index; bestShare = share }
        }
        return SceneChoice(scene: best, side: sideWhenPanned, fits: false)
    }

    /// The rows a drawing that is panned anyway asks for: at most three fifths of the
    /// screen, so the text panes keep more rows than they could spare.
    static func pannedHeight(_ height: Int, screen: Size) -> Int {
        min(height, (screen.height - 2) * 3 / 5 - 2)
    }
}
