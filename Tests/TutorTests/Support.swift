import Autograd
import Lessons
import Screen
import Testing
@testable import Tutor

/// The CS231n example, f = (x + y)·z at x = −2, y = 5, z = −4, as a graph file holds it.
let chainRuleText = """
    x = -2
    y = 5
    z = -4
    q = x + y
    f = q * z
    output f
    """

/// A value used twice: f = (a·b)(a + b) at a = −2, b = 3.
let fanOutText = """
    a = -2
    b = 3
    d = a * b
    e = a + b
    f = d * e
    """

func graph(_ text: String) throws -> Graph {
    let (program, diagnostics) = GraphParser.parse(text, file: "test.graph")
    guard let program else {
        Issue.record("parse failed: \(diagnostics)")
        throw ParseFailure()
    }
    return program.graph
}

struct ParseFailure: Error {}

/// A tutor state on a graph at the start.
func state(_ text: String = chainRuleText, title: String = "chain-rule.graph", theme: Theme = .monochrome(),
           size: Size = Size(width: 100, height: 30), granularity: BackwardGranularity = .node) throws -> TutorState {
    try TutorState(subject: .graph(title: title, graph(text)), theme: theme, size: size, granularity: granularity)
}

/// The screen as text, trailing blanks trimmed: what a person sees.
func picture(_ buffer: Buffer) -> String {
    buffer.trimmedLines.joined(separator: "\n")
}

/// The screen after `step` steps.
func frame(_ state: TutorState, step: Int) -> Buffer {
    let moved = update(state, .jump(to: step))
    return view(moved)
}

/// The first cell whose row contains `text` (at its first character), for style checks.
func cell(of text: String, in buffer: Buffer, after: Point = .zero) -> Point? {
    for (y, line) in buffer.lines.enumerated() where y >= after.y {
        var symbols: [String] = []
        for x in 0..<buffer.width { symbols.append(buffer[x, y].symbol) }
        let target = text.map(String.init)
        guard target.count <= symbols.count else { continue }
        for x in 0...(symbols.count - target.count) where Array(symbols[x..<(x + target.count)]) == target {
            _ = line
            return Point(x: x, y: y)
        }
    }
    return nil
}

/// The bundled chain-rule lesson, as `learn chain-rule` opens it.
func chainRuleLesson() throws -> Lesson {
    let library = LessonLibrary.standard()
    let (lesson, diagnostics) = library.load("chain-rule")
    return try #require(lesson, "\(diagnostics)")
}
