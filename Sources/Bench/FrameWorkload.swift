import Autograd
import Foundation
import Lessons
import Screen

/// The frame figure: every step of the xor lesson drawn at 100×30, layout included.
///
/// Until the Tutor's `view(state)` exists this draws what the screen's graph pane will:
/// the part's graph laid out afresh for each step (box sizes follow the numbers) with each
/// node's label, value and gradient, through `DAGLayout` and `DAGView` into a Buffer. The
/// inspector, narration and status lines are not included.
public struct FrameWorkload: Sendable {
    public let lesson: Lesson
    public let screen: Size
    /// At most this many steps of each part (a training part can have many thousands).
    public let stepsPerPart: Int

    public init(lessonFile path: String, screen: Size = Size(width: 100, height: 30), stepsPerPart: Int = 500) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BenchError.missingLesson(path)
        }
        let (lesson, diagnostics) = LessonLoader.load(text: text, file: path)
        guard let lesson else { throw BenchError.badLesson(path, diagnostics.map(\.description)) }
        self.lesson = lesson
        self.screen = screen
        self.stepsPerPart = stepsPerPart
    }

    /// `lessons/xor.yaml` in the working directory, else in the source tree this was built
    /// from.
    public static func xor(stepsPerPart: Int = 500) throws -> FrameWorkload {
        let local = "lessons/xor.yaml"
        if FileManager.default.fileExists(atPath: local) {
            return try FrameWorkload(lessonFile: local, stepsPerPart: stepsPerPart)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try FrameWorkload(lessonFile: repository.appendingPathComponent(local).path, stepsPerPart: stepsPerPart)
    }

    /// Wall-clock and thread CPU seconds of each frame.
    public struct Samples: Sendable {
        public var wall: [Double] = []
        public var cpu: [Double] = []
    }

    /// The seconds each frame took: the start of each part and then every step.
    public func frameSeconds() throws -> Samples {
        let clock = ContinuousClock()
        var samples = Samples()
        for part in lesson.parts {
            var stepper = try part.makeStepper()
            for _ in 0...min(stepper.count, stepsPerPart) {
                let graph = stepper.graph
                var frame: Buffer?
                let cpuStart = Timing.threadCPUSeconds()
                samples.wall.append(try clock.measure { frame = try Self.draw(graph, in: screen) }.seconds)
                samples.cpu.append(Timing.threadCPUSeconds() - cpuStart)
                precondition(frame?.size == screen)
                if stepper.step() == nil { break }
            }
        }
        return samples
    }

    /// One frame of the graph pane: boxes with label, value and gradient, laid out and drawn.
    public static func draw(_ graph: Graph, in screen: Size) throws -> Buffer {
        var boxes: [NodeBox] = []
        var sizes: [Size] = []
        var edges: [DAGEdge] = []
        boxes.reserveCapacity(graph.count)
        for id in graph.ids {
            let lines = [
                Line(graph.label(of: id)),
                Line(NumberFormat.short(graph.value(of: id))),
                Line("∂ " + NumberFormat.short(graph.grad(of: id))),
            ]
            boxes.append(NodeBox(lines: lines))
            sizes.append(NodeBox.size(lines: lines))
            for input in graph.inputs(of: id) { edges.append(DAGEdge(from: input.index, to: id.index)) }
        }
        let layout = try DAGLayout(sizes: sizes, edges: edges)
        var buffer = Buffer(size: screen)
        DAGView(layout: layout, nodes: boxes).render(in: buffer.area, buffer: &buffer)
        return buffer
    }
}

/// Why a benchmark could not run.
public enum BenchError: Error, CustomStringConvertible {
    case missingLesson(String)
    case badLesson(String, [String])

    public var description: String {
        switch self {
        case .missingLesson(let path): "cannot read the lesson \(path) (run from the repository root)"
        case .badLesson(let path, let messages): "\(path) does not load: \(messages.joined(separator: "; "))"
        }
    }
}
