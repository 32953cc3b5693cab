extension DAGView {
    /// The layout without the rows at its top and bottom where nothing is drawn. A wire
    /// that turns into its gate where it passes the gate's row (`drawnRoute`) leaves the
    /// row its route went on to, and the rows of a gate's frame grown for its inputs stay
    /// blank: at the drawing's edge, such a row would cost the screen a row for nothing.
    /// A borderless frame that reaches into the trimmed rows loses as many rows at its
    /// other end, so its text, centred in it, stays on its row; the trim is less where
    /// that is not possible. The layout as it is where nothing is blank.
    public func trimmedLayout() -> DAGLayout {
        let area = Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height)
        guard !area.isEmpty else { return layout }
        var drawn: (lo: Int, hi: Int)?
        func take(_ lo: Int, _ hi: Int) { drawn = (min(drawn?.lo ?? lo, lo), max(drawn?.hi ?? hi, hi)) }
        for node in layout.frames.indices {
            let frame = drawnFrame(of: node, in: area)
            take(frame.y, frame.maxY - 1)
        }
        // (Where the boxes' text reaches both ends, nothing is blank: no wire is followed.)
        if let boxes = drawn, boxes.lo <= 0, boxes.hi >= area.height - 1 { return layout }
        for e in layout.edges.indices {
            let ys = drawnRoute(of: e, in: area).map(\.y)
            if let lo = ys.min(), let hi = ys.max() { take(lo, hi) }
        }
        guard let drawn else { return layout }
        var top = max(0, drawn.lo), bottom = max(0, area.height - 1 - drawn.hi)
        guard top + bottom > 0, top + bottom < area.height else { return layout }
        // Each frame reaching into the trimmed rows: cut evenly, as far as its blank rows go.
        func cuts(top: Int, bottom: Int) -> [Int]? {
            var cut = [Int](repeating: 0, count: layout.frames.count)
            for (node, frame) in layout.frames.enumerated() {
                let over = max(top - frame.y, frame.maxY - (area.height - bottom), 0)
                guard over > 0 else { continue }
                let shown = drawnFrame(of: node, in: area)
                guard shown.y - frame.y >= over, frame.maxY - shown.maxY >= over else { return nil }
                cut[node] = over
            }
            return cut
        }
        var found = cuts(top: top, bottom: bottom)
        while found == nil, top + bottom > 0 {
            if bottom > 0 { bottom -= 1 } else { top -= 1 }
            found = cuts(top: top, bottom: bottom)
        }
        guard let cut = found, top + bottom > 0 else { return layout }
        let frames = layout.frames.enumerated().map { node, frame in
            Rect(x: frame.x, y: frame.y - top + cut[node], width: frame.width, height: frame.height - 2 * cut[node])
        }
        let routes = layout.routes.map { route in route.map { Point(x: $0.x, y: $0.y - top) } }
        return DAGLayout(frames: frames, edges: layout.edges, routes: routes, layer: layout.layer, crossings: layout.crossings,
                         size: Size(width: layout.size.width, height: layout.size.height - top - bottom))
    }
}
