import Testing
import Screen

/// The buffer's picture with trailing blanks trimmed, one string with newlines: what a
/// person sees, comparable with a multi-line literal.
func picture(_ buffer: Buffer) -> String {
    buffer.picture
}

/// Renders a widget into a fresh buffer of the given size.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var b = Buffer(width: width, height: height)
    b.render(widget, in: b.area)
    return b
}

/// Lays out and draws a graph whose nodes are boxes holding their names.
func drawGraph(names: [String], edges: [(Int, Int)], width: Int, height: Int,
               glyphs: Glyphs = .unicode, offset: Point = .zero,
               options: DAGLayout.Options = DAGLayout.Options()) throws -> (Buffer, DAGLayout) {
    let boxes = names.map { NodeBox(lines: [Line($0)]) }
    let sizes = names.map { NodeBox.size(lines: [Line($0)]) }
    let layout = try DAGLayout(sizes: sizes, edges: edges.map { DAGEdge(from: $0.0, to: $0.1) }, options: options)
    let view = DAGView(layout: layout, nodes: boxes, offset: offset, glyphs: glyphs)
    return (rendered(view, width: width, height: height), layout)
}
