import Screen

/// Which scene a size shows, and whether the side pane goes beside it.
public struct SceneChoice: Sendable, Equatable {
    public var scene: Int
    public var side: Bool
    /// Whether the scene fits the graph pane whole (else it is panned).
    public var fits = true

    /// The first that fits of: each scene (most detailed first) beside the side pane, when
    /// wanted; each scene on the whole width. When none fits, the last scene, panned, with
    /// the side pane if `sideWhenPanned` (a part that trains keeps its loss chart and map;
    /// one that does not gives the graph the width, as it does where the graph fits).
    static func best(_ sizes: [Size], size: Size, wantsSide: Bool, sideWhenPanned: Bool) -> SceneChoice {
        for side in wantsSide ? [true, false] : [false] {
            for (index, drawing) in sizes.enumerated() {
                let viewport = Panes(size: size, graphHeight: drawing.height, sidePane: side).graphViewport
                if drawing.width <= viewport.width && drawing.height <= viewport.height {
                    return SceneChoice(scene: index, side: side)
                }
            }
        }
        return SceneChoice(scene: max(0, sizes.count - 1), side: sideWhenPanned, fits: false)
    }
}
