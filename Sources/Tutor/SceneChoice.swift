import Screen

/// Which scene a size shows, and whether the side pane goes beside it.
public struct SceneChoice: Sendable, Equatable {
    public var scene: Int
    /// Which of the flow diagrams (full, brief, unlabelled) is drawn in the flow view.
    public var flow = 0
    public var side: Bool
    /// Whether the scene fits the graph pane whole (else it is panned).
    public var fits = true

    /// The first of `tries` that fits: in each, the first of its drawings (indices into
    /// `sizes`, most detailed first) that fits the graph pane whole, beside the side pane
    /// or not. Where that leaves the Step and Lesson panes fewer than
    /// `Panes.textRowsWanted` rows, the first of its `twins` (the same drawing with less
    /// room between its rows) that fits and is shorter. A drawing `wantingRows` is passed
    /// over where it leaves them fewer (a circuit in three bands: then the drawings after
    /// it, as without it). When none fits, the drawing the panned pane shows most of
    /// (`panned`) among those `pannable` (all by default).
    static func best(_ sizes: [Size], size: Size, tries: [(drawings: Range<Int>, side: Bool)],
                     sideWhenPanned: Bool, largestBoxes: [Size] = [], largestGroups: [Size] = [],
                     outputs: [Rect] = [], sideRows: Int = Panes.sideRowsForBoth,
                     twins: (Int) -> [Int] = { _ in [] }, wantingRows: (Int) -> Bool = { _ in false },
                     pannable: (Int) -> Bool = { _ in true },
                     lastResort: (Int) -> Bool = { _ in false }) -> SceneChoice {
        func panes(_ index: Int, side: Bool) -> Panes {
            Panes(size: size, graphHeight: sizes[index].height, graphWidth: sizes[index].width, sidePane: side, sideRows: sideRows)
        }
        func fits(_ index: Int, side: Bool) -> Bool {
            let viewport = panes(index, side: side).graphViewport
            return sizes[index].width <= viewport.width && sizes[index].height <= viewport.height
        }
        for attempt in tries {
            for index in attempt.drawings where fits(index, side: attempt.side) {
                // (Beside a side pane that is taller anyway, a shorter twin gives nothing.)
                let rows = panes(index, side: attempt.side).textRows
                if rows < Panes.textRowsWanted && wantingRows(index) { continue }
                guard rows < Panes.textRowsWanted, let twin = twins(index).first(where: {
                    sizes[$0].height < sizes[index].height && fits($0, side: attempt.side) && panes($0, side: attempt.side).textRows > rows
                }) else { return SceneChoice(scene: index, side: attempt.side) }
                return SceneChoice(scene: twin, side: attempt.side)
            }
        }
        // Panned: beside the side pane if wanted, unless some box could then never be seen
        // and could without it.
        // (`panned` passes over a drawing of no size.)
        let candidates = sizes.indices.map { pannable($0) ? sizes[$0] : Size(width: 0, height: 0) }
        let shown = panned(candidates, size: size, side: sideWhenPanned, largestBoxes: largestBoxes, largestGroups: largestGroups,
                           outputs: outputs, sideRows: sideRows, lastResort: lastResort)
        func boxesFit(_ choice: SceneChoice) -> Bool {
            guard largestBoxes.indices.contains(choice.scene) else { return true }
            let viewport = Panes(size: size, graphHeight: pannedHeight(sizes[choice.scene].height, screen: size),
                                 sidePane: choice.side, sideRows: sideRows).graphViewport
            return largestBoxes[choice.scene].width <= viewport.width && largestBoxes[choice.scene].height <= viewport.height
        }
        guard sideWhenPanned, !boxesFit(shown) else { return shown }
        let alone = panned(candidates, size: size, side: false, largestBoxes: largestBoxes, largestGroups: largestGroups,
                           outputs: outputs, sideRows: sideRows, lastResort: lastResort)
        return boxesFit(alone) ? alone : shown
    }

    /// The drawing of which the panned pane shows the largest share, preferring one whose
    /// every box fits the pane (`largestBoxes[i]`, the widest and tallest box of drawing
    /// i: a box is drawn whole or not at all, so a taller one would never be seen), then
    /// one where every node fits it with the nodes that feed it (`largestGroups[i]`,
    /// `DAGLayout.largestGroup`: each step in view with its inputs), then one as wide as
    /// the pane (panned only up and down, every layer from the inputs to the output in
    /// view) or one whose output's box (`outputs[i]`) is in view from the start, where
    /// the part starts; the last, least detailed, among equals. A `lastResort` drawing
    /// (a wire beside a gate it does not feed) only where it meets one of those that the
    /// others do not: a larger share alone is not worth the misreading.
    static func panned(_ sizes: [Size], size: Size, side: Bool, largestBoxes: [Size] = [], largestGroups: [Size] = [],
                       outputs: [Rect] = [], sideRows: Int = Panes.sideRowsForBoth,
                       lastResort: (Int) -> Bool = { _ in false }) -> SceneChoice {
        var best = max(0, sizes.count - 1), bestShare = -1.0
        for (index, drawing) in sizes.enumerated() where drawing.width > 0 && drawing.height > 0 {
            let viewport = Panes(size: size, graphHeight: pannedHeight(drawing.height, screen: size),
                                 sidePane: side, sideRows: sideRows).graphViewport
            func holds(_ size: Size) -> Bool { size.width <= viewport.width && size.height <= viewport.height }
            func fits(_ sizes: [Size]) -> Bool { !sizes.indices.contains(index) || holds(sizes[index]) }
            let outputSeen = outputs.indices.contains(index) && holds(Size(width: outputs[index].maxX, height: outputs[index].maxY))
            let share = min(1, Double(viewport.width) / Double(drawing.width))
                * min(1, Double(viewport.height) / Double(drawing.height))
                + (drawing.width <= viewport.width ? 1 : 0)
                + (outputSeen ? 1 : 0)
                + (fits(largestGroups) ? 2 : 0)
                + (fits(largestBoxes) ? 4 : 0)
                - (lastResort(index) ? 0.5 : 0)
            if share >= bestShare { best = index; bestShare = share }
        }
        return SceneChoice(scene: best, side: side, fits: false)
    }

    /// The rows a drawing that is panned anyway asks for: at most three fifths of the
    /// screen, so the text panes keep more rows than they could spare; but one a single
    /// row taller, all its rows where the graph pane can have them. Panning up and down
    /// for the one row left out would cost more than the text gains from it (softmax 2's
    /// flow diagram at 80×24 shows its loss box with every input of it that way).
    static func pannedHeight(_ height: Int, screen: Size) -> Int {
        let share = (screen.height - 2) * 3 / 5 - 2
        let tallest = Panes(size: screen, graphHeight: height).graphViewport.height
        return height == share + 1 && height <= tallest ? height : min(height, share)
    }
}
